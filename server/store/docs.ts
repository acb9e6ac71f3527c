import * as Y from 'yjs';
import type { Db } from './db';

/**
 * Yjs document storage: an append-only log of updates per document, folded
 * into a snapshot by `compact` (in the background as the log grows, and
 * whenever a document unloads or the server stops). A compacted document is
 * one row: opening it is one read (`compacted`) and one applyUpdate. Loading
 * otherwise = snapshot + every update after it (`load`).
 */
export class DocStore {
  private readonly insertUpdate;
  private readonly selectSnapshot;
  private readonly selectUpdates;
  private readonly upsertSnapshot;
  private readonly deleteUpdates;
  private readonly maxSeq;
  private readonly selectCompacted;
  private readonly nextSeqs = new Map<string, number>();
  /** Appends many updates in one transaction: one commit per batch, not per update. */
  readonly appendMany: (batch: readonly { docId: string; update: Uint8Array }[]) => void;

  constructor(private readonly db: Db) {
    this.insertUpdate = db.prepare<[string, number, Uint8Array]>('INSERT INTO doc_updates (doc_id, seq, data) VALUES (?, ?, ?)');
    this.selectSnapshot = db.prepare<[string], { data: Buffer; last_seq: number }>('SELECT data, last_seq FROM doc_snapshots WHERE doc_id = ?');
    this.selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
    );
    this.upsertSnapshot = db.prepare<[string, Uint8Array, number, Uint8Array]>(
      'INSERT INTO doc_snapshots (doc_id, data, last_seq, state_vector) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT(doc_id) DO UPDATE SET data = excluded.data, last_seq = excluded.last_seq, state_vector = excluded.state_vector',
    );
    this.deleteUpdates = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
    this.maxSeq = db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM doc_updates WHERE doc_id = ?');
    this.selectCompacted = db.prepare<[string], { data: Buffer; state_vector: Buffer | null; later: number }>(
      'SELECT s.data AS data, s.state_vector AS state_vector, EXISTS (SELECT 1 FROM doc_updates u WHERE u.doc_id = s.doc_id AND u.seq > s.last_seq) AS later ' +
        'FROM doc_snapshots s WHERE s.doc_id = ?',
    );
    this.appendMany = db.transaction((batch: readonly { docId: string; update: Uint8Array }[]) => {
      for (const { docId, update } of batch) this.insertUpdate.run(docId, this.nextSeq(docId), update);
    });
  }

  append(docId: string, update: Uint8Array): void {
    this.insertUpdate.run(docId, this.nextSeq(docId), update);
  }

  /**
   * The next sequence number of a document's log: above every stored update
   * and the snapshot, even once compaction deleted them all. A failed
   * transaction leaves a gap, which is harmless.
   */
  private nextSeq(docId: string): number {
    let next = this.nextSeqs.get(docId);
    if (next === undefined) {
      const stored = this.maxSeq.get(docId)?.seq ?? 0;
      const snapshot = this.selectSnapshot.get(docId)?.last_seq ?? 0;
      next = Math.max(stored, snapshot) + 1;
    }
    this.nextSeqs.set(docId, next + 1);
    return next;
  }

  /**
   * The document's snapshot and its state vector (null if compacted before it was kept) if
   * nothing was stored after it (the document is compacted), else null.
   */
  compacted(docId: string): { state: Uint8Array; stateVector: Uint8Array | null } | null {
    const row = this.selectCompacted.get(docId);
    return row && row.later === 0 ? { state: row.data, stateVector: row.state_vector } : null;
  }

  /**
   * Builds the stored document. Throws if any stored blob is not a valid
   * update: the caller must then refuse the document, never overwrite it.
   */
  load(docId: string): { doc: Y.Doc; pendingUpdates: number; storedBytes: number } {
    const doc = new Y.Doc({ gc: true });
    const snapshot = this.selectSnapshot.get(docId);
    let failure: unknown;
    const apply = (data: Uint8Array): void => {
      try {
        Y.applyUpdate(doc, data);
      } catch (err) {
        failure ??= err;
      }
    };
    let storedBytes = 0;
    if (snapshot) apply(snapshot.data);
    storedBytes += snapshot?.data.byteLength ?? 0;
    const rows = this.selectUpdates.all(docId, snapshot?.last_seq ?? 0);
    for (const row of rows) {
      apply(row.data);
      storedBytes += row.data.byteLength;
    }
    // Updates whose dependencies never arrived mean something is missing.
    if (failure === undefined && (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)) {
      failure = new Error('stored updates are incomplete');
    }
    if (failure !== undefined) {
      doc.destroy();
      throw new Error(`document ${docId} could not be loaded: ${String(failure)}`);
    }
    return { doc, pendingUpdates: rows.length, storedBytes };
  }

  /**
   * Folds every stored update of `docId` into one snapshot equal to `state`.
   * The caller guarantees `state` already contains every stored update
   * (it is the live document after all pending writes were flushed).
   */
  compact(docId: string, state: Uint8Array, stateVector: Uint8Array): void {
    this.db.transaction(() => {
      const last = this.maxSeq.get(docId)?.seq ?? null;
      if (last === null) return;
      this.upsertSnapshot.run(docId, state, last, stateVector);
      this.deleteUpdates.run(docId, last);
    })();
  }
}
