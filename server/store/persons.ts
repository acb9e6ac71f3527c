import type { Db } from './db';

/** One of a person's participants, the latest opened first on each agreement. */
export interface PersonParticipant {
  participantId: string;
  agreementId: string;
  openedAt: string;
}

/**
 * People across agreements (migration "A person" in db.ts): a person, their
 * browser sessions (an httpOnly cookie's token, hashed) and the participants
 * whose links were opened while signed in as them. Times are ISO strings
 * from the caller's clock, so tests move them.
 */
export class PersonStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      person: db.prepare<[string, string]>('INSERT INTO persons (id, created_at) VALUES (?, ?)'),
      session: db.prepare<[string, string, string, string]>('INSERT INTO person_sessions (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      personOf: db.prepare<[string, string], { person_id: string }>('SELECT person_id FROM person_sessions WHERE token_hash = ? AND expires_at > ?'),
      endSession: db.prepare<[string]>('DELETE FROM person_sessions WHERE token_hash = ?'),
      endAll: db.prepare<[string]>('DELETE FROM person_sessions WHERE person_id = ?'),
      pruneSessions: db.prepare<[string]>('DELETE FROM person_sessions WHERE expires_at <= ?'),
      pruneTokens: db.prepare<[string]>('DELETE FROM person_tokens WHERE expires_at <= ?'),
      attach: db.prepare<{ person: string; participant: string; agreement: string; now: string }>(
        `INSERT INTO person_participants (person_id, participant_id, agreement_id, opened_at, opened)
         VALUES (@person, @participant, @agreement, @now, (SELECT coalesce(max(opened), 0) + 1 FROM person_participants WHERE person_id = @person))
         ON CONFLICT (person_id, participant_id) DO UPDATE SET opened_at = excluded.opened_at, opened = excluded.opened`,
      ),
      // Who the person is on one agreement: the participant opened last, a live one before a revoked one.
      on: db.prepare<[string, string, string], { participant_id: string }>(
        `SELECT pp.participant_id FROM person_sessions s
         JOIN person_participants pp ON pp.person_id = s.person_id AND pp.agreement_id = ?
         JOIN participants p ON p.id = pp.participant_id
         WHERE s.token_hash = ? AND s.expires_at > ?
         ORDER BY p.revoked_at IS NULL DESC, pp.opened DESC LIMIT 1`,
      ),
      participants: db.prepare<[string], { participant_id: string; agreement_id: string; opened_at: string }>(
        `SELECT pp.participant_id, pp.agreement_id, pp.opened_at FROM person_participants pp
         JOIN participants p ON p.id = pp.participant_id
         WHERE pp.person_id = ? AND p.revoked_at IS NULL ORDER BY pp.opened DESC`,
      ),
      // The other live participants of every person this participant is attached to.
      samePerson: db.prepare<[string, string], { participant_id: string; agreement_id: string }>(
        `SELECT DISTINCT o.participant_id, o.agreement_id FROM person_participants me
         JOIN person_participants o ON o.person_id = me.person_id AND o.participant_id != me.participant_id
         JOIN participants p ON p.id = o.participant_id
         WHERE me.participant_id = ? AND p.revoked_at IS NULL AND o.participant_id != ?`,
      ),
      // A new personal link (or a revocation) detaches the participant from every person but `keep`.
      detach: db.prepare<[string, string | null]>('DELETE FROM person_participants WHERE participant_id = ? AND person_id IS DISTINCT FROM ?'),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  createPerson(id: string, now: string): void {
    this.s.person.run(id, now);
  }

  createSession(tokenHash: string, personId: string, now: Date, ttlMs: number): void {
    this.s.session.run(tokenHash, personId, now.toISOString(), new Date(now.getTime() + ttlMs).toISOString());
  }

  personOf(tokenHash: string, now: string): string | undefined {
    return this.s.personOf.get(tokenHash, now)?.person_id;
  }

  endSession(tokenHash: string): void {
    this.s.endSession.run(tokenHash);
  }

  /** Forgets expired sessions and sign-in links (they open nothing already). */
  prune(now: string): void {
    this.s.pruneSessions.run(now);
    this.s.pruneTokens.run(now);
  }

  /** Every browser signed in as the person is signed out. */
  endAllSessions(personId: string): void {
    this.s.endAll.run(personId);
  }

  attach(personId: string, participantId: string, agreementId: string, now: string): void {
    this.s.attach.run({ person: personId, participant: participantId, agreement: agreementId, now });
  }

  /** The participant a person session stands for on `agreementId`, if any. */
  participantOn(sessionHash: string, agreementId: string, now: string): string | undefined {
    return this.s.on.get(agreementId, sessionHash, now)?.participant_id;
  }

  /** The person's live participants, the latest opened first. */
  participants(personId: string): PersonParticipant[] {
    return this.s.participants.all(personId).map((r) => ({ participantId: r.participant_id, agreementId: r.agreement_id, openedAt: r.opened_at }));
  }

  /** Who else the people this participant is part of are (to tell their open pages of a notification). */
  samePerson(participantId: string): { participantId: string; agreementId: string }[] {
    return this.s.samePerson.all(participantId, participantId).map((r) => ({ participantId: r.participant_id, agreementId: r.agreement_id }));
  }

  detach(participantId: string, keepPersonId?: string): void {
    this.s.detach.run(participantId, keepPersonId ?? null);
  }
}
