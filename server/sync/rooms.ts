import * as Y from 'yjs';
import type { AgreementStore } from '../store/agreements';
import type { DocStore } from '../store/docs';
import { Flusher } from './flusher';
import { ListEntry } from './listEntry';
import { Room } from './room';
import type { Connection } from './connection';
import type { AgreementTemplate } from '../../shared/template';

export interface RoomsOptions {
  /** How long an empty room stays loaded, in case someone comes back. */
  idleMs: number;
  /** Fold the update log into a snapshot after this many updates. */
  compactAfter: number;
  log: (message: string) => void;
  /** A locked agreement's document accepts no update. */
  isLocked?: (id: string) => boolean;
  /** The template an agreement's document follows. */
  templateOf: (id: string) => AgreementTemplate;
  /**
   * Brings a freshly loaded document up to date with server data (migrations,
   * the party list's mirror). Its changes are stored before anyone sees the document.
   */
  prepare?: (id: string, doc: Y.Doc) => void;
}

/** Told after updates of a room were stored and sent, with the participants who sent them (approvals notice edits this way). */
export type StoredListener = (id: string, editors: readonly string[]) => void;

/** The origin of changes the server itself makes to a document. */
export const SERVER_ORIGIN = 'server';

/**
 * The loaded rooms. A room is loaded on first use, compacted in the
 * background as its update log grows, and unloaded when idle.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>();
  private readonly compactions = new Set<Room>();
  private readonly listEntry: ListEntry;
  private readonly storedListeners = new Set<StoredListener>();
  readonly flusher: Flusher;

  constructor(
    private readonly docs: DocStore,
    agreements: AgreementStore,
    private readonly options: RoomsOptions,
  ) {
    this.listEntry = new ListEntry(agreements, options.log);
    const stored = (room: Room, editors: readonly string[]): void => {
      for (const listener of this.storedListeners) listener(room.id, editors);
    };
    this.flusher = new Flusher(
      docs,
      stored,
      (room, error) => {
        options.log(`storing updates of ${room.id} failed: ${String(error)}`);
        room.closeAll(1011, 'storage failure');
        // Drop the unstored state; clients resend it when they reconnect.
        this.unload(room, false);
      },
      options.log,
    );
  }

  /** Registers `listener` for every batch of stored updates; returns its removal. */
  onStored(listener: StoredListener): () => void {
    this.storedListeners.add(listener);
    return () => void this.storedListeners.delete(listener);
  }

  /** Closes the agreement's live connections that `which` picks (nothing to do if nobody has it open). */
  disconnect(id: string, which: (conn: Connection) => boolean, code: number, reason: string): void {
    const room = this.rooms.get(id);
    if (room) for (const conn of [...room.conns]) if (which(conn)) conn.close(code, reason);
  }

  /**
   * Whether the document accepts updates (an unloaded one reads `isLocked`
   * when it loads). Every live connection is closed with `code`, so clients
   * reconnect under their new write rights.
   */
  setLocked(id: string, locked: boolean, code: number, reason: string): void {
    const room = this.rooms.get(id);
    if (!room) return;
    room.locked = locked;
    room.closeAll(code, reason);
  }

  /** Stores whatever is queued now, so a read of the document matches what is stored. */
  flushPending(): void {
    this.flusher.flush();
  }

  get size(): number {
    return this.rooms.size;
  }

  loaded(id: string): Room | undefined {
    return this.rooms.get(id);
  }

  /**
   * Runs `read` on the agreement's current document: the live one if loaded,
   * else a throwaway copy from the store. Throws if the stored state is unreadable.
   */
  read<T>(id: string, read: (doc: Y.Doc) => T): T {
    const live = this.rooms.get(id);
    if (live) return read(live.doc);
    const { doc } = this.load(id);
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** The room of an existing agreement; throws if its stored state cannot be read. */
  acquire(id: string): Room {
    const existing = this.rooms.get(id);
    if (existing) {
      this.cancelIdle(existing);
      return existing;
    }
    const { doc, pendingUpdates } = this.load(id);
    const room = new Room(
      id,
      doc,
      this.options.templateOf(id),
      { persist: (r, u, o) => this.persist(r, u, o), emptied: (r) => this.scheduleIdle(r), flush: () => this.flusher.flush() },
      {
        byteSize: Y.encodeStateAsUpdate(doc).byteLength,
        updates: pendingUpdates,
      },
    );
    room.locked = this.options.isLocked?.(id) ?? false;
    this.rooms.set(id, room);
    return room;
  }

  /**
   * Applies a change the server makes (not a client's): stored, then sent to
   * everyone connected, like any update. Loads the document if needed.
   */
  change<T>(id: string, fn: (doc: Y.Doc) => T): T {
    const room = this.acquire(id);
    try {
      let result: T | undefined;
      room.doc.transact(() => {
        result = fn(room.doc);
      }, SERVER_ORIGIN);
      this.flusher.flush();
      return result as T;
    } finally {
      if (room.conns.size === 0) this.scheduleIdle(room);
    }
  }

  /** The stored document, prepared; whatever `prepare` changed is stored at once. */
  private load(id: string): { doc: Y.Doc; pendingUpdates: number } {
    const loaded = this.docs.load(id);
    const { prepare } = this.options;
    if (!prepare) return loaded;
    const changes: Uint8Array[] = [];
    const collect = (update: Uint8Array): void => void changes.push(update);
    loaded.doc.on('update', collect);
    try {
      prepare(id, loaded.doc);
    } finally {
      loaded.doc.off('update', collect);
    }
    if (changes.length === 0) return loaded;
    this.docs.append(id, Y.mergeUpdates(changes));
    return { ...loaded, pendingUpdates: loaded.pendingUpdates + 1 };
  }

  private persist(room: Room, update: Uint8Array, origin: unknown): void {
    this.flusher.enqueue(room, update, origin);
    this.listEntry.edited(room);
    if (room.updatesSinceCompaction >= this.options.compactAfter && !this.compactions.has(room)) {
      this.compactions.add(room);
      setTimeout(() => this.guarded(`compacting ${room.id}`, () => this.compact(room)), 0);
    }
  }

  /** Replaces the room's update log by one snapshot of its current state. */
  compact(room: Room): void {
    this.compactions.delete(room);
    if (room.updatesSinceCompaction === 0 || this.rooms.get(room.id) !== room) return;
    this.flusher.flush(); // the snapshot must cover exactly what is stored
    try {
      const state = Y.encodeStateAsUpdate(room.doc);
      this.docs.compact(room.id, state);
      room.byteSize = state.byteLength;
      room.updatesSinceCompaction = 0;
    } catch (error) {
      this.options.log(`compacting ${room.id} failed: ${String(error)}`);
    }
  }

  private scheduleIdle(room: Room): void {
    this.cancelIdle(room);
    this.idleTimers.set(
      room,
      setTimeout(
        () =>
          this.guarded(`unloading ${room.id}`, () => {
            if (room.conns.size === 0) this.unload(room);
          }),
        this.options.idleMs,
      ),
    );
  }

  /** Timer callbacks have no caller to catch for them: a failure is logged and the server carries on. */
  private guarded(what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.options.log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private cancelIdle(room: Room): void {
    const timer = this.idleTimers.get(room);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(room);
  }

  private unload(room: Room, compact = true): void {
    this.cancelIdle(room);
    if (this.rooms.get(room.id) !== room) return;
    if (compact) this.compact(room);
    this.listEntry.unloaded(room);
    this.rooms.delete(room.id);
    room.destroy();
  }

  /** Stores everything, closes every connection and unloads every room. */
  closeAll(code: number, reason: string): void {
    this.flusher.flush();
    for (const room of [...this.rooms.values()]) {
      room.closeAll(code, reason);
      this.unload(room);
    }
  }
}
