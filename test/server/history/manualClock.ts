import type { HistoryClock } from '../../../server/services/historyRecorder';

/** A clock a test moves by hand: timers fire only when `advance` passes their time. */
export class ManualClock implements HistoryClock {
  private time = 1_000_000;
  private readonly timers = new Map<number, { due: number; fn: () => void }>();
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { due: this.time + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.timers.delete(handle);
  }

  /** How many timers wait. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves time on, firing each timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers].filter(([, t]) => t.due <= end).sort(([, a], [, b]) => a.due - b.due)[0];
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].due;
      next[1].fn();
    }
    this.time = end;
  }
}
