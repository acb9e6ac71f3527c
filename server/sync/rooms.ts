import * as Y from 'yjs';
import type { AgreementStore } from '../store/agreements';
import type { DocStore } from '../store/docs';
import { Flusher } from './flusher';
import { Room } from './room';
import { getMeta } from '../../shared/schema';
import type { AgreementTemplate } from '../../shared/template';

export interface RoomsOptions {
  /** How long an empty room stays loaded, in case someone comes back. */
  idleMs: number;
  /** Fold the update log into a snapshot after this many updates. */
  compactAfter: number;
  log: (message: string) => void;
  /** A locked agreement's document accepts no update. */
  isLocked?: (id: string) => boolean;
  /** Called after updates of a room were stored and sent (for approvals to notice edits), with the participants who sent them. */
  afterStore?: (id: string, editors: readonly string[]) => void;
  /** The template an agreement's document follows. */
  templateOf: (id: string) => AgreementTemplate;
  /**
   * Brings a freshly loaded document up to date with server data (migrations,
   * the party list's mirror). Its changes are stored before anyone sees the document.
   */
  prepare?: (id: string, doc: Y.Doc) => void;
}

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
  private readonly touched = new Map<string, number>();
  readonly flusher: Flusher;

  constructor(
    private readonly docs: DocStore,
    private readonly agreements: AgreementStore,
    private readonly options: RoomsOptions,
  ) {
    this.flusher = new Flusher(docs, (room, editors) => options.afterStore?.(room.id, editors), (room, error) => {
      options.log(`storing updates of ${room.id} failed: ${String(error)}`);
      room.closeAll(1011, 'storage failure');
      // Drop the unstored state; clients resend it when they reconnect.
      this.unload(room, false);
    }, options.log);
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
    const room = new Room(id, doc, this.options.templateOf(id), { persist: (r, u, o) => this.persist(r, u, o), emptied: (r) => this.scheduleIdle(r), flush: () => this.flusher.flush() }, {
      byteSize: Y.encodeStateAsUpdate(doc).byteLength,
      updates: pendingUpdates,
    });
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
    this.noteEdit(room);
    if (room.updatesSinceCompaction >= this.options.compactAfter && !this.compactions.has(room)) {
      this.compactions.add(room);
      setTimeout(() => this.guarded(`compacting ${room.id}`, () => this.compact(room)), 0);
    }
  }

  /** Keeps the agreement list's title and "last edited" current, at most every few seconds. */
  private noteEdit(room: Room): void {
    const now = Date.now();
    if (now - (this.touched.get(room.id) ?? 0) < 2000) return;
    this.touched.set(room.id, now);
    setImmediate(() => this.touchNow(room));
  }

  private touchNow(room: Room): void {
    try {
      const title = getMeta(room.doc).get('title');
      this.agreements.touch(room.id, typeof title === 'string' ? title : '');
    } catch (error) {
      this.options.log(`updating ${room.id} in the list failed: ${String(error)}`);
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
    this.idleTimers.set(room, setTimeout(() => this.guarded(`unloading ${room.id}`, () => {
      if (room.conns.size === 0) this.unload(room);
    }), this.options.idleMs));
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
    if (this.touched.has(room.id)) this.touchNow(room);
    this.rooms.delete(room.id);
    this.touched.delete(room.id);
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
