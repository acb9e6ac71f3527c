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
 * editing never stops that long. One timer per agreement being edited; an
 * edit only moves it, so the live update path pays a clearTimeout and a
 * setTimeout per stored batch.
 */
export class HistoryRecorder {
  private readonly pending = new Map<string, { since: number; timer: unknown }>();

  constructor(
    private readonly checkpoint: (agreementId: string) => void,
    private readonly timing: CheckpointTiming = DEFAULT_TIMING,
    private readonly clock: HistoryClock = realClock,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  edited(agreementId: string): void {
    const now = this.clock.now();
    const current = this.pending.get(agreementId);
    const since = current?.since ?? now;
    if (current) this.clock.clearTimeout(current.timer);
    const due = Math.min(now + this.timing.idleMs, since + this.timing.maxMs);
    const timer = this.clock.setTimeout(() => this.fire(agreementId), Math.max(0, due - now));
    this.pending.set(agreementId, { since, timer });
  }

  /** Takes every checkpoint that is due later, now (the server is stopping). */
  flushAll(): void {
    for (const [id, { timer }] of [...this.pending]) {
      this.clock.clearTimeout(timer);
      this.fire(id);
    }
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
