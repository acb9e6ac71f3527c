import { HttpError } from '../errors';
import type { RateLimitStore } from '../store/rateLimits';

/**
 * At most `limit` attempts per key in each window of `windowMs` (a fixed
 * window). The counts are kept in the database (server/store/rateLimits.ts),
 * so several instances behind a load balancer share one limit and a restart
 * forgives nothing. What it guards: sign-in e-mails someone could make us send
 * to a stranger, and guesses at sign-in links that 256 random bits already defeat.
 */
export class RateLimiter {
  private prunedAt = 0;

  constructor(
    private readonly store: RateLimitStore,
    /** Keeps this limiter's keys apart from the others' in the one table. */
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one attempt; throws 429 `rate_limited` past the limit. */
  take(key: string, what: string): void {
    const now = this.now();
    const at = new Date(now).toISOString();
    // Windows over are dropped once a window, not on every attempt.
    if (now - this.prunedAt >= this.windowMs) {
      this.prunedAt = now;
      this.store.prune(at);
    }
    const w = this.store.take(`${this.name}:${key}`, at, new Date(now + this.windowMs).toISOString());
    if (w.attempts > this.limit) {
      const minutes = Math.ceil((Date.parse(w.expiresAt) - now) / 60_000);
      throw new HttpError(429, 'rate_limited', `Too many ${what}: try again in ${minutes} minute(s).`);
    }
  }
}
