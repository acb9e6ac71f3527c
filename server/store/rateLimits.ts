import type { Db } from './db';

/** One bucket's count in its current window. */
export interface RateWindow {
  attempts: number;
  /** ISO time the window ends. */
  expiresAt: string;
}

/**
 * Attempt counts of the rate limits (server/auth/rateLimit.ts), in the database
 * so that every instance on it counts against the same limit. A bucket is a
 * limiter's name and its key ("redeem:<ip>"); times are ISO strings from the
 * caller's clock, compared as text like every other time in the store.
 */
export class RateLimitStore {
  private readonly takeStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    // One statement, so two instances counting the same bucket at once both count:
    // a new bucket, or an expired one, starts a window of one; a live one adds one.
    this.takeStmt = db.prepare<[string, string, string, string], { attempts: number; expires_at: string }>(
      `INSERT INTO rate_limits (bucket, attempts, expires_at) VALUES (?, 1, ?)
       ON CONFLICT (bucket) DO UPDATE SET
         attempts = CASE WHEN rate_limits.expires_at <= ? THEN 1 ELSE rate_limits.attempts + 1 END,
         expires_at = CASE WHEN rate_limits.expires_at <= ? THEN excluded.expires_at ELSE rate_limits.expires_at END
       RETURNING attempts, expires_at`,
    );
    this.pruneStmt = db.prepare<[string]>('DELETE FROM rate_limits WHERE expires_at <= ?');
  }

  /** Counts one attempt in `bucket` at `now`; a new window would end at `expiresAt`. */
  take(bucket: string, now: string, expiresAt: string): RateWindow {
    const row = this.takeStmt.get(bucket, expiresAt, now, now);
    if (!row) throw new Error('rate limit upsert returned nothing');
    return { attempts: Number(row.attempts), expiresAt: row.expires_at };
  }

  /** Drops the windows over at `now`. */
  prune(now: string): void {
    this.pruneStmt.run(now);
  }
}
