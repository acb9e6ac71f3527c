/**
 * On-CPU attribution of a server's time with Linux `perf` (npm run bench --
 * --perf DIR): `perf record` samples the server's threads while they run on a
 * core, kernel included, and `perf script` gives each sample's call chain.
 * Each sample goes to the category of its innermost frame that names one:
 * the Yjs decoding inside the schema guard is the guard's, a commit's pwrite
 * is storage's, and the handlers that run inside the websocket's receiving
 * stream (a Writable too) are not counted as the stream's.
 *
 * Why not only the V8 profile (--profile): V8 samples wall-clock time while a
 * thread is not idle, so time the thread spends descheduled (two cores shared
 * with the load generator) is charged to whatever it was running, mostly the
 * socket writes that wake the readers. perf counts only time on a core.
 * JavaScript frames are named when the server runs with --perf-basic-prof.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Matched against one frame at a time, innermost first; within a frame, the first category wins. */
const MAIN_CATEGORIES: { name: string; needles: string[] }[] = [
  { name: 'socket writes (kernel and node)', needles: ['StreamBase::WriteBuffer', 'StreamBase::Writev', 'ksys_write', 'do_writev'] },
  {
    name: 'storage (SQLite, its file I/O)',
    needles: ['better_sqlite3', 'better-sqlite3', 'sys_pwrite64', 'sys_pread64', 'sys_fsync', 'sys_fdatasync', 'sys_fcntl', '/server/store/'],
  },
  { name: 'schema guard (update analysis)', needles: ['schemaGuard.ts', '/encoded/analyse.ts'] },
  { name: 'socket write machinery (node streams, JS)', needles: ['node:net', 'internal/streams/writable'] },
  { name: "the server's own code (rooms, authorship, connections)", needles: ['/server/', '/bench/floor-server.ts'] },
  { name: 'reading sockets, websocket frames', needles: ['ws/lib/', 'stream_base_commons', 'internal/streams/readable', 'ksys_read', 'sys_recvfrom'] },
  { name: 'event loop (waiting in epoll)', needles: ['epoll_pwait'] },
];
const STORAGE_NEEDLES = MAIN_CATEGORIES[1]?.needles ?? [];
/** The other threads: the WAL checkpointer's and compactor's workers, V8's GC helpers. */
const OTHER_CATEGORIES: { name: string; needles: string[] }[] = [
  { name: 'storage, other threads (WAL checkpoints)', needles: STORAGE_NEEDLES },
  { name: 'compaction, other threads (Yjs)', needles: ['/yjs/'] },
  { name: 'garbage collection, other threads', needles: ['Heap', 'Scaveng', 'Mark', 'Sweep', 'Evacuat', 'Compactor', 'GC'] },
];
const OTHER_MAIN = 'other, main thread';
const OTHER_THREADS = 'other threads';

export interface Attribution {
  /** Milliseconds on a core, by category (main thread, then other threads), in a fixed order. */
  categories: { name: string; ms: number }[];
  totalMs: number;
}

/** Attributes `perf script` output, line by line; `mainTids`: the servers' main threads (their pids). */
export class Attributor {
  private readonly names = [...MAIN_CATEGORIES.map((c) => c.name), OTHER_MAIN, ...OTHER_CATEGORIES.map((c) => c.name), OTHER_THREADS];
  private readonly ms = new Map(this.names.map((n) => [n, 0]));
  private header: { tid: number; ms: number } | null = null;
  private frames: string[] = [];

  constructor(private readonly mainTids: ReadonlySet<number>) {}

  line(line: string): void {
    if (line.trim() === '') return this.flush();
    if (/^\s/.test(line)) return void this.frames.push(line.trim());
    this.flush();
    // "node  5689 35045.391222:    1001001 cpu-clock: ": comm, tid, time, period in ns.
    const m = /^\S.*?\s(\d+)\s+[\d.]+:\s+(\d+)\s+cpu-clock/.exec(line);
    this.header = m ? { tid: Number(m[1]), ms: Number(m[2]) / 1e6 } : null;
  }

  result(): Attribution {
    this.flush();
    const categories = this.names.map((name) => ({ name, ms: this.ms.get(name) ?? 0 }));
    return { categories, totalMs: categories.reduce((s, c) => s + c.ms, 0) };
  }

  private flush(): void {
    const header = this.header;
    if (header !== null) {
      const main = this.mainTids.has(header.tid);
      const name = innermost(this.frames, main ? MAIN_CATEGORIES : OTHER_CATEGORIES) ?? (main ? OTHER_MAIN : OTHER_THREADS);
      this.ms.set(name, (this.ms.get(name) ?? 0) + header.ms);
    }
    this.header = null;
    this.frames = [];
  }
}

/** The category of the innermost frame that names one. */
function innermost(frames: readonly string[], categories: readonly { name: string; needles: string[] }[]): string | undefined {
  for (const frame of frames) {
    const category = categories.find((c) => c.needles.some((n) => frame.includes(n)));
    if (category) return category.name;
  }
  return undefined;
}

/** Attributes a whole `perf script` output. */
export function attribute(script: string, mainTids: ReadonlySet<number>): Attribution {
  const attributor = new Attributor(mainTids);
  for (const line of script.split('\n')) attributor.line(line);
  return attributor.result();
}

/** Two attributions added up (rounds of one server). */
export function addAttributions(a: Attribution, b: Attribution): Attribution {
  return { categories: a.categories.map((c, i) => ({ name: c.name, ms: c.ms + (b.categories[i]?.ms ?? 0) })), totalMs: a.totalMs + b.totalMs };
}

/** Why perf cannot record here, or null when it can. */
export function perfUnavailable(): string | null {
  const probe = spawnSync('perf', ['record', '-e', 'cpu-clock', '-o', '/dev/null', '--', 'true'], { encoding: 'utf8' });
  if (probe.error) return `perf is not installed (${probe.error.message}); on Debian: apt-get install linux-perf`;
  return probe.status === 0 ? null : `perf record failed: ${probe.stderr.trim().split('\n')[0] ?? ''}`;
}

/** Samples the processes' threads for `seconds` into `file`; resolves when perf has written it. */
export function recordPerf(pids: readonly number[], seconds: number, file: string): Promise<void> {
  const args = ['record', '-e', 'cpu-clock', '-F', '999', '-g', '-p', pids.join(','), '-o', file, '--', 'sleep', String(seconds)];
  const child = spawn('perf', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`perf record exited with ${code}: ${stderr.trim()}`))));
  });
}

/** Attributes a recording as `perf script` reads it (kernel symbols and the servers' JIT maps resolved), streamed: a long soak's text would not fit in a string. */
export async function attributeRecording(file: string, mainTids: ReadonlySet<number>): Promise<Attribution> {
  const child = spawn('perf', ['script', '-i', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const attributor = new Attributor(mainTids);
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) attributor.line(line);
  const code = await exited;
  if (code !== 0) throw new Error(`perf script exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`);
  return attributor.result();
}

/** The table of several runs' attributions side by side, in ms on a core and µs per update sent. */
export function attributionTable(runs: { label: string; updates: number; attribution: Attribution }[]): string[] {
  const first = runs[0];
  if (!first) return [];
  const lines = [`| on a core, by perf | ${runs.map((r) => `${r.label} ms (µs per update)`).join(' | ')} |`, `|---|${runs.map(() => '---:').join('|')}|`];
  const cell = (ms: number, updates: number): string => `${ms.toFixed(0)} (${updates > 0 ? ((ms * 1000) / updates).toFixed(0) : '–'})`;
  first.attribution.categories.forEach(({ name }, i) => {
    lines.push(`| ${name} | ${runs.map((r) => cell(r.attribution.categories[i]?.ms ?? 0, r.updates)).join(' | ')} |`);
  });
  lines.push(`| **total** | ${runs.map((r) => `**${cell(r.attribution.totalMs, r.updates)}**`).join(' | ')} |`);
  return lines;
}
