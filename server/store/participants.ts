import type { Db } from './db';
import type { Role } from '../../shared/api';

export interface Participant {
  id: string;
  agreementId: string;
  name: string;
  email: string;
  partyId: string;
  role: Role;
  signatory: boolean;
  createdAt: string;
  revokedAt: string | null;
}

interface Row {
  id: string;
  agreement_id: string;
  name: string;
  email: string;
  party_id: string;
  role: Role;
  signatory: number;
  created_at: string;
  revoked_at: string | null;
}

const toParticipant = (r: Row): Participant => ({
  id: r.id,
  agreementId: r.agreement_id,
  name: r.name,
  email: r.email,
  partyId: r.party_id,
  role: r.role,
  signatory: r.signatory === 1,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/**
 * Who takes part in which agreement, with which role. A personal link is
 * known by the hash of its token only: the token itself is handed out once
 * (at invitation or re-issue) and never stored.
 */
export class ParticipantStore {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly byTokenStmt;
  private readonly listStmt;
  private readonly updateStmt;
  private readonly revokeStmt;
  private readonly tokenStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO participants (id, agreement_id, name, email, party_id, role, signatory, token_hash, created_at)
       VALUES (@id, @agreementId, @name, @email, @partyId, @role, @signatory, @tokenHash, @createdAt)`,
    );
    this.byIdStmt = db.prepare<[string], Row>('SELECT * FROM participants WHERE id = ?');
    this.byTokenStmt = db.prepare<[string], Row>('SELECT * FROM participants WHERE token_hash = ?');
    this.listStmt = db.prepare<[string], Row>('SELECT * FROM participants WHERE agreement_id = ? ORDER BY created_at, rowid');
    this.updateStmt = db.prepare<[Role, number, string, string]>('UPDATE participants SET role = ?, signatory = ?, party_id = ? WHERE id = ?');
    this.revokeStmt = db.prepare<[string, string]>('UPDATE participants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.tokenStmt = db.prepare<[string, string]>('UPDATE participants SET token_hash = ? WHERE id = ? AND revoked_at IS NULL');
  }

  insert(p: Omit<Participant, 'createdAt' | 'revokedAt'> & { tokenHash: string }, now = new Date().toISOString()): Participant {
    const { tokenHash, ...participant } = p;
    this.insertStmt.run({ ...participant, tokenHash, signatory: p.signatory ? 1 : 0, createdAt: now });
    return { ...participant, createdAt: now, revokedAt: null };
  }

  get(id: string): Participant | undefined {
    const row = this.byIdStmt.get(id);
    return row && toParticipant(row);
  }

  byTokenHash(hash: string): Participant | undefined {
    const row = this.byTokenStmt.get(hash);
    return row && toParticipant(row);
  }

  list(agreementId: string): Participant[] {
    return this.listStmt.all(agreementId).map(toParticipant);
  }

  update(id: string, fields: { role: Role; signatory: boolean; partyId: string }): void {
    this.updateStmt.run(fields.role, fields.signatory ? 1 : 0, fields.partyId, id);
  }

  /** Points the participant's personal link at a new token: the old one stops working. False if revoked or unknown. */
  replaceTokenHash(id: string, tokenHash: string): boolean {
    return this.tokenStmt.run(tokenHash, id).changes === 1;
  }

  revoke(id: string, now = new Date().toISOString()): void {
    this.revokeStmt.run(now, id);
  }
}
