import type { Migration } from './migrations';

/**
 * The one storage interface every store is written against: prepared
 * statements and transactions, synchronous, in SQLite's dialect with
 * portable SQL. Two implementations: embedded SQLite (server/store/sqlite.ts,
 * the default) and PostgreSQL (server/store/postgres/, with DATABASE_URL).
 * Synchronous on purpose: a document update is stored before it is sent to
 * anyone, and a decision (lock, approve, sign) reads and writes in one
 * transaction that nothing else interleaves with, exactly as with SQLite.
 */
export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  /** `?` parameters, or `@name` ones bound from one object. */
  prepare<P extends unknown[] | object = unknown[], R = unknown>(sql: string): P extends unknown[] ? Statement<P, R> : Statement<[P], R>;
  /** `fn` run in one transaction (a savepoint when nested); rolled back if it throws. */
  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T;
  exec(sql: string): void;
  close(): void;
}

export interface Statement<P extends unknown[], R> {
  run(...params: P): { changes: number };
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

export type { Migration };
export { MIGRATIONS } from './migrations';
export { openDb, type SqliteDb } from './sqlite';
