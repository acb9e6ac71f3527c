import type { Room } from './room';

/**
 * The timers of the loaded rooms: unloading a room once it has been empty
 * for `idleMs`, and compacting a room's log in the background once it has
 * grown by `compactAfter` updates. Callbacks run from timers, with no caller
 * to catch for them: a failure is logged and the server carries on.
 */
export class RoomTimers {
  private readonly idle = new Map<Room, NodeJS.Timeout>();
  private readonly compactions = new Set<Room>();

  constructor(
    private readonly options: { idleMs: number; compactAfter: number; log: (message: string) => void },
    private readonly actions: { unload(room: Room): void; compact(room: Room): void },
  ) {}

  /** The room was emptied: unload it after idleMs unless someone comes back. */
  scheduleIdle(room: Room): void {
    this.cancelIdle(room);
    const timer = setTimeout(
      () =>
        this.guarded(`unloading ${room.id}`, () => {
          if (room.conns.size === 0) this.actions.unload(room);
        }),
      this.options.idleMs,
    );
    this.idle.set(room, timer);
  }

  cancelIdle(room: Room): void {
    const timer = this.idle.get(room);
    if (timer) clearTimeout(timer);
    this.idle.delete(room);
  }

  /** An update was queued for storage: compact soon if the log has grown enough. */
  edited(room: Room): void {
    if (room.updatesSinceCompaction < this.options.compactAfter || this.compactions.has(room)) return;
    this.compactions.add(room);
    setTimeout(() => this.guarded(`compacting ${room.id}`, () => this.actions.compact(room)), 0);
  }

  /** The room compacted (or unloaded): a later growth schedules a new compaction. */
  compacted(room: Room): void {
    this.compactions.delete(room);
  }

  private guarded(what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.options.log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}
