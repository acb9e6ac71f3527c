import type { Clock } from '../../../server/lifecycle/clock';

export const DAY_MS = 86_400_000;

/** A clock a test moves forward: timers fire, in order, when their time is reached. */
export class ManualClock implements Clock {
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;

  constructor(private current = Date.now()) {}

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.current + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward, firing each timer due on the way at its own time. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.current = Math.max(this.current, due[1].at);
      due[1].fn();
    }
    this.current = end;
  }

  /**
   * Moves time forward in steps of `stepMs`, letting the event loop (the test server's, and the
   * test's own HTTP client's) turn between them. For long spans on PostgreSQL, where the timers'
   * work takes seconds: in one block longer than the HTTP keep-alive, the server drops the socket
   * the next request goes out on (ECONNRESET).
   */
  async advanceInSteps(ms: number, stepMs = 50 * DAY_MS): Promise<void> {
    for (let left = ms; left > 0; left -= stepMs) {
      this.advance(Math.min(stepMs, left));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
