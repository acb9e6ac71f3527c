/**
 * Benchmark parameters: command-line flags, else BENCH_* environment
 * variables, else the defaults of the issue (10 documents × 50 clients,
 * 5 writers each at 10 updates/s, 5 s warm-up, 20 s measured).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVER_KINDS, type ServerKind } from './servers';

export interface BenchConfig {
  docs: number;
  clientsPerDoc: number;
  writersPerDoc: number;
  /** Updates per second per writer. */
  rate: number;
  warmupS: number;
  durationS: number;
  /** Wait after the writers stop, for deliveries still in flight. */
  drainS: number;
  loadProcesses: number;
  /** Rounds over all servers (order reversed every other round); results are pooled. */
  rounds: number;
  /** Servers to run, in order; the first is compared with the second. */
  servers: ServerKind[];
  /** Name of the shared Y.Text writers insert into. */
  root: string;
  connectConcurrency: number;
  connectTimeoutS: number;
  /** Where to write the JSON results ('' = nowhere). */
  out: string;
  /** Directory for server CPU profiles ('' = no profiling). */
  profile: string;
  /** Directory for perf recordings of the measured window ('' = none; Linux with perf only). */
  perf: string;
  /** A soak: one long window (durationS), the server's memory followed through it. */
  soak: boolean;
  /** Another checkout whose server the entente-dir kind runs ('' = none). */
  serverDir: string;
}

const USAGE = `Usage: npm run bench -- [options]

  --docs N              documents (default 10)
  --clients N           clients per document, writers included (default 50)
  --writers N           writers per document (default 5)
  --rate N              updates per second per writer (default 10)
  --warmup S            warm-up seconds before measuring (default 5)
  --duration S          measured seconds (default 20)
  --drain S             seconds to wait for in-flight deliveries (default 1)
  --load-procs N        load-generator processes (default 2)
  --rounds N            run every server N times, alternating the order, and
                        pool the results (default 1)
  --servers LIST        comma-separated, in order: entente, reference, floor,
                        entente-pg, entente-2x, entente-dir (default
                        entente,reference,floor,entente-pg,entente-2x; ratios
                        compare the first two; reference,reference compares
                        the reference with itself). entente-pg: one instance
                        on PostgreSQL; entente-2x: two on one PostgreSQL and
                        one Redis, each document's clients split across them;
                        both skipped when PostgreSQL (BENCH_DATABASE_URL,
                        default postgres://entente:entente@127.0.0.1:5432/entente_test)
                        or Redis (BENCH_REDIS_URL, default
                        redis://127.0.0.1:6399) does not answer
  --server-dir DIR      the checkout entente-dir runs (its server/index.ts, on
                        SQLite), e.g. a git worktree of an older commit
  --root NAME           top-level Y.Text the writers insert into (default
                        section:purpose, a name Entente's schema guard lets
                        clients write; any other name is refused with 4406)
  --connect-concurrency N  handshakes in flight per load process (default 25)
  --connect-timeout S   seconds for one client to connect and sync (default 20)
  --out FILE            JSON results (default <temp>/entente-bench/results.json; '' for none)
  --profile DIR         write a V8 CPU profile of each server into DIR and
                        summarise it (profiling inflates the CPU figures)
  --perf DIR            record each server's measured window with Linux perf
                        (on a core only, kernel included) into DIR and print
                        where that time went, by category, side by side
  --soak S              a soak: measure S seconds at the same load (default
                        servers: entente only), reading the server's memory
                        every 5 s, and report its slope (e.g. --soak 600)

Every option can also be set as BENCH_<NAME> (e.g. BENCH_DOCS=2, BENCH_LOAD_PROCS=1).`;

function envName(flag: string): string {
  return `BENCH_${flag.replace(/-/g, '_').toUpperCase()}`;
}

export function parseConfig(argv: string[], defaultOut: string): BenchConfig {
  const names = [
    'docs',
    'clients',
    'writers',
    'rate',
    'warmup',
    'duration',
    'drain',
    'load-procs',
    'rounds',
    'servers',
    'root',
    'connect-concurrency',
    'connect-timeout',
    'out',
    'profile',
    'perf',
    'soak',
    'server-dir',
  ] as const;
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  const { values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help === true) {
    console.log(USAGE);
    process.exit(0);
  }
  const raw = (name: (typeof names)[number]): string | undefined => {
    const v = (values as Record<string, string | boolean | undefined>)[name];
    return typeof v === 'string' ? v : process.env[envName(name)];
  };
  const num = (name: (typeof names)[number], fallback: number, min: number, integer: boolean): number => {
    const text = raw(name);
    if (text === undefined || text === '') return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
      throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got "${text}"\n\n${USAGE}`);
    }
    return n;
  };

  const servers: ServerKind[] = [];
  const soakS = num('soak', 0, 0, false);
  for (const s of (raw('servers') ?? (soakS > 0 ? 'entente' : 'entente,reference,floor,entente-pg,entente-2x'))
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0)) {
    const kind = SERVER_KINDS.find((k) => k === s);
    if (!kind) throw new Error(`unknown server "${s}" in --servers\n\n${USAGE}`);
    servers.push(kind);
  }
  const serverDir = raw('server-dir');
  const config: BenchConfig = {
    docs: num('docs', 10, 1, true),
    clientsPerDoc: num('clients', 50, 2, true),
    writersPerDoc: num('writers', 5, 1, true),
    rate: num('rate', 10, 0.1, false),
    warmupS: num('warmup', 5, 0, false),
    durationS: soakS > 0 ? soakS : num('duration', 20, 1, false),
    drainS: num('drain', 1, 0, false),
    loadProcesses: num('load-procs', 2, 1, true),
    rounds: num('rounds', 1, 1, true),
    servers,
    root: raw('root') ?? 'section:purpose',
    connectConcurrency: num('connect-concurrency', 25, 1, true),
    connectTimeoutS: num('connect-timeout', 20, 1, false),
    out: raw('out') ?? defaultOut,
    profile: raw('profile') ?? '',
    perf: raw('perf') ?? '',
    soak: soakS > 0,
    serverDir: serverDir !== undefined && serverDir !== '' ? resolve(serverDir) : '',
  };
  if (config.servers.includes('entente-dir') && config.serverDir === '') throw new Error('--servers entente-dir needs --server-dir');
  if (config.writersPerDoc > config.clientsPerDoc) throw new Error('--writers cannot exceed --clients');
  if (config.servers.length === 0) throw new Error('--servers is empty');
  config.loadProcesses = Math.min(config.loadProcesses, config.docs);
  return config;
}
