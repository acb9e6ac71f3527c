/** Timers the recorder runs on: the real ones, or a clock a test advances. */
export interface HistoryClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: HistoryClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface CheckpointTiming {
  /** A checkpoint this long after editing stops. */
  idleMs: number;
  /** While editing goes on, at most this long between checkpoints. */
  maxMs: number;
}

export const DEFAULT_TIMING: CheckpointTiming = { idleMs: 3 * 60_000, maxMs: 10 * 60_000 };

/**
 * Decides when an automatic checkpoint is taken: `idleMs` after the last
 * stored edit, or `maxMs` after the first edit since the last checkpoint if
 * editing never stops that long. One timer per agreement being edited, set
 * once: an edit only notes its time, and the timer, when it fires early,
 * sets itself again for the new due time. The live update path pays a map
 * lookup and a clock read per stored batch.
 */
export class HistoryRecorder {
  private readonly pending = new Map<string, { since: number; last: number; timer: unknown }>();

  constructor(
    private readonly checkpoint: (agreementId: string) => void,
    private readonly timing: CheckpointTiming = DEFAULT_TIMING,
    private readonly clock: HistoryClock = realClock,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  edited(agreementId: string): void {
    const now = this.clock.now();
    const current = this.pending.get(agreementId);
    if (current) {
      current.last = now;
      return;
    }
    const entry = { since: now, last: now, timer: null as unknown };
    entry.timer = this.clock.setTimeout(() => this.due(agreementId), this.timing.idleMs);
    this.pending.set(agreementId, entry);
  }

  /** Takes every checkpoint that is due later, now (the server is stopping). */
  flushAll(): void {
    for (const [id, { timer }] of [...this.pending]) {
      this.clock.clearTimeout(timer);
      this.fire(id);
    }
  }

  private due(agreementId: string): void {
    const entry = this.pending.get(agreementId);
    if (!entry) return;
    const at = Math.min(entry.last + this.timing.idleMs, entry.since + this.timing.maxMs);
    const wait = at - this.clock.now();
    if (wait > 0) entry.timer = this.clock.setTimeout(() => this.due(agreementId), wait);
    else this.fire(agreementId);
  }

  private fire(agreementId: string): void {
    this.pending.delete(agreementId);
    try {
      this.checkpoint(agreementId);
    } catch (error) {
      // A timer has no caller to catch for it: a document that cannot be read now is tried again at its next edit.
      this.log(`checkpoint of ${agreementId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}
