import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { binaryFrame } from './frame';
import { awarenessMessage, updateMessage } from './protocol';
import type { Connection } from './connection';
import type { AgreementTemplate } from '../../shared/template';

/** What a room needs from the rest of the server. */
export interface RoomHooks {
  /** Queue an update for durable storage; the room broadcasts it once stored. */
  persist(room: Room, update: Uint8Array, origin: unknown): void;
  /** The last connection left. */
  emptied(room: Room): void;
  /** Store everything queued now. */
  flush(): void;
}

export interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/**
 * One loaded agreement: its Y.Doc, the awareness of who is here, and the
 * connections editing it. Every change to the doc is stored before it is
 * sent to anyone (see Flusher).
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

  constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    /** What the document may contain (see schemaGuard). */
    readonly template: AgreementTemplate,
    private readonly hooks: RoomHooks,
    loaded: { byteSize: number; updates: number },
  ) {
    this.byteSize = loaded.byteSize;
    this.updatesSinceCompaction = loaded.updates;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.byteSize += update.byteLength;
    this.updatesSinceCompaction++;
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

  /**
   * Stores queued updates at once. Called before answering a sync step 1, so
   * a client that asks "do you have everything?" is only told yes once it is stored.
   */
  flushStored(): void {
    this.hooks.flush();
  }

  join(conn: Connection): void {
    this.conns.add(conn);
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    if (conn.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (this.conns.size === 0) this.hooks.emptied(this);
  }

  /** Closes every connection, e.g. when storage failed or the server stops. */
  closeAll(code: number, reason: string): void {
    for (const c of [...this.conns]) c.close(code, reason);
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
