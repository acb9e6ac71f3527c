import type { DocStore } from '../store/docs';
import type { RoomRelay } from '../cluster/docRelay';
import { Compactor } from './encoded/compactor';
import type { Room } from './room';
import type { RoomTimers } from './roomTimers';

/** What compaction needs from the registry of loaded rooms (Rooms). */
export interface CompactionHost {
  /** Whether `room` is still the loaded room of its agreement: one unloaded meanwhile compacted on its own. */
  isLoaded(room: Room): boolean;
  /** Stores whatever is queued now. */
  flush(): void;
  /** The other instances, once joined (see Rooms.attachCluster). */
  relay(): RoomRelay | null;
  log(message: string): void;
}

/**
 * Folds a room's update log into one snapshot: in the background while the
 * room is being edited (RoomTimers schedules it once the log has grown), and
 * at once when the room unloads.
 */
export class Compaction {
  private readonly compactor = new Compactor();

  constructor(
    private readonly docs: DocStore,
    private readonly timers: Pick<RoomTimers, 'edited' | 'compacted'>,
    private readonly host: CompactionHost,
  ) {}

  /**
   * Folds what is stored into one snapshot in a worker thread (Compactor),
   * then replaces the log up to where the fold started; updates stored
   * meanwhile stay in the log.
   */
  inBackground(room: Room): void {
    if (room.updatesSinceCompaction === 0 || !this.host.isLoaded(room)) return this.timers.compacted(room);
    this.host.flush(); // the snapshot must cover exactly what is stored
    const relay = this.host.relay();
    let upToSeq: number;
    let job: ReturnType<Room['compactionJob']>;
    try {
      // With other instances writing too: read what they stored, and fold only what the document holds.
      relay?.catchUp(room);
      upToSeq = relay ? room.appliedSeq : this.docs.lastSeq(room.id);
      job = room.compactionJob();
    } catch (error) {
      this.host.log(`compacting ${room.id} failed: ${String(error)}`);
      return this.timers.compacted(room);
    }
    this.compactor
      .run(job.parts)
      .then(({ state, vector }) => {
        if (!this.host.isLoaded(room)) return;
        this.docs.compact(room.id, state, vector, upToSeq);
        room.compacted(job, state);
      })
      .catch((error: unknown) => {
        // A room unloaded meanwhile compacted on its own.
        if (this.host.isLoaded(room)) this.host.log(`compacting ${room.id} failed: ${String(error)}`);
      })
      .finally(() => {
        this.timers.compacted(room);
        // What was stored while it ran may be past the threshold already: no later edit need come to fold it.
        if (this.host.isLoaded(room)) this.timers.edited(room);
      });
  }

  /** Replaces the room's update log by one snapshot of its current state, now (on unload). */
  now(room: Room): void {
    this.timers.compacted(room);
    if (room.updatesSinceCompaction === 0 || !this.host.isLoaded(room)) return;
    this.host.flush(); // the snapshot must cover exactly what is stored
    const relay = this.host.relay();
    try {
      relay?.catchUp(room);
      const { state, vector } = room.compactedState();
      this.docs.compact(room.id, state, vector, relay ? room.appliedSeq : undefined);
      room.byteSize = state.byteLength;
      room.updatesSinceCompaction = 0;
    } catch (error) {
      this.host.log(`compacting ${room.id} failed: ${String(error)}`);
    }
  }

  /** Ends the worker thread (on shutdown, after every room compacted on unload). */
  stop(): void {
    this.compactor.stop();
  }
}
