import * as Y from 'yjs';
import type { Db } from './db';
import { PgDocLog, type MayWrite } from './postgres/docLog';

/** One update to append; `editor` is the participant whose client sent it (absent: the server's own change). */
export interface Append {
  docId: string;
  update: Uint8Array;
  editor?: string;
}

/** What is stored of a document after a given sequence number (`since`). */
export interface StoredSince {
  /** The snapshot, when compaction folded updates after the asked number into it: apply it first. */
  snapshot: Uint8Array | null;
  updates: { seq: number; data: Uint8Array }[];
  /** The highest sequence number these cover (the asked one if nothing is newer). */
  lastSeq: number;
}

/**
 * Yjs document storage: an append-only log of updates per document, folded
 * into a snapshot by `compact` (in the background as the log grows, and
 * whenever a document unloads or the server stops). A compacted document is
 * one row: opening it is one read (`compacted`) and one applyUpdate. Loading
 * otherwise = snapshot + every update after it (`load`).
 *
 * Every update has a per-document sequence number. On SQLite one process
 * writes, and counts them in memory. On PostgreSQL several instances may
 * write the same document: PgDocLog numbers them under the agreement's row
 * lock, where it also refuses a client's update to an agreement that is no
 * longer a draft, or from a participant who may no longer edit, whichever
 * instance decided that (`mayWrite`).
 */
export class DocStore {
  private readonly insertUpdate;
  private readonly upsertSnapshot;
  private readonly deleteUpdates;
  private readonly maxSeq;
  private readonly selectCompacted;
  private readonly selectSince;
  private readonly nextSeqs = new Map<string, number>();
  private readonly pg: PgDocLog | null;
  private readonly sqliteAppendMany: (batch: readonly Append[]) => number[];

  constructor(
    private readonly db: Db,
    mayWrite: MayWrite = () => true,
  ) {
    this.pg = db.dialect === 'postgres' ? new PgDocLog(db, mayWrite) : null;
    this.insertUpdate = db.prepare<[string, number, Uint8Array]>('INSERT INTO doc_updates (doc_id, seq, data) VALUES (?, ?, ?)');
    this.upsertSnapshot = db.prepare<[string, Uint8Array, number, Uint8Array]>(
      'INSERT INTO doc_snapshots (doc_id, data, last_seq, state_vector) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT(doc_id) DO UPDATE SET data = excluded.data, last_seq = excluded.last_seq, state_vector = excluded.state_vector',
    );
    this.deleteUpdates = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
    this.maxSeq = db.prepare<[string, string], { seq: number | null }>(
      'SELECT max(seq) AS seq FROM (SELECT max(seq) AS seq FROM doc_updates WHERE doc_id = ? UNION ALL SELECT last_seq FROM doc_snapshots WHERE doc_id = ?) s',
    );
    this.selectCompacted = db.prepare<[string], { data: Buffer; state_vector: Buffer | null; last_seq: number; later: number }>(
      'SELECT s.data AS data, s.state_vector AS state_vector, s.last_seq AS last_seq, ' +
        'EXISTS (SELECT 1 FROM doc_updates u WHERE u.doc_id = s.doc_id AND u.seq > s.last_seq) AS later FROM doc_snapshots s WHERE s.doc_id = ?',
    );
    // One statement, so it reads one state of the log even while another instance compacts it.
    this.selectSince = db.prepare<[string, number, string, number], { snapshot: number; seq: number; data: Buffer }>(
      'SELECT 1 AS snapshot, last_seq AS seq, data FROM doc_snapshots WHERE doc_id = ? AND last_seq > ? ' +
        'UNION ALL SELECT 0 AS snapshot, seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY snapshot DESC, seq',
    );
    this.sqliteAppendMany = db.transaction((batch: readonly Append[]) => batch.map(({ docId, update }) => this.insert(docId, update)));
  }

  /**
   * Appends many updates in one transaction (one commit per batch, not per
   * update). Returns each one's sequence number, or null where it was refused
   * (PostgreSQL only: see the class comment).
   */
  appendMany(batch: readonly Append[]): (number | null)[] {
    return this.pg ? this.pg.appendMany(batch) : this.sqliteAppendMany(batch);
  }

  /** Appends the server's own change; returns its sequence number. */
  append(docId: string, update: Uint8Array): number {
    return this.pg ? (this.pg.appendMany([{ docId, update }])[0] ?? 0) : this.insert(docId, update);
  }

  private insert(docId: string, update: Uint8Array): number {
    // Above every stored update and the snapshot, even once compaction deleted them all.
    const seq = this.nextSeqs.get(docId) ?? this.lastSeq(docId) + 1;
    this.nextSeqs.set(docId, seq + 1);
    this.insertUpdate.run(docId, seq, update);
    return seq;
  }

  /** The highest sequence number stored for the document (0: nothing yet). */
  lastSeq(docId: string): number {
    return this.maxSeq.get(docId, docId)?.seq ?? 0;
  }

  /** What was stored after `afterSeq`: how an instance catches up on updates it did not receive. */
  since(docId: string, afterSeq: number): StoredSince {
    const rows = this.selectSince.all(docId, afterSeq, docId, afterSeq);
    const first = rows[0];
    const snapshot = first?.snapshot === 1 ? first : undefined;
    const after = snapshot?.seq ?? afterSeq;
    const updates = rows.filter((r) => r.snapshot === 0 && r.seq > after).map((r) => ({ seq: r.seq, data: r.data }));
    return { snapshot: snapshot?.data ?? null, updates, lastSeq: updates.at(-1)?.seq ?? after };
  }

  /**
   * The document's snapshot, its state vector (null if compacted before it was kept)
   * and sequence number, if nothing was stored after it (the document is compacted), else null.
   */
  compacted(docId: string): { state: Uint8Array; stateVector: Uint8Array | null; lastSeq: number } | null {
    const row = this.selectCompacted.get(docId);
    return row && row.later === 0 ? { state: row.data, stateVector: row.state_vector, lastSeq: row.last_seq } : null;
  }

  /**
   * Builds the stored document. Throws if any stored blob is not a valid
   * update: the caller must then refuse the document, never overwrite it.
   */
  load(docId: string): { doc: Y.Doc; pendingUpdates: number; storedBytes: number; lastSeq: number } {
    const doc = new Y.Doc({ gc: true });
    const stored = this.since(docId, -1);
    let failure: unknown;
    let storedBytes = 0;
    for (const data of [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.data)]) {
      storedBytes += data.byteLength;
      try {
        Y.applyUpdate(doc, data);
      } catch (err) {
        failure ??= err;
      }
    }
    // Updates whose dependencies never arrived mean something is missing.
    if (failure === undefined && (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)) {
      failure = new Error('stored updates are incomplete');
    }
    if (failure !== undefined) {
      doc.destroy();
      throw new Error(`document ${docId} could not be loaded: ${String(failure)}`);
    }
    return { doc, pendingUpdates: stored.updates.length, storedBytes, lastSeq: Math.max(0, stored.lastSeq) };
  }

  /**
   * Folds the stored updates of `docId` up to `upToSeq` (default: all of them)
   * into one snapshot equal to `state`. The caller guarantees `state` contains
   * every one of them: it is the live document after all pending writes were
   * flushed (and, with several instances, after catching up to `upToSeq`).
   * Returns false if nothing was done (nothing stored, or on PostgreSQL
   * another instance is compacting the same document, or already went further).
   */
  compact(docId: string, state: Uint8Array, stateVector: Uint8Array, upToSeq?: number): boolean {
    if (this.pg) return this.pg.compact(docId, state, stateVector, upToSeq ?? this.lastSeq(docId));
    return this.db.transaction(() => {
      const last = upToSeq ?? this.maxSeq.get(docId, docId)?.seq ?? null;
      if (last === null) return false;
      this.upsertSnapshot.run(docId, state, last, stateVector);
      this.deleteUpdates.run(docId, last);
      return true;
    })();
  }
}
