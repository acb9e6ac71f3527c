/**
 * PostgreSQL and Redis for the benchmark's multi-instance kinds: where they
 * are (BENCH_DATABASE_URL, BENCH_REDIS_URL), whether they answer, a fresh
 * schema per run (dropped after), and the CPU they spend for one run: the
 * PostgreSQL backends of that run's connections (named by application_name)
 * and the Redis server process, both read from /proc on this machine.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';
import { processTreeCpu, type CpuTime } from './procstat';

export const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://entente:entente@127.0.0.1:5432/entente_test';
export const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6399';
const PROBE_TIMEOUT_MS = 3_000;

async function withPg<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined); // a dropped admin connection fails its query; nothing else to do
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function withRedis<T>(fn: (client: ReturnType<typeof createClient>) => Promise<T>): Promise<T> {
  // No retries: an unreachable Redis is an answer here.
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: PROBE_TIMEOUT_MS, reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    client.destroy();
  }
}

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err)) || 'unreachable';

/** Why PostgreSQL (and, if asked, Redis) cannot be used, or null when both answer. */
export async function unavailable(needRedis: boolean): Promise<string | null> {
  const pgError = await withPg((c) => c.query('SELECT 1')).then(
    () => null,
    (err: unknown) => `PostgreSQL at ${DATABASE_URL}: ${reason(err)}`,
  );
  if (pgError !== null || !needRedis) return pgError;
  return withRedis((c) => c.ping()).then(
    () => null,
    (err: unknown) => `Redis at ${REDIS_URL}: ${reason(err)}`,
  );
}

export interface BenchDatabase {
  /** The connection string of a new empty schema (its search_path), its connections named `appName`. */
  url: string;
  appName: string;
  /** Bytes of its tables and indexes. */
  bytes(): Promise<number>;
  /** CPU its PostgreSQL backends have used so far (those connected now). */
  backendsCpu(): Promise<Map<number, CpuTime>>;
  drop(): Promise<void>;
}

/** A schema of its own for one run (CREATE SCHEMA; the URL's search_path points there). */
export async function freshDatabase(): Promise<BenchDatabase> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await withPg((c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', schema);
  return {
    url: url.toString(),
    appName: schema,
    bytes: () =>
      withPg((c) =>
        c.query<{ n: string | null }>(
          `SELECT sum(pg_total_relation_size(c.oid))::text AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r'`,
          [schema],
        ),
      ).then((r) => Number(r.rows[0]?.n ?? 0)),
    backendsCpu: () =>
      withPg((c) => c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [schema])).then((r) => {
        const cpu = new Map<number, CpuTime>();
        for (const { pid } of r.rows) {
          const t = processTreeCpu(pid);
          if (t) cpu.set(pid, t);
        }
        return cpu;
      }),
    drop: async () => {
      await withPg((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    },
  };
}

/** CPU seconds between two readings of the same backends (a backend that connected in between counts from zero). */
export function backendsDelta(before: Map<number, CpuTime>, after: Map<number, CpuTime>): number {
  let total = 0;
  for (const [pid, t] of after) {
    const t0 = before.get(pid);
    total += t.user + t.system - (t0 ? t0.user + t0.system : 0);
  }
  return total;
}

/** CPU seconds the Redis server process has used (INFO cpu: the whole server, whoever else uses it). */
export function redisCpuSeconds(): Promise<number | null> {
  return withRedis((c) => c.info('cpu')).then(
    (text) => {
      const field = (name: string): number => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(text)?.[1] ?? NaN);
      const s = field('used_cpu_user') + field('used_cpu_sys');
      return Number.isFinite(s) ? s : null;
    },
    () => null,
  );
}
