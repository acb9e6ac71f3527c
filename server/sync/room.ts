import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { binaryFrame } from './frame';
import { awarenessMessage, updateMessage } from './protocol';
import type { Connection } from './connection';
import type { AgreementTemplate } from '../../shared/template';
import { StoredState } from './storedState';
import { REMOTE_ORIGIN } from '../cluster/origin';
import { DocState } from './encoded/docState';
import { DocCopy, build } from './encoded/docCopy';
import { DocFacts } from './encoded/docFacts';
import { advancesOf, analyseUpdate, type Advance, type Analysis } from './encoded/analyse';

/** What a room needs from the rest of the server. */
export interface RoomHooks {
  /** Queue an update for durable storage; the room broadcasts it once stored. `roots`: the top-level names it wrote under (see DocState.rootsTouched). */
  persist(room: Room, update: Uint8Array, origin: unknown, roots: ReadonlySet<string>): void;
  /** The last connection left. */
  emptied(room: Room): void;
  /** Store everything queued now. */
  flush(): void;
  /** The room's state was read (`prepared`: by the loader, which also prepared it; else prepare it now, through `change`). */
  loaded(room: Room, prepared: boolean): void;
  /** The stored state could not be read: the room must close its connections and unload, storing nothing. */
  unreadable(room: Room, error: unknown): void;
  /** An update was taken in: these client ids advanced (authorship records them; `origin` is a Connection, the server's, or another instance's). */
  advanced(room: Room, advances: readonly Advance[], origin: unknown): void;
  /** An update another instance stored was applied (it grows the log this room may compact too). */
  remoteApplied(room: Room): void;
  /** A client's update was dropped because the room is locked (with other instances: is it still?). */
  droppedWhileLocked(room: Room): void;
}

export interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
  /** The top-level names it wrote under (what listeners of stored updates are told; see Rooms.onStored). */
  roots?: ReadonlySet<string>;
}

/**
 * One loaded agreement: its document, kept encoded (DocState, no Y.Doc), the
 * awareness of who is here, and the connections editing it. Every change is
 * stored before it is sent to anyone (see Flusher).
 *
 * A room opened from a compacted state holds those bytes until something
 * needs its indexes: the first client is answered with them as they are
 * (StoredState), and the indexes are read right after.
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
  private docState: DocState | null = null;
  /** A reader asked for the document before the state was read: the load's copy is kept for it (see read). */
  private keepLoadCopy = false;
  private readonly stored: StoredState | null;
  private readonly copy = new DocCopy(() => this.state.encode());
  readonly facts = new DocFacts((fn) => this.read(fn));

  constructor(
    readonly id: string,
    /** What the document may contain (see schemaGuard). */
    readonly template: AgreementTemplate,
    private readonly hooks: RoomHooks,
    /** `doc`: the document already built (from a log, and prepared); else `state` is read when first needed. */
    loaded: { byteSize: number; updates: number; state: Uint8Array; stateVector?: Uint8Array | null; doc?: Y.Doc },
  ) {
    this.byteSize = loaded.byteSize;
    this.updatesSinceCompaction = loaded.updates;
    // Awareness wants a Y.Doc only for its own client id, which the server never announces.
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    if (loaded.doc) {
      this.docState = DocState.fromDoc(loaded.doc, loaded.state);
      this.copy.adopt(loaded.doc);
      this.stored = null;
    } else {
      this.stored = new StoredState(loaded.state, loaded.stateVector ?? null, {
        build: (state) => this.readStored(state),
        failed: (error) => this.hooks.unreadable(this, error),
      });
    }
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The document as kept, read from the stored state first if it was not yet (throws if that state is unreadable). */
  get state(): DocState {
    this.stored?.apply();
    if (!this.docState) throw new Error(`room ${this.id} has no state`);
    return this.docState;
  }

  /** Whether the state is read; until then `conn`'s messages may wait (see StoredState.hold). */
  get isLoaded(): boolean {
    return this.stored?.isApplied ?? true;
  }

  /** Whether a copy of the document is built right now (see DocCopy): only while readers need one. */
  get holdsCopy(): boolean {
    return this.copy.isBuilt;
  }

  /** Runs `fn` on a copy of the document as it is now (see DocCopy); `fn` must not change it (see `change`). */
  read<T>(fn: (doc: Y.Doc) => T): T {
    if (this.stored && !this.stored.isApplied) {
      // The load builds a copy to read the state from: this reader takes it rather than building another.
      this.keepLoadCopy = true;
      try {
        this.stored.apply();
      } finally {
        this.keepLoadCopy = false;
      }
    }
    return fn(this.copy.get());
  }

  /** A copy of the document as it is now, for tests and readers that keep it no longer than a turn. */
  snapshot(): Y.Doc {
    return this.read((doc) => doc);
  }

  /** Makes a change as `origin` (the server's): taken in, stored and sent like a client's update. */
  change<T>(fn: (doc: Y.Doc) => T, origin: unknown): T {
    const doc = this.read((d) => d);
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array): void => void updates.push(update);
    doc.on('update', collect);
    let result: T | undefined;
    try {
      doc.transact(() => {
        result = fn(doc);
      }, origin);
    } finally {
      doc.off('update', collect);
    }
    for (const update of updates) {
      const analysis = analyseUpdate(this.state, update);
      if (!analysis.ok) {
        // The copy holds a change the room refused: it must not be read again.
        this.copy.drop();
        throw new Error(`a server change of ${this.id} does not apply: ${analysis.detail}`);
      }
      this.takeIn(update, analysis, origin, false);
    }
    return result as T;
  }

  /** An update another instance stored (see server/cluster/docRelay.ts): taken in and sent to our clients, never stored again. */
  applyRemote(update: Uint8Array): void {
    const analysis = analyseUpdate(this.state, update);
    if (!analysis.ok) throw new Error(`an update stored by another instance does not apply here: ${analysis.detail}`);
    this.takeIn(update, analysis, REMOTE_ORIGIN);
  }

  /**
   * Takes in an analysed update (the schema guard's for a client's): the
   * part that is new is indexed, then stored and sent (see Flusher). An
   * update with nothing new changes nothing, as Yjs would.
   */
  takeIn(update: Uint8Array, analysis: Analysis, origin: unknown, onCopy = true): void {
    if (analysis.runs.length === 0 && analysis.deletes.length === 0) return;
    const state = this.state;
    const bytes = analysis.partlyKnown ? Y.diffUpdate(update, state.encodedStateVector()) : update;
    const advances = advancesOf(analysis);
    state.add(bytes, analysis);
    if (onCopy) this.copy.taken(bytes);
    this.facts.touched(analysis.runs);
    this.byteSize += bytes.byteLength;
    this.updatesSinceCompaction++;
    this.hooks.advanced(this, advances, origin);
    if (origin === REMOTE_ORIGIN) {
      this.broadcast([{ update: bytes, origin }]);
      return this.hooks.remoteApplied(this);
    }
    this.hooks.persist(this, bytes, origin, state.rootsTouched(analysis));
  }

  /**
   * The sync step 2 answer to `conn`'s `stateVector`: from the stored bytes while the
   * state is not read, else from it. Whatever is queued is stored first,
   * so a client that asks "do you have everything?" is only told yes once it is stored.
   */
  stateAsUpdate(conn: Connection, stateVector: Uint8Array): Uint8Array {
    this.hooks.flush();
    return this.stored?.answer(conn, stateVector) ?? this.state.diff(stateVector);
  }

  /** Whether `message` from `conn` must wait until the state is read (it then reaches `conn.handleHeld` in order, after the greeting). */
  hold(conn: Connection, message: Uint8Array): boolean {
    return this.stored?.hold(conn, message) ?? false;
  }

  /**
   * The state as compaction stores it now (on unload): garbage-collected
   * through a Y.Doc, as merged updates keep deleted content (see DocState).
   * A room being edited compacts in the background instead (compactionJob).
   */
  compactedState(): { state: Uint8Array; vector: Uint8Array } {
    const state = this.state;
    const reuse = this.copy.isBuilt;
    const doc = reuse ? this.copy.get() : build(state.encode());
    try {
      const collected = Y.encodeStateAsUpdate(doc);
      state.replaceState(collected);
      return { state: collected, vector: Y.encodeStateVector(doc) };
    } finally {
      if (!reuse) doc.destroy();
    }
  }

  /** What a background compaction folds (see Compactor): the parts, where they end, and how many updates they hold past the last snapshot. */
  compactionJob(): { parts: Uint8Array[]; mark: { generation: number; pending: number }; updates: number } {
    return { ...this.state.parts(), updates: this.updatesSinceCompaction };
  }

  /** A background compaction was stored: the room keeps its state too, and counts only the updates taken in since. */
  compacted(job: { mark: { generation: number; pending: number }; updates: number }, state: Uint8Array): void {
    this.state.replaceParts(state, job.mark);
    this.updatesSinceCompaction = Math.max(0, this.updatesSinceCompaction - job.updates);
    this.byteSize = this.state.byteLength;
  }

  private readStored(bytes: Uint8Array): void {
    const doc = build(bytes);
    this.docState = DocState.fromDoc(doc, bytes);
    this.copy.adopt(doc);
    this.hooks.loaded(this, false);
    this.facts.prime();
    // What loading needed is done: the room's memory is its encoded state from here (unless a reader is waiting for it).
    if (!this.keepLoadCopy) this.copy.drop();
  }

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

  /** A new connection: greeted (our state vector, who is here) now, or once the state is read. */
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
    this.copy.drop();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.awareness.doc.destroy();
  }
}
