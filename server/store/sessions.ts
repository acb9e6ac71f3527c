import type { Db } from './db';

/** Browser sessions: an httpOnly cookie's token (hashed) → a participant. */
export class SessionStore {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly deleteForStmt;
  private readonly deleteStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string, string, string]>(
      'INSERT INTO sessions (token_hash, participant_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    );
    this.getStmt = db.prepare<[string, string], { participant_id: string }>('SELECT participant_id FROM sessions WHERE token_hash = ? AND expires_at > ?');
    this.deleteForStmt = db.prepare<[string, string | null]>('DELETE FROM sessions WHERE participant_id = ? AND token_hash IS DISTINCT FROM ?');
    this.deleteStmt = db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?');
  }

  /** Ends one session (signing out, or one a person session made unneeded). */
  delete(tokenHash: string): void {
    this.deleteStmt.run(tokenHash);
  }

  create(tokenHash: string, participantId: string, ttlMs: number, now = new Date()): void {
    this.insertStmt.run(tokenHash, participantId, now.toISOString(), new Date(now.getTime() + ttlMs).toISOString());
  }

  participantOf(tokenHash: string, now = new Date()): string | undefined {
    return this.getStmt.get(tokenHash, now.toISOString())?.participant_id;
  }

  /** Ends every session of a participant (revocation, new link), but `keepHash` if given. */
  deleteFor(participantId: string, keepHash?: string): void {
    this.deleteForStmt.run(participantId, keepHash ?? null);
  }
}
