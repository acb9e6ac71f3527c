import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the multi-instance and PostgreSQL store tests use; they are skipped without it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
/** The Redis server of the multi-instance tests (fault tests start their own). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

export interface FreshDatabase {
  /** A connection string whose `search_path` is a new, empty schema: a database of its own for one test server (or two instances). */
  url: string;
  schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** A new empty schema in the test database (TEST_DATABASE_URL), so tests never see each other's rows. */
export async function freshDatabase(): Promise<FreshDatabase> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    schema,
    drop: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined),
  };
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
