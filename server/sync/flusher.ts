import type { DocStore } from '../store/docs';
import type { PendingUpdate, Room } from './room';

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
    private readonly onStored: (room: Room) => void,
    private readonly onStoreFailure: (room: Room, error: unknown) => void,
  ) {}

  enqueue(room: Room, update: Uint8Array, origin: unknown): void {
    this.queue.push({ room, item: { update, origin } });
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
    try {
      this.docs.appendMany(batch.map(({ room, item }) => ({ docId: room.id, update: item.update })));
    } catch (error) {
      // Not stored, so not sent: the clients keep their changes and resend them on reconnect.
      for (const room of byRoom.keys()) this.onStoreFailure(room, error);
      return;
    }
    for (const [room, items] of byRoom) {
      room.broadcast(items);
      this.onStored(room);
    }
  };
}
