import type { AgreementStatus } from '../../../shared/api';
import type { Db } from '../db';
import type { Append } from '../docs';

/**
 * Whether a client's update may be stored: the agreement's status and the
 * participant who sent it, as the database has them now (the policy decides;
 * see services/container.ts).
 */
export type MayWrite = (status: AgreementStatus | undefined, editorId: string) => boolean;

/** The advisory-lock class of document compaction (the other key is the document's hash). */
const COMPACTION_LOCK = 0x636f6d70; // "comp"

/**
 * The update log's writes on PostgreSQL, where several instances may append
 * to one document. Each batch is one transaction that first locks the rows of
 * its agreements (in id order, so two instances never deadlock): sequence
 * numbers are then assigned without a race, and a lock, an unlock or a
 * revocation decided on any instance is seen by every append after it.
 */
export class PgDocLog {
  private readonly lockAgreements;
  private readonly heads;
  private readonly insert;
  private readonly tryLock;
  private readonly snapshotSeq;
  private readonly upsertSnapshot;
  private readonly deleteUpdates;

  constructor(
    private readonly db: Db,
    private readonly mayWrite: MayWrite,
  ) {
    this.lockAgreements = db.prepare<[string[]], { id: string; status: AgreementStatus }>(
      'SELECT id, status FROM agreements WHERE id = ANY(?::text[]) ORDER BY id FOR UPDATE',
    );
    this.heads = db.prepare<[string[]], { id: string; seq: number }>(
      'SELECT d.id, greatest(coalesce((SELECT max(u.seq) FROM doc_updates u WHERE u.doc_id = d.id), 0), ' +
        'coalesce((SELECT s.last_seq FROM doc_snapshots s WHERE s.doc_id = d.id), 0)) AS seq FROM unnest(?::text[]) AS d(id)',
    );
    this.insert = db.prepare<[string[], number[], Uint8Array[]]>(
      'INSERT INTO doc_updates (doc_id, seq, data) SELECT * FROM unnest(?::text[], ?::bigint[], ?::bytea[])',
    );
    this.tryLock = db.prepare<[string], { ok: number }>(`SELECT pg_try_advisory_xact_lock(${COMPACTION_LOCK}, hashtext(?)) AS ok`);
    this.snapshotSeq = db.prepare<[string], { last_seq: number }>('SELECT last_seq FROM doc_snapshots WHERE doc_id = ?');
    this.upsertSnapshot = db.prepare<[string, Uint8Array, number, Uint8Array]>(
      'INSERT INTO doc_snapshots (doc_id, data, last_seq, state_vector) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, last_seq = excluded.last_seq, state_vector = excluded.state_vector',
    );
    this.deleteUpdates = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
  }

  appendMany(batch: readonly Append[]): (number | null)[] {
    return this.db.transaction(() => {
      const ids = [...new Set(batch.map((b) => b.docId))].sort();
      const status = new Map(this.lockAgreements.all(ids).map((r) => [r.id, r.status]));
      // A statement of its own, after the lock: read with what the appends we waited for committed.
      const next = new Map(this.heads.all(ids).map((r) => [r.id, r.seq]));
      const verdicts = new Map<string, boolean>();
      const rows: { docs: string[]; seqs: number[]; data: Uint8Array[] } = { docs: [], seqs: [], data: [] };
      const seqs = batch.map(({ docId, update, editor }) => {
        if (editor !== undefined) {
          const key = `${docId}\n${editor}`;
          let allowed = verdicts.get(key);
          if (allowed === undefined) verdicts.set(key, (allowed = this.mayWrite(status.get(docId), editor)));
          if (!allowed) return null;
        }
        const seq = (next.get(docId) ?? 0) + 1;
        next.set(docId, seq);
        rows.docs.push(docId);
        rows.seqs.push(seq);
        rows.data.push(update);
        return seq;
      });
      if (rows.docs.length > 0) this.insert.run(rows.docs, rows.seqs, rows.data);
      return seqs;
    })();
  }

  /** One instance at a time per document; never folds less than an earlier compaction did. */
  compact(docId: string, state: Uint8Array, stateVector: Uint8Array, upToSeq: number): boolean {
    return this.db.transaction(() => {
      if (this.tryLock.get(docId)?.ok !== 1) return false;
      const folded = this.snapshotSeq.get(docId)?.last_seq ?? 0;
      if (upToSeq <= 0 || folded >= upToSeq) return false;
      this.upsertSnapshot.run(docId, state, upToSeq, stateVector);
      this.deleteUpdates.run(docId, upToSeq);
      return true;
    })();
  }
}
