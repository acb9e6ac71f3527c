import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { binaryFrame } from './frame';
import { awarenessMessage, updateMessage } from './protocol';
import type { Connection } from './connection';
import type { AgreementTemplate } from '../../shared/template';
import { StoredState } from './storedState';
import { REMOTE_ORIGIN } from '../cluster/origin';

/** What a room needs from the rest of the server. */
export interface RoomHooks {
  /** Queue an update for durable storage; the room broadcasts it once stored. */
  persist(room: Room, update: Uint8Array, origin: unknown): void;
  /** The last connection left. */
  emptied(room: Room): void;
  /** Store everything queued now. */
  flush(): void;
  /** The stored state was applied to the document (see StoredState): bring it up to date (prepare). */
  loaded(room: Room): void;
  /** The stored state could not be applied: the room must close its connections and unload, storing nothing. */
  unreadable(room: Room, error: unknown): void;
  /** An update another instance stored was applied (it grows the log this room may compact too). */
  remoteApplied(room: Room): void;
  /** A client's update was dropped because the room is locked (with other instances: is it still?). */
  droppedWhileLocked(room: Room): void;
}

export interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/**
 * One loaded agreement: its Y.Doc, the awareness of who is here, and the
 * connections editing it. Every change to the doc is stored before it is
 * sent to anyone (see Flusher).
 *
 * A room opened from a compacted state holds those bytes until something
 * needs the document: the first client is answered with them as they are
 * (StoredState), and the document is built right after.
 */
export class Room {
  readonly conns = new Set<Connection>();
  readonly awareness: awarenessProtocol.Awareness;
  /** Approximate stored size: snapshot plus updates since, for the size limit. */
  byteSize: number;
  /** Updates stored since the last compaction. */
  updatesSinceCompaction: number;
  /** The agreement is locked for signing: every document update is refused. */
  locked = false;
  /** The highest stored sequence number the document holds with every one before it (with several instances, see server/cluster/docRelay.ts). */
  appliedSeq = 0;
  private readonly ydoc: Y.Doc;
  private readonly stored: StoredState | null;

  constructor(
    readonly id: string,
    /** The document: empty if `loaded.state` is given, which is applied to it when first needed. */
    doc: Y.Doc,
    /** What the document may contain (see schemaGuard). */
    readonly template: AgreementTemplate,
    private readonly hooks: RoomHooks,
    loaded: { byteSize: number; updates: number; state?: Uint8Array; stateVector?: Uint8Array | null },
  ) {
    this.ydoc = doc;
    this.byteSize = loaded.byteSize;
    this.updatesSinceCompaction = loaded.updates;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.stored = loaded.state
      ? new StoredState(doc, loaded.state, loaded.stateVector ?? null, {
          applied: () => {
            doc.on('update', this.onDocUpdate);
            this.hooks.loaded(this);
          },
          failed: (error) => this.hooks.unreadable(this, error),
        })
      : null;
    if (!this.stored) doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The live document, built from the stored state first if it was not yet (throws if that state is unreadable). */
  get doc(): Y.Doc {
    this.stored?.apply();
    return this.ydoc;
  }

  /** Whether the document is built; until then `conn`'s messages may wait (see StoredState.hold). */
  get isLoaded(): boolean {
    return this.stored?.isApplied ?? true;
  }

  /**
   * The sync step 2 answer to `conn`'s `stateVector`: from the stored bytes while the
   * document is not built, else from it. Whatever is queued is stored first,
   * so a client that asks "do you have everything?" is only told yes once it is stored.
   */
  stateAsUpdate(conn: Connection, stateVector: Uint8Array): Uint8Array {
    this.hooks.flush();
    const fromStored = this.stored?.answer(conn, stateVector);
    return fromStored ?? Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /**
   * Whether `message` from `conn` must wait until the document is built
   * (it then reaches `conn.handleHeld` in order, after the greeting).
   */
  hold(conn: Connection, message: Uint8Array): boolean {
    return this.stored?.hold(conn, message) ?? false;
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.byteSize += update.byteLength;
    this.updatesSinceCompaction++;
    // Stored by another instance already: straight to our clients, never stored again.
    if (origin === REMOTE_ORIGIN) {
      this.broadcast([{ update, origin }]);
      return this.hooks.remoteApplied(this);
    }
    this.hooks.persist(this, update, origin);
  };

  private readonly onAwarenessUpdate = (change: { added: number[]; updated: number[]; removed: number[] }): void => {
    // Which connection owns which id is kept by the presence filter (see presence.ts).
    const changed = [...change.added, ...change.updated, ...change.removed];
    const frame = binaryFrame(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    for (const c of this.conns) c.writeFrame(frame);
  };

  /** Sends stored updates: each connection gets every update but its own, in one write. */
  broadcast(items: readonly PendingUpdate[]): void {
    if (this.conns.size === 0) return;
    const frames = items.map((i) => binaryFrame(updateMessage(i.update)));
    if (frames.length === 1) {
      const [frame] = frames;
      const origin = items[0]?.origin;
      if (frame) for (const c of this.conns) if (c !== origin) c.writeFrame(frame);
      return;
    }
    for (const c of this.conns) {
      const mine = frames.filter((_, i) => items[i]?.origin !== c);
      if (mine.length > 0) c.writeFrame(mine.length === 1 && mine[0] ? mine[0] : Buffer.concat(mine));
    }
  }

  /** A new connection: greeted (our state vector, who is here) now, or once the document is built. */
  join(conn: Connection): void {
    this.conns.add(conn);
    if (this.stored) this.stored.greetLater(conn);
    else conn.greet(null);
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.stored?.forget(conn);
    if (conn.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (this.conns.size === 0) this.hooks.emptied(this);
  }

  /** A client's update was dropped: the agreement is locked. */
  droppedWhileLocked(): void {
    this.hooks.droppedWhileLocked(this);
  }

  /** Closes every connection, e.g. when storage failed or the server stops. */
  closeAll(code: number, reason: string): void {
    for (const c of [...this.conns]) c.close(code, reason);
  }

  destroy(): void {
    this.stored?.cancel();
    this.ydoc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}
