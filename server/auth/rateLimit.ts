import { HttpError } from '../errors';

/**
 * At most `limit` attempts per key in each window of `windowMs` (a fixed
 * window, in memory: one process, and a restart forgives, which is fine for
 * what it guards: sign-in e-mails someone could make us send to a stranger,
 * and guesses at sign-in links that 256 random bits already defeat).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one attempt; throws 429 `rate_limited` past the limit. */
  take(key: string, what: string): void {
    const now = this.now();
    if (this.windows.size > 10_000) this.prune(now);
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    w.count++;
    if (w.count > this.limit) {
      throw new HttpError(429, 'rate_limited', `Too many ${what}: try again in ${Math.ceil((w.start + this.windowMs - now) / 60_000)} minute(s).`);
    }
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
