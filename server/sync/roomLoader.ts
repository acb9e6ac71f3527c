import * as Y from 'yjs';
import type { DocStore } from '../store/docs';

/**
 * Brings a freshly loaded document up to date with server data (migrations,
 * the party list's mirror). Idempotent: on a current document it changes nothing.
 */
export type Prepare = (id: string, doc: Y.Doc) => void;

/** What a room starts from: a compacted state to apply when first needed, or a document built from the log. */
export type Opened =
  | { kind: 'compacted'; state: Uint8Array; stateVector: Uint8Array | null; lastSeq: number }
  | { kind: 'built'; doc: Y.Doc; pendingUpdates: number; storedBytes: number; lastSeq: number };

/**
 * Reads stored documents for rooms. A compacted document (the usual case:
 * every document is compacted when it unloads and when the server stops) is
 * one read, applied later by the room (see StoredState), which prepares it
 * and stores what that changed like any other change. A document with
 * updates after its snapshot (after a crash) is built and prepared here, and
 * what prepare changed is stored before anyone sees it.
 */
export class RoomLoader {
  constructor(
    private readonly docs: DocStore,
    private readonly prepare: Prepare | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** Throws if a stored update of a document that is not compacted is unreadable. */
  open(id: string): Opened {
    const compacted = this.docs.compacted(id);
    if (compacted) return { kind: 'compacted', ...compacted };
    return { kind: 'built', ...this.build(id) };
  }

  /** The stored document, prepared; whatever `prepare` changed is stored at once. Throws if unreadable. */
  build(id: string): { doc: Y.Doc; pendingUpdates: number; storedBytes: number; lastSeq: number } {
    const loaded = this.docs.load(id);
    if (!this.prepare) return loaded;
    const changes: Uint8Array[] = [];
    const collect = (update: Uint8Array): void => void changes.push(update);
    loaded.doc.on('update', collect);
    try {
      this.prepare(id, loaded.doc);
    } finally {
      loaded.doc.off('update', collect);
    }
    if (changes.length === 0) return loaded;
    const merged = Y.mergeUpdates(changes);
    const seq = this.docs.append(id, merged);
    // Another instance may have stored in between: then the document holds everything only up to what it loaded.
    const lastSeq = seq === loaded.lastSeq + 1 ? seq : loaded.lastSeq;
    return { ...loaded, pendingUpdates: loaded.pendingUpdates + 1, storedBytes: loaded.storedBytes + merged.byteLength, lastSeq };
  }

  /**
   * Prepares a room's document just read from its compacted state (`change`
   * runs it on the room's copy; its changes are stored, then sent). A failure is logged:
   * the document is still served as stored.
   */
  prepareApplied(id: string, change: (prepare: (doc: Y.Doc) => void) => void): void {
    const prepare = this.prepare;
    if (!prepare) return;
    try {
      change((doc) => prepare(id, doc));
    } catch (error) {
      this.log(`preparing ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}
