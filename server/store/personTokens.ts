import type { Db } from './db';

/** `link`: a sign-in link the person copied; `email`: one mailed to an address (opening it proves the address). */
export type PersonTokenPurpose = 'link' | 'email';

export interface UsedToken {
  personId: string;
  purpose: PersonTokenPurpose;
  email: string | null;
}

/**
 * Sign-in links (stored as their SHA-256 only) and the e-mail addresses a
 * person proved. A link is used once: `use` marks it in the same statement
 * that checks it, so two browsers racing with one link cannot both win.
 */
export class PersonTokenStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare<[string, string, PersonTokenPurpose, string | null, string, string]>(
        'INSERT INTO person_tokens (token_hash, person_id, purpose, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      use: db.prepare<[string, string, string], { person_id: string; purpose: PersonTokenPurpose; email: string | null }>(
        'UPDATE person_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING person_id, purpose, email',
      ),
      prove: db.prepare<[string, string, string]>(
        `INSERT INTO person_emails (email, person_id, verified_at) VALUES (?, ?, ?)
         ON CONFLICT (email) DO UPDATE SET person_id = excluded.person_id, verified_at = excluded.verified_at`,
      ),
      byEmail: db.prepare<[string], { person_id: string }>('SELECT person_id FROM person_emails WHERE email = ?'),
      emails: db.prepare<[string], { email: string }>('SELECT email FROM person_emails WHERE person_id = ? ORDER BY email'),
    };
  }

  add(tokenHash: string, personId: string, purpose: PersonTokenPurpose, email: string | null, now: Date, ttlMs: number): string {
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    this.s.insert.run(tokenHash, personId, purpose, email, now.toISOString(), expiresAt);
    return expiresAt;
  }

  /** The token's person if it is known, unused and unexpired; it is then used up. */
  use(tokenHash: string, now: string): UsedToken | undefined {
    const row = this.s.use.get(now, tokenHash, now);
    return row && { personId: row.person_id, purpose: row.purpose, email: row.email };
  }

  /** The address is the person's (a link mailed to it was opened); it moves from anyone who had it. */
  prove(email: string, personId: string, now: string): void {
    this.s.prove.run(email, personId, now);
  }

  personWithEmail(email: string): string | undefined {
    return this.s.byEmail.get(email)?.person_id;
  }

  emails(personId: string): string[] {
    return this.s.emails.all(personId).map((r) => r.email);
  }
}
