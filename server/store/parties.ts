import type { Db } from './db';

/**
 * The parties of each agreement, in order. This table is the truth about
 * who the parties are; the Y.Doc only mirrors the list (`partyIds`) and
 * holds each party's fields.
 */
export class PartyStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      list: db.prepare<[string], { id: string }>('SELECT id FROM parties WHERE agreement_id = ? ORDER BY position, created_at'),
      nextPosition: db.prepare<[string], { n: number }>('SELECT coalesce(max(position), -1) + 1 AS n FROM parties WHERE agreement_id = ?'),
      insert: db.prepare<[string, string, number, string]>('INSERT INTO parties (agreement_id, id, position, created_at) VALUES (?, ?, ?, ?)'),
      remove: db.prepare<[string, string]>('DELETE FROM parties WHERE agreement_id = ? AND id = ?'),
      has: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM parties WHERE agreement_id = ? AND id = ?'),
      participants: db.prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM participants WHERE agreement_id = ? AND party_id = ? AND revoked_at IS NULL',
      ),
      approvals: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM approvals WHERE agreement_id = ? AND party_id = ?'),
      signatures: db.prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM signatures s JOIN versions v ON v.id = s.version_id WHERE v.agreement_id = ? AND s.party_id = ?',
      ),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  list(agreementId: string): string[] {
    return this.s.list.all(agreementId).map((r) => r.id);
  }

  has(agreementId: string, partyId: string): boolean {
    return (this.s.has.get(agreementId, partyId)?.n ?? 0) > 0;
  }

  add(agreementId: string, partyId: string, now = new Date().toISOString()): void {
    const position = this.s.nextPosition.get(agreementId)?.n ?? 0;
    this.s.insert.run(agreementId, partyId, position, now);
  }

  remove(agreementId: string, partyId: string): void {
    this.s.remove.run(agreementId, partyId);
  }

  /** What ties a party to the agreement so that it can no longer be removed. */
  ties(agreementId: string, partyId: string): { participants: number; approvals: number; signatures: number } {
    return {
      participants: this.s.participants.get(agreementId, partyId)?.n ?? 0,
      approvals: this.s.approvals.get(agreementId, partyId)?.n ?? 0,
      signatures: this.s.signatures.get(agreementId, partyId)?.n ?? 0,
    };
  }
}
