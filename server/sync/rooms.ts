import * as Y from 'yjs';
import type { AgreementStore } from '../store/agreements';
import type { DocStore } from '../store/docs';
import { CloseCode } from '../../shared/closeCodes';
import { Flusher } from './flusher';
import { Compaction } from './compaction';
import { ListEntry } from './listEntry';
import { Room, type RoomHooks } from './room';
import { RoomLoader, type Prepare } from './roomLoader';
import { RoomTimers } from './roomTimers';
import type { AgreementTemplate } from '../../shared/template';
import type { RoomRelay } from '../cluster/docRelay';
import type { ControlledRooms, RoomsControl } from '../cluster/control';
import type { Authorship } from './authorship';

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
  /** Brings a freshly loaded document up to date with server data; its changes are stored before anyone sees them (see RoomLoader). */
  prepare?: Prepare;
  /** Binds client ids to participants and records who wrote what (see authorship.ts). */
  authorship?: Authorship;
}

/**
 * Told after updates of a room were stored and sent, with the participants who sent them and the top-level names
 * they wrote under (approvals notice edits this way, and check only the sections those names hold).
 */
export type StoredListener = (id: string, editors: readonly string[], roots: ReadonlySet<string>) => void;

/** The origin of changes the server itself makes to a document. */
export const SERVER_ORIGIN = 'server';

/**
 * The loaded rooms. A room is loaded on first use (RoomLoader), compacted in
 * the background as its update log grows (Compaction), and unloaded when idle
 * (RoomTimers).
 */
export class Rooms implements ControlledRooms {
  private readonly rooms = new Map<string, Room>();
  /** When each locked room last asked the database whether it still is (see recheckLock). */
  private readonly lockChecks = new WeakMap<Room, number>();
  /** The other instances (REDIS_URL): their updates, presence, locks and disconnections. */
  private relay: RoomRelay | null = null;
  private control: RoomsControl | null = null;
  private readonly loader: RoomLoader;
  private readonly timers: RoomTimers;
  private readonly hooks: RoomHooks;
  private readonly listEntry: ListEntry;
  private readonly storedListeners = new Set<StoredListener>();
  private readonly compaction: Compaction;
  readonly flusher: Flusher;

  constructor(
    docs: DocStore,
    agreements: AgreementStore,
    private readonly options: RoomsOptions,
  ) {
    this.loader = new RoomLoader(docs, options.prepare, options.log);
    this.timers = new RoomTimers(options, { unload: (room) => this.unload(room), compact: (room) => this.compaction.inBackground(room) });
    this.compaction = new Compaction(docs, this.timers, {
      isLoaded: (room) => this.rooms.get(room.id) === room,
      flush: () => this.flusher.flush(),
      relay: () => this.relay,
      log: options.log,
    });
    this.listEntry = new ListEntry(agreements, options.log);
    this.flusher = new Flusher(
      docs,
      (room, editors, stored, roots) => {
        this.relay?.stored(room, stored);
        for (const listener of this.storedListeners) listener(room.id, editors, roots);
      },
      (room, error) => {
        options.log(`storing updates of ${room.id} failed: ${String(error)}`);
        room.closeAll(CloseCode.ServerError, 'storage failure');
        // Drop the unstored state; clients resend it when they reconnect.
        this.unload(room, false);
      },
      (room) => {
        // Everyone reconnects under the rights the database has now; what was refused is dropped with the room.
        room.closeAll(CloseCode.RightsChanged, 'rights changed');
        this.unload(room, false);
      },
      options.log,
    );
    this.hooks = {
      persist: (room, update, origin, roots) => this.persist(room, update, origin, roots),
      emptied: (room) => this.timers.scheduleIdle(room),
      flush: () => this.flusher.flush(),
      loaded: (room, prepared) => {
        // Before anything changes the loaded document: the server's own changes are bound to nobody.
        options.authorship?.attach(room.id, room.state);
        if (!prepared) this.loader.prepareApplied(room.id, (prepare) => room.change(prepare, SERVER_ORIGIN));
      },
      advanced: (room, advances, origin) => options.authorship?.record(room.state, advances, origin),
      // Compacting resets the room's size too: without it, others' updates would add up to a false 4414 here.
      remoteApplied: (room) => this.timers.edited(room),
      droppedWhileLocked: (room) => this.recheckLock(room),
      unreadable: (room, error) => {
        options.log(`document ${room.id} could not be loaded: ${String(error)}`);
        room.closeAll(CloseCode.DocumentUnreadable, 'document unreadable');
        this.unload(room, false); // never store over a document that failed to load
      },
    };
  }

  /** Registers `listener` for every batch of stored updates; returns its removal. */
  onStored(listener: StoredListener): () => void {
    this.storedListeners.add(listener);
    return () => void this.storedListeners.delete(listener);
  }

  /** Joins the other instances (server/cluster/index.ts), before any room is loaded. */
  attachCluster(relay: RoomRelay, control: RoomsControl): void {
    this.relay = relay;
    this.control = control;
  }

  /** Closes the participant's live connections to the agreement, on every instance. */
  disconnect(id: string, participantId: string, code: number, reason: string): void {
    this.disconnectHere(id, participantId, code, reason);
    this.control?.disconnected(id, participantId, code, reason);
  }

  disconnectHere(id: string, participantId: string, code: number, reason: string): void {
    const room = this.rooms.get(id);
    if (room) for (const conn of [...room.conns]) if (conn.participantId === participantId) conn.close(code, reason);
  }

  /**
   * Whether the document accepts updates (an unloaded one reads `isLocked`
   * when it loads). Every live connection is closed with `code`, on every
   * instance, so clients reconnect under their new write rights.
   */
  setLocked(id: string, locked: boolean, code: number, reason: string): void {
    this.setLockedHere(id, locked, code, reason);
    this.control?.locked(id, locked, code, reason);
  }

  setLockedHere(id: string, locked: boolean, code: number, reason: string): void {
    const room = this.rooms.get(id);
    if (!room) return;
    room.locked = locked;
    room.closeAll(code, reason);
  }

  /**
   * An unlock on another instance is told over Redis, at most once: a room
   * still locked here when a client writes asks the database again (at most
   * once a second), and if it is a draft again its clients reconnect and
   * send what was dropped.
   */
  private recheckLock(room: Room): void {
    if (!this.relay) return;
    const now = Date.now();
    if (now - (this.lockChecks.get(room) ?? 0) < 1000) return;
    this.lockChecks.set(room, now);
    if (!(this.options.isLocked?.(room.id) ?? false)) this.setLockedHere(room.id, false, CloseCode.RightsChanged, 'agreement unlocked');
  }

  refreshLocks(code: number, reason: string): void {
    for (const room of [...this.rooms.values()]) {
      const locked = this.options.isLocked?.(room.id) ?? false;
      if (locked !== room.locked) this.setLockedHere(room.id, locked, code, reason);
    }
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
    // With other instances: what they stored too, so a decision reads the document as stored.
    if (live) this.relay?.catchUp(live);
    if (live) return live.read(read);
    const { doc } = this.loader.build(id);
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
      this.timers.cancelIdle(existing);
      return existing;
    }
    const opened = this.loader.open(id);
    const template = this.options.templateOf(id);
    const room =
      opened.kind === 'compacted'
        ? new Room(id, template, this.hooks, { byteSize: opened.state.byteLength, updates: 0, state: opened.state, stateVector: opened.stateVector })
        : new Room(id, template, this.hooks, {
            byteSize: opened.storedBytes,
            updates: opened.pendingUpdates,
            state: Y.encodeStateAsUpdate(opened.doc),
            doc: opened.doc,
          });
    room.locked = this.options.isLocked?.(id) ?? false;
    room.appliedSeq = opened.lastSeq;
    this.rooms.set(id, room);
    if (opened.kind === 'built') {
      this.hooks.loaded(room, true);
      room.facts.prime();
    }
    this.relay?.opened(room);
    return room;
  }

  /**
   * Applies a change the server makes (not a client's): stored, then sent to
   * everyone connected, like any update. Loads the document if needed.
   */
  change<T>(id: string, fn: (doc: Y.Doc) => T): T {
    const room = this.acquire(id);
    try {
      const result = room.change(fn, SERVER_ORIGIN);
      this.flusher.flush();
      return result;
    } finally {
      if (room.conns.size === 0) this.timers.scheduleIdle(room);
    }
  }

  private persist(room: Room, update: Uint8Array, origin: unknown, roots: ReadonlySet<string>): void {
    this.flusher.enqueue(room, update, origin, roots);
    this.listEntry.edited(room);
    this.timers.edited(room);
  }

  private unload(room: Room, compact = true): void {
    this.timers.cancelIdle(room);
    if (this.rooms.get(room.id) !== room) return;
    if (compact) this.compaction.now(room);
    this.timers.compacted(room);
    this.listEntry.unloaded(room);
    this.relay?.closed(room);
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
    this.compaction.stop();
  }
}
