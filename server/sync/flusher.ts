import type { DocStore } from '../store/docs';
import type { PendingUpdate, Room } from './room';

/** An update as stored: with its per-document sequence number. */
export interface StoredUpdate {
  update: Uint8Array;
  seq: number;
}

/**
 * Stores every document update before anyone receives it. Updates arriving
 * in the same event-loop turn are written in one SQLite transaction, then
 * broadcast: durability costs one commit per turn, not one per update.
 */
export class Flusher {
  private queue: { room: Room; item: PendingUpdate }[] = [];
  private scheduled = false;

  constructor(
    private readonly docs: DocStore,
    /**
     * `editors`: the participants whose updates these were (the server's own changes name nobody); `stored`: each update with its
     * sequence number; `roots`: the top-level names they wrote under.
     */
    private readonly onStored: (room: Room, editors: readonly string[], stored: readonly StoredUpdate[], roots: ReadonlySet<string>) => void,
    private readonly onStoreFailure: (room: Room, error: unknown) => void,
    /** Updates of `room` the database refused (its agreement was locked, or a sender lost the right to edit, on another instance). */
    private readonly onRefused: (room: Room) => void,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  /** `roots`: the top-level names the update wrote under; required, since a stored update listed under none would tell approvals it changed no section. */
  enqueue(room: Room, update: Uint8Array, origin: unknown, roots: ReadonlySet<string>): void {
    this.queue.push({ room, item: { update, origin, roots } });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }

  /** Stores and broadcasts everything queued. Safe to call at any time. */
  readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const byRoom = new Map<Room, PendingUpdate[]>();
    for (const { room, item } of batch) {
      const items = byRoom.get(room);
      if (items) items.push(item);
      else byRoom.set(room, [item]);
    }
    let seqs: (number | null)[];
    try {
      seqs = this.docs.appendMany(batch.map(({ room, item }) => ({ docId: room.id, update: item.update, editor: editorOf(item) })));
    } catch (error) {
      // Not stored, so not sent: the clients keep their changes and resend them on reconnect.
      for (const room of byRoom.keys()) this.guard(room, () => this.onStoreFailure(room, error));
      return;
    }
    const refused = new Set<Room>();
    const stored = new Map<Room, StoredUpdate[]>();
    batch.forEach(({ room, item }, i) => {
      const seq = seqs[i];
      if (seq === null || seq === undefined) return void refused.add(room);
      const list = stored.get(room);
      if (list) list.push({ update: item.update, seq });
      else stored.set(room, [{ update: item.update, seq }]);
    });
    for (const [room, items] of byRoom) {
      // The room's document holds an update that was not stored: it must go, as after a storage failure.
      if (refused.has(room)) {
        this.guard(room, () => this.onRefused(room));
        continue;
      }
      this.guard(room, () => {
        room.broadcast(items);
        this.onStored(room, editorsOf(items), stored.get(room) ?? [], rootsOf(items));
      });
    }
  };

  /**
   * `flush` runs from setImmediate, where a throw would end the process: a
   * failure with one room is logged and the other rooms carry on.
   */
  private guard(room: Room, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.log(`after storing updates of ${room.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

/** Who sent this update: a client's update has its Connection as origin, which names the participant (the server's own changes name nobody). */
function editorOf({ origin }: PendingUpdate): string | undefined {
  return typeof origin === 'object' && origin !== null && 'participantId' in origin && typeof origin.participantId === 'string'
    ? origin.participantId
    : undefined;
}

function editorsOf(items: readonly PendingUpdate[]): string[] {
  const ids = new Set<string>();
  for (const item of items) {
    const id = editorOf(item);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

function rootsOf(items: readonly PendingUpdate[]): Set<string> {
  const roots = new Set<string>();
  for (const item of items) for (const root of item.roots ?? []) roots.add(root);
  return roots;
}
