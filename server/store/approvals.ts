import type { Db } from './db';

export interface Approval {
  section: string;
  partyId: string;
  participantId: string;
  contentHash: string;
  approvedAt: string;
}

interface Row {
  section_key: string;
  party_id: string;
  participant_id: string;
  content_hash: string;
  approved_at: string;
}

/** Section approvals: one per (section, party), bound to the section's content hash. */
export class ApprovalStore {
  private readonly upsertStmt;
  private readonly listStmt;
  private readonly deleteStmt;
  private readonly clearStmt;
  private readonly anyStmt;

  constructor(private readonly db: Db) {
    this.upsertStmt = db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO approvals (agreement_id, section_key, party_id, participant_id, content_hash, approved_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (agreement_id, section_key, party_id) DO UPDATE SET participant_id = excluded.participant_id, content_hash = excluded.content_hash, approved_at = excluded.approved_at`,
    );
    this.listStmt = db.prepare<[string], Row>('SELECT * FROM approvals WHERE agreement_id = ? ORDER BY section_key, party_id');
    this.deleteStmt = db.prepare<[string, string, string]>('DELETE FROM approvals WHERE agreement_id = ? AND section_key = ? AND party_id = ?');
    this.clearStmt = db.prepare<[string]>('DELETE FROM approvals WHERE agreement_id = ?');
    this.anyStmt = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM approvals WHERE agreement_id = ?');
  }

  approve(agreementId: string, a: Approval): void {
    this.upsertStmt.run(agreementId, a.section, a.partyId, a.participantId, a.contentHash, a.approvedAt);
  }

  list(agreementId: string): Approval[] {
    return this.listStmt.all(agreementId).map((r) => ({
      section: r.section_key,
      partyId: r.party_id,
      participantId: r.participant_id,
      contentHash: r.content_hash,
      approvedAt: r.approved_at,
    }));
  }

  has(agreementId: string): boolean {
    return (this.anyStmt.get(agreementId)?.n ?? 0) > 0;
  }

  /** Clears one party's approval of a section. */
  clear(agreementId: string, section: string, partyId: string): void {
    this.deleteStmt.run(agreementId, section, partyId);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  clearAll(agreementId: string): void {
    this.clearStmt.run(agreementId);
  }
}
