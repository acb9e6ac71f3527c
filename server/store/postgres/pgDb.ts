import type { Db, Statement } from '../db';
import { MIGRATIONS } from '../migrations';
import { postgresSql } from './ddl';
import { toPostgres } from './sql';
import { SyncClient, type SyncClientOptions } from './syncClient';

/** The key of the advisory lock that migrations run under: instances starting together migrate one after the other. */
const MIGRATION_LOCK = 0x656e7465; // "ente"

/**
 * PostgreSQL behind the store interface (`DATABASE_URL`). Statements run on one
 * connection through SyncClient, so a transaction is a plain function as with
 * SQLite: BEGIN, the function's statements, COMMIT (ROLLBACK if it throws).
 * Each instance has its own connection; what two instances decide together
 * (a lock against a write, the next sequence number of a document) is decided
 * by row locks inside those transactions (see DocStore).
 */
export class PgDb implements Db {
  readonly dialect = 'postgres' as const;
  private readonly client: SyncClient;
  private depth = 0;
  /** One prepared-statement name per distinct text: a statement prepared again reuses it. */
  private readonly names = new Map<string, string>();

  constructor(url: string, options?: SyncClientOptions) {
    this.client = new SyncClient(url, options);
  }

  prepare<P extends unknown[] | object = unknown[], R = unknown>(sql: string): P extends unknown[] ? Statement<P, R> : Statement<[P], R> {
    const { text, names } = toPostgres(sql);
    let name = this.names.get(text);
    if (name === undefined) this.names.set(text, (name = `s${this.names.size + 1}`));
    const values = (params: unknown[]): unknown[] => {
      if (!names) return params;
      const [object] = params as [Record<string, unknown>];
      return names.map((n) => object[n] ?? null);
    };
    const prepared = name;
    const run = (params: unknown[]) => this.client.query(text, values(params), prepared);
    const statement: Statement<unknown[], R> = {
      run: (...params) => ({ changes: run(params).rowCount }),
      get: (...params) => run(params).rows[0] as R | undefined,
      all: (...params) => run(params).rows as R[],
    };
    return statement as P extends unknown[] ? Statement<P, R> : Statement<[P], R>;
  }

  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T {
    return (...args: A): T => {
      const savepoint = this.depth > 0 ? `sp${this.depth}` : null;
      this.client.script(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      this.depth++;
      try {
        const result = fn(...args);
        this.depth--;
        this.client.script(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
        return result;
      } catch (error) {
        this.depth--;
        try {
          this.client.script(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK');
        } catch {
          // The connection is gone: PostgreSQL rolled back already.
        }
        throw error;
      }
    };
  }

  exec(sql: string): void {
    this.client.script(sql);
  }

  close(): void {
    this.client.close();
  }

  /** Applies the migrations this database lacks, one instance at a time (advisory lock). */
  migrate(): void {
    this.exec(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      this.exec('CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)');
      const row = this.prepare<[], { version: number }>('SELECT version FROM schema_version').get();
      let version = row?.version ?? 0;
      if (!row) this.exec('INSERT INTO schema_version (version) VALUES (0)');
      for (; version < MIGRATIONS.length; version++) {
        const migration = MIGRATIONS[version];
        if (migration === undefined) break;
        this.transaction(() => {
          this.exec(postgresSql(migration));
          this.prepare<[number]>('UPDATE schema_version SET version = ?').run(version + 1);
        })();
      }
    } finally {
      this.exec(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  }
}

/** Connects to PostgreSQL and brings its schema up to date. */
export function openPostgres(url: string, options?: SyncClientOptions): PgDb {
  const db = new PgDb(url, options);
  try {
    db.migrate();
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
