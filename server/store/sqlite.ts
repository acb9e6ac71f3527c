import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';
import { MIGRATIONS } from './migrations';

/** better-sqlite3's own database: the stores see it as a `Db`; the checkpointer also uses its pragmas. */
export type SqliteDb = Database.Database & { readonly dialect: 'sqlite' } & Db;

/**
 * Opens (and creates, first time) the SQLite database in `dataDir`.
 * WAL with synchronous=NORMAL: a committed transaction survives a crash of
 * this process (SIGKILL included); `durability: 'full'` also survives power loss
 * at the cost of an fsync per commit.
 */
export function openDb(dataDir: string, durability: 'normal' | 'full' = 'normal'): SqliteDb {
  mkdirSync(dataDir, { recursive: true });
  // better-sqlite3 itself is the implementation: no layer between a store and SQLite.
  const db = Object.assign(new Database(join(dataDir, 'entente.sqlite')), { dialect: 'sqlite' as const }) as unknown as SqliteDb;
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** `user_version` once the plaintext tokens are gone (migration 7). */
const TOKENS_HASHED_ONLY = 7;

function migrate(db: SqliteDb): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= MIGRATIONS.length) return;
  // SQLite has no SHA-256. Written out here rather than taken from auth/tokens:
  // a migration must keep meaning what it meant when it was written.
  db.function('sha256_hex', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? createHash('sha256').update(text).digest('hex') : null));
  for (let v = version; v < MIGRATIONS.length; v++) {
    const migration = MIGRATIONS[v];
    if (migration === undefined) break;
    db.transaction(() => {
      db.exec(typeof migration === 'string' ? migration : migration.sqlite);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  if (version > 0 && version < TOKENS_HASHED_ONLY) {
    // Dropping the column leaves the plaintext readable in unused page space
    // (and old WAL frames): rebuild the file and empty the WAL, once.
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
