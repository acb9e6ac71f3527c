import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { RateLimiter } from '../../../server/auth/rateLimit';
import { HttpError } from '../../../server/errors';
import { openDb, type Db } from '../../../server/store/db';
import { openPostgres } from '../../../server/store/postgres/pgDb';
import { RateLimitStore } from '../../../server/store/rateLimits';
import { Browser } from './browser';
import { onPostgres, startTestServer, tempDir } from '../harness';
import { freshDatabase } from '../pgTestDb';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const WINDOW = 15 * 60_000;

/** A database of the backend under test (SQLite file, or a PostgreSQL schema in the "postgres" project), and a way to open it again, as a second instance would. */
async function database(): Promise<() => Db> {
  if (onPostgres) {
    const fresh = await freshDatabase();
    cleanup.push(() => fresh.drop());
    return () => track(openPostgres(fresh.url));
  }
  const dir = tempDir();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return () => track(openDb(dir));
}

function track(db: Db): Db {
  cleanup.push(() => db.close());
  return db;
}

/** What `take` threw: the HTTP status and message, or 'ok'. */
function attempt(limiter: RateLimiter, key: string): string {
  try {
    limiter.take(key, 'attempts');
    return 'ok';
  } catch (error) {
    if (error instanceof HttpError) return `${error.status} ${error.message}`;
    throw error;
  }
}

describe('rate limits kept in the database', () => {
  it('counts each key in a fixed window, apart from other keys and other limiters, and forgives once the window is over', async () => {
    const open = await database();
    const store = new RateLimitStore(open());
    let now = Date.parse('2026-03-02T09:00:00Z');
    const limiter = new RateLimiter(store, 'test', 3, WINDOW, () => now);
    const other = new RateLimiter(store, 'other', 3, WINDOW, () => now);
    expect([1, 2, 3].map(() => attempt(limiter, 'a'))).toEqual(['ok', 'ok', 'ok']);
    expect(attempt(limiter, 'a')).toBe('429 Too many attempts: try again in 15 minute(s).');
    expect(attempt(limiter, 'b')).toBe('ok');
    expect(attempt(other, 'a')).toBe('ok');
    now += 10 * 60_000 + 1;
    expect(attempt(limiter, 'a')).toBe('429 Too many attempts: try again in 5 minute(s).');
    now += 5 * 60_000;
    expect(attempt(limiter, 'a')).toBe('ok');
    expect(attempt(limiter, 'a')).toBe('ok');
  });

  it('two instances on one database count against the same limit', async () => {
    const open = await database();
    const now = () => Date.parse('2026-03-02T09:00:00Z');
    const first = new RateLimiter(new RateLimitStore(open()), 'test', 4, WINDOW, now);
    const second = new RateLimiter(new RateLimitStore(open()), 'test', 4, WINDOW, now);
    expect([first, second, first, second].map((l) => attempt(l, 'ip'))).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(attempt(second, 'ip')).toMatch(/^429 /);
    expect(attempt(first, 'ip')).toMatch(/^429 /);
  });

  it('drops windows that are over, once a window', async () => {
    const open = await database();
    const db = open();
    const rows = () => Number(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM rate_limits').get()?.n);
    let now = Date.parse('2026-03-02T09:00:00Z');
    const limiter = new RateLimiter(new RateLimitStore(db), 'test', 3, WINDOW, () => now);
    for (const key of ['a', 'b', 'c']) attempt(limiter, key);
    expect(rows()).toBe(3);
    now += WINDOW - 1;
    attempt(limiter, 'd');
    expect(rows()).toBe(4);
    now += 1;
    // a, b and c are over: the first attempt of the next window drops them.
    attempt(limiter, 'e');
    expect(rows()).toBe(2);
  });
});

describe.skipIf(!onPostgres)('rate limits across instances (PostgreSQL)', () => {
  it('two servers on one database refuse the sign-in attempt past the limit, wherever it arrives', async () => {
    const fresh = await freshDatabase();
    cleanup.push(() => fresh.drop());
    const one = await startTestServer({ databaseUrl: fresh.url });
    cleanup.push(() => one.dispose());
    const two = await startTestServer({ databaseUrl: fresh.url });
    cleanup.push(() => two.dispose());
    const redeem = (browser: Browser) => browser.json('/api/person/redeem', { method: 'POST', body: { token: randomBytes(32).toString('base64url') } });
    const onOne = new Browser(one.url);
    const onTwo = new Browser(two.url);
    // Thirty guesses a quarter of an hour from one address, half on each instance.
    for (let i = 0; i < 15; i++) {
      expect((await redeem(onOne)).status).toBe(410);
      expect((await redeem(onTwo)).status).toBe(410);
    }
    expect(await redeem(onOne)).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
    expect(await redeem(onTwo)).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
  });
});
