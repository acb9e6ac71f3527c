import * as Y from 'yjs';

/** A copy unused this long is dropped: reads come in bursts (a page load, an approval), and the room's memory is its encoded state. */
export const COPY_TTL_MS = 2000;

/**
 * A Y.Doc built from a room's encoded state, for what needs the document
 * itself: REST reads and exports, the server's own changes, preparing a
 * freshly loaded document. Kept up to date by applying what the room took
 * in since, and dropped when unused for COPY_TTL_MS.
 */
export class DocCopy {
  private doc: Y.Doc | null = null;
  /** Updates the room took in since the copy was last brought up to date. */
  private lag: Uint8Array[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly encode: () => Uint8Array) {}

  /** The copy, current. Throws if the encoded state does not build (the room then unloads). */
  get(): Y.Doc {
    this.touch();
    if (this.doc) {
      if (this.lag.length > 0) {
        const lag = this.lag;
        this.lag = [];
        Y.applyUpdate(this.doc, lag.length === 1 && lag[0] ? lag[0] : Y.mergeUpdates(lag));
      }
      return this.doc;
    }
    return (this.doc = build(this.encode()));
  }

  /** Starts from `doc`, already current (the one the room's state was read from at load). */
  adopt(doc: Y.Doc): void {
    this.drop();
    this.doc = doc;
    this.touch();
  }

  /** The room took in `update` (not made on this copy): applied at the next read. */
  taken(update: Uint8Array): void {
    if (this.doc) this.lag.push(update);
  }

  get isBuilt(): boolean {
    return this.doc !== null;
  }

  drop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.doc?.destroy();
    this.doc = null;
    this.lag = [];
  }

  private touch(): void {
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => this.drop(), COPY_TTL_MS);
      this.timer.unref();
    }
  }
}

/** A document from an encoded state; throws if the state is incomplete or does not decode. */
export function build(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) throw new Error('stored state is incomplete');
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return doc;
}
