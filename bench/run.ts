/**
 * One measured run against one server: start it, create the documents, start
 * the load processes, wait until every client has synced, warm up, then
 * measure server CPU (from /proc) and deliveries over the window plus the
 * drain, and stop everything.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopChild, track } from './children';
import type { BenchConfig } from './config';
import { isFromLoad, type FromLoad, type LoadDoc, type LoadResult, type ToLoad } from './ipc';
import { machineBusySeconds, processMemory, processTreeCpu, type CpuTime } from './procstat';
import { SERVER_LABELS, profileArgs, startServer, type ServerKind } from './servers';
import { Histogram, type HistogramData, type LatencySummary } from './stats';

export interface RunSuccess {
  ok: true;
  kind: ServerKind;
  label: string;
  docs: number;
  clients: number;
  writers: number;
  connectMs: number;
  /** Measured window plus drain, seconds of wall time the CPU figures cover. */
  cpuWindowS: number;
  updatesSent: number;
  deliveries: number;
  expectedDeliveries: number;
  missing: number;
  duplicates: number;
  echoes: number;
  updateMessages: number;
  latency: LatencySummary;
  latencyHistogram: HistogramData;
  serverCpuMs: number;
  /** Of serverCpuMs: user mode (JavaScript, GC, SQLite) and kernel (syscalls: socket writes, file I/O). */
  serverUserMs: number;
  serverSystemMs: number;
  /** Server CPU time over wall time (1 = one core busy). */
  serverCores: number;
  serverCpuUsPerDelivery: number;
  serverRssMb: number | null;
  serverPeakRssMb: number | null;
  storedBytes: number | null;
  loadCpuMs: number;
  /** CPU the rest of the machine used meanwhile (other processes, kernel threads): disturbs the figures when large. */
  otherCpuMs: number;
  loadLoopDelayP99Ms: number;
  loadLoopDelayMaxMs: number;
  problems: string[];
  /** Server resident memory through the window: [seconds since the window started, MiB]. */
  rssSamples: [number, number][];
  /** Least-squares slope of rssSamples, MiB per minute (flat memory: about 0). */
  rssSlopeMbPerMin: number;
  /** Directory of the server's CPU profiles (written when it stopped), if --profile was given. */
  profileDir: string | null;
  /** The CPU window in µs of CLOCK_MONOTONIC, to cut a profile to it. */
  windowMonotonicUs: [number, number];
}

export interface RunFailure {
  ok: false;
  kind: ServerKind;
  label: string;
  error: string;
}

export type RunResult = RunSuccess | RunFailure;

const LOAD_SCRIPT = 'load.ts';
/** Bound on connecting and syncing every client of one load process (each client also has its own timeout). */
const READY_TIMEOUT_MS = 120_000;

/** A forked load process and a way to await its next answer of a given type. */
class LoadProcess {
  readonly child: ChildProcess;
  private waiters: Array<{ type: FromLoad['type']; resolve: (m: FromLoad) => void; reject: (e: Error) => void }> = [];
  private failure: Error | null = null;

  constructor(
    benchDir: string,
    repoRoot: string,
    readonly name: string,
  ) {
    this.child = track(
      fork(join(benchDir, LOAD_SCRIPT), [], {
        cwd: repoRoot,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    this.child.on('message', (msg: unknown) => {
      if (!isFromLoad(msg)) return;
      if (msg.type === 'error') {
        this.fail(new Error(`${this.name}: ${msg.message}`));
        return;
      }
      const i = this.waiters.findIndex((w) => w.type === msg.type);
      const waiter = i >= 0 ? this.waiters.splice(i, 1)[0] : undefined;
      waiter?.resolve(msg);
    });
    this.child.once('exit', (code, signal) => {
      this.fail(new Error(`${this.name} exited (code ${String(code)}, signal ${String(signal)})`));
    });
  }

  private fail(err: Error): void {
    if (!this.failure) this.failure = err;
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  send(msg: ToLoad): void {
    if (this.child.connected) this.child.send(msg);
  }

  next<T extends FromLoad['type']>(type: T, timeoutMs: number): Promise<Extract<FromLoad, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<FromLoad, { type: T }>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  cpuSeconds(): number {
    const cpu = this.child.pid !== undefined ? processTreeCpu(this.child.pid) : null;
    return cpu ? cpu.user + cpu.system : 0;
  }

  async stop(): Promise<void> {
    this.send({ type: 'close' });
    await stopChild(this.child, 2000);
  }
}

function sumResults(results: LoadResult[]): Omit<LoadResult, 'latency' | 'problems' | 'loopDelayP99Ms' | 'loopDelayMaxMs'> {
  const total = { clients: 0, updatesSent: 0, warmupUpdates: 0, deliveries: 0, expectedDeliveries: 0, duplicates: 0, updateMessages: 0, echoes: 0 };
  for (const r of results) {
    total.clients += r.clients;
    total.updatesSent += r.updatesSent;
    total.warmupUpdates += r.warmupUpdates;
    total.deliveries += r.deliveries;
    total.expectedDeliveries += r.expectedDeliveries;
    total.duplicates += r.duplicates;
    total.updateMessages += r.updateMessages;
    total.echoes += r.echoes;
  }
  return total;
}

/** CLOCK_MONOTONIC in µs: the clock V8 stamps CPU profile samples with. */
function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function cpuOf(pid: number, what: string): CpuTime {
  const cpu = processTreeCpu(pid);
  if (cpu === null) throw new Error(`${what} (pid ${pid}) is no longer running`);
  return cpu;
}

/** How often the server's memory is read during the window. */
const RSS_EVERY_S = 5;

/** Sleeps through the window, reading the server's RSS every few seconds (and logging it, in a soak). */
async function sampleRss(pid: number, durationS: number, log: ((line: string) => void) | null): Promise<[number, number][]> {
  const samples: [number, number][] = [];
  const t0 = performance.now();
  const end = t0 + durationS * 1000;
  for (;;) {
    const t = (performance.now() - t0) / 1000;
    const mem = processMemory(pid);
    if (mem) samples.push([t, mem.rssMb]);
    if (log && mem && samples.length % 12 === 1) log(`    ${t.toFixed(0)} s: server RSS ${mem.rssMb.toFixed(1)} MiB`);
    const left = end - performance.now();
    if (left <= 0) break;
    await sleep(Math.min(left, RSS_EVERY_S * 1000));
  }
  return samples;
}

/** Least-squares slope of y over t, per minute. */
export function slopePerMinute(samples: readonly [number, number][]): number {
  const n = samples.length;
  if (n < 2) return Number.NaN;
  const mt = samples.reduce((a, [t]) => a + t, 0) / n;
  const my = samples.reduce((a, [, y]) => a + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [t, y] of samples) {
    num += (t - mt) * (y - my);
    den += (t - mt) * (t - mt);
  }
  return den > 0 ? (num / den) * 60 : Number.NaN;
}

export async function runOne(
  kind: ServerKind,
  config: BenchConfig,
  repoRoot: string,
  benchDir: string,
  tag: string,
  log: (line: string) => void,
): Promise<RunResult> {
  const label = SERVER_LABELS[kind];
  const loads: LoadProcess[] = [];
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let profileDir: string | null = null;
  try {
    log(`starting ${label}`);
    if (config.profile !== '') profileDir = join(resolve(config.profile), `${kind}-${tag}`);
    server = await startServer(kind, repoRoot, profileDir !== null ? profileArgs(profileDir) : []);
    const pid = server.pid;
    log(`  listening on port ${server.port} (pid ${pid}); creating ${config.docs} documents`);
    const ids = await server.createDocuments(config.docs, tag);
    const docs: LoadDoc[] = ids.map((id, index) => ({ index, url: server?.syncUrl(id) ?? '' }));

    const t0 = performance.now();
    for (let p = 0; p < config.loadProcesses; p++) loads.push(new LoadProcess(benchDir, repoRoot, `load process ${p + 1}`));
    const readyAll = loads.map((load, p) => {
      const ready = load.next('ready', READY_TIMEOUT_MS);
      load.send({
        type: 'init',
        params: {
          docs: docs.filter((d) => d.index % config.loadProcesses === p),
          clientsPerDoc: config.clientsPerDoc,
          writersPerDoc: config.writersPerDoc,
          rate: config.rate,
          root: config.root,
          connectConcurrency: config.connectConcurrency,
          connectTimeoutMs: config.connectTimeoutS * 1000,
        },
      });
      return ready;
    });
    const ready = await Promise.all(readyAll);
    const clients = ready.reduce((n, r) => n + r.clients, 0);
    const connectMs = performance.now() - t0;
    log(`  ${clients} clients connected and synced in ${(connectMs / 1000).toFixed(1)} s; warming up ${config.warmupS} s`);

    for (const load of loads) load.send({ type: 'start' });
    await sleep(config.warmupS * 1000);

    const serverCpu0 = cpuOf(pid, label);
    const loadCpu0 = loads.reduce((s, l) => s + l.cpuSeconds(), 0);
    const machine0 = machineBusySeconds();
    const self0 = process.cpuUsage();
    const w0 = performance.now();
    const mono0 = monotonicUs();
    for (const load of loads) load.send({ type: 'window-start' });
    log(`  measuring ${config.durationS} s`);
    const rssSamples = await sampleRss(pid, config.durationS, config.soak ? log : null);
    for (const load of loads) load.send({ type: 'window-end' });
    await sleep(config.drainS * 1000);
    const serverCpu1 = cpuOf(pid, label);
    const loadCpu1 = loads.reduce((s, l) => s + l.cpuSeconds(), 0);
    const machine1 = machineBusySeconds();
    const self = process.cpuUsage(self0);
    const cpuWindowS = (performance.now() - w0) / 1000;
    const mono1 = monotonicUs();
    const mem = processMemory(pid);

    const results = await Promise.all(
      loads.map((load) => {
        const r = load.next('result', 30_000);
        load.send({ type: 'collect' });
        return r.then((m) => m.result);
      }),
    );
    const storedBytes = server.storedBytes();
    const totals = sumResults(results);
    const histogram = new Histogram();
    for (const r of results) histogram.merge(r.latency);
    const serverUserS = serverCpu1.user - serverCpu0.user;
    const serverSystemS = serverCpu1.system - serverCpu0.system;
    const serverCpuS = serverUserS + serverSystemS;
    return {
      ok: true,
      kind,
      label,
      docs: config.docs,
      clients: totals.clients,
      writers: config.docs * config.writersPerDoc,
      connectMs,
      cpuWindowS,
      updatesSent: totals.updatesSent,
      deliveries: totals.deliveries,
      expectedDeliveries: totals.expectedDeliveries,
      missing: totals.expectedDeliveries - totals.deliveries,
      duplicates: totals.duplicates,
      echoes: totals.echoes,
      updateMessages: totals.updateMessages,
      latency: histogram.summary(),
      latencyHistogram: histogram.toData(),
      serverCpuMs: serverCpuS * 1000,
      serverUserMs: serverUserS * 1000,
      serverSystemMs: serverSystemS * 1000,
      serverCores: serverCpuS / cpuWindowS,
      serverCpuUsPerDelivery: totals.deliveries > 0 ? (serverCpuS * 1e6) / totals.deliveries : Number.NaN,
      serverRssMb: mem?.rssMb ?? null,
      serverPeakRssMb: mem?.peakRssMb ?? null,
      storedBytes,
      loadCpuMs: (loadCpu1 - loadCpu0) * 1000,
      otherCpuMs: Math.max(0, (machine1 - machine0 - serverCpuS - (loadCpu1 - loadCpu0)) * 1000 - (self.user + self.system) / 1000),
      loadLoopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
      loadLoopDelayMaxMs: Math.max(...results.map((r) => r.loopDelayMaxMs)),
      problems: results.flatMap((r) => r.problems),
      rssSamples,
      rssSlopeMbPerMin: slopePerMinute(rssSamples),
      profileDir,
      windowMonotonicUs: [mono0, mono1],
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const tail = server ? `\n--- server output ---\n${server.logTail()}` : '';
    return { ok: false, kind, label, error: message + tail };
  } finally {
    await Promise.all(loads.map((l) => l.stop()));
    if (server) await server.stop();
  }
}
