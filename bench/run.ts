/**
 * One measured run against one server: start it, create the documents, start
 * the load processes, wait until every client has synced, warm up, then
 * measure server CPU (from /proc) and deliveries over the window plus the
 * drain, and stop everything.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchConfig } from './config';
import type { LoadDoc, LoadResult } from './ipc';
import { LoadProcess } from './loadProcess';
import { recordPerf } from './perfAttribution';
import { machineBusySeconds, type CpuTime } from './procstat';
import { SERVER_LABELS, profileArgs, startServer, type RunningServer, type ServerKind } from './servers';
import { sampleRss, serversCpu, serversMemory, slopePerMinute } from './serverUsage';
import { backendsDelta, redisCpuSeconds } from './services';
import { Histogram, type HistogramData, type LatencySummary } from './stats';

export interface RunSuccess {
  ok: true;
  kind: ServerKind;
  label: string;
  /** Server processes (instances); CPU and memory are summed over them. */
  instances: number;
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
  /** Deliveries to a client on another instance than the writer's (several instances only). */
  crossLatency: LatencySummary | null;
  crossLatencyHistogram: HistogramData;
  serverCpuMs: number;
  /** Of serverCpuMs: user mode (JavaScript, GC, SQLite) and kernel (syscalls: socket writes, file I/O). */
  serverUserMs: number;
  serverSystemMs: number;
  /** Server CPU time over wall time (1 = one core busy). */
  serverCores: number;
  serverCpuUsPerDelivery: number;
  /** CPU of this run's PostgreSQL backends (PostgreSQL kinds), and of the whole Redis server (several instances). */
  databaseCpuMs: number | null;
  redisCpuMs: number | null;
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
  /** The perf recording of the window (perf.data), if --perf was given. */
  perfFile: string | null;
  /** The server processes (one per instance); their main threads have these ids. */
  pids: number[];
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

/** Bound on connecting and syncing every client of one load process (each client also has its own timeout). */
const READY_TIMEOUT_MS = 120_000;

function sumResults(results: LoadResult[]): Omit<LoadResult, 'latency' | 'crossLatency' | 'problems' | 'loopDelayP99Ms' | 'loopDelayMaxMs'> {
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

/** CPU the services a run uses have spent so far: its PostgreSQL backends, and Redis when there are several instances. */
async function servicesCpu(server: RunningServer): Promise<{ backends: Map<number, CpuTime> | null; redis: number | null }> {
  const backends = server.database ? await server.database.backendsCpu() : null;
  const redis = server.pids.length > 1 ? await redisCpuSeconds() : null;
  return { backends, redis };
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
  let server: RunningServer | null = null;
  let profileDir: string | null = null;
  try {
    log(`starting ${label}`);
    if (config.profile !== '') profileDir = join(resolve(config.profile), `${kind}-${tag}`);
    const serverDir = kind === 'entente-dir' ? config.serverDir : undefined;
    const perfFile = config.perf !== '' ? join(resolve(config.perf), `${kind}-${tag}.data`) : null;
    if (perfFile !== null) mkdirSync(resolve(config.perf), { recursive: true });
    // --perf-basic-prof: the server writes /tmp/perf-<pid>.map, so perf can name its JavaScript frames; V8's own log goes beside the recording.
    const perfArgs = perfFile !== null ? ['--perf-basic-prof', '--no-logfile-per-isolate', `--logfile=${perfFile.replace(/\.data$/, '-v8.log')}`] : [];
    const nodeArgs = [...(profileDir !== null ? profileArgs(profileDir) : []), ...perfArgs];
    const running = await startServer(kind, repoRoot, nodeArgs, { serverDir });
    server = running;
    const pids = running.pids;
    log(`  listening on port ${running.port} (pid ${pids.join(', ')}); creating ${config.docs} documents`);
    const ids = await running.createDocuments(config.docs, tag);
    const docs: LoadDoc[] = ids.map((id, index) => ({ index, urls: pids.map((_, i) => running.syncUrl(id, i)) }));

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

    const services0 = await servicesCpu(running);
    const serverCpu0 = serversCpu(pids, label);
    const loadCpu0 = loads.reduce((s, l) => s + l.cpuSeconds(), 0);
    const machine0 = machineBusySeconds();
    const self0 = process.cpuUsage();
    const w0 = performance.now();
    const mono0 = monotonicUs();
    for (const load of loads) load.send({ type: 'window-start' });
    log(`  measuring ${config.durationS} s`);
    const perfDone = perfFile !== null ? recordPerf(pids, config.durationS, perfFile) : null;
    const rssSamples = await sampleRss(pids, config.durationS, config.soak ? log : null);
    await perfDone;
    for (const load of loads) load.send({ type: 'window-end' });
    await sleep(config.drainS * 1000);
    const serverCpu1 = serversCpu(pids, label);
    const loadCpu1 = loads.reduce((s, l) => s + l.cpuSeconds(), 0);
    const machine1 = machineBusySeconds();
    const self = process.cpuUsage(self0);
    const cpuWindowS = (performance.now() - w0) / 1000;
    const mono1 = monotonicUs();
    const mem = serversMemory(pids);
    const services1 = await servicesCpu(running);
    const databaseS = services0.backends && services1.backends ? backendsDelta(services0.backends, services1.backends) : null;
    const redisS = services0.redis !== null && services1.redis !== null ? services1.redis - services0.redis : null;

    const results = await Promise.all(
      loads.map((load) => {
        const r = load.next('result', 30_000);
        load.send({ type: 'collect' });
        return r.then((m) => m.result);
      }),
    );
    const storedBytes = await running.storedBytes();
    const totals = sumResults(results);
    const histogram = new Histogram();
    const cross = new Histogram();
    for (const r of results) {
      histogram.merge(r.latency);
      cross.merge(r.crossLatency);
    }
    const serverUserS = serverCpu1.user - serverCpu0.user;
    const serverSystemS = serverCpu1.system - serverCpu0.system;
    const serverCpuS = serverUserS + serverSystemS;
    return {
      ok: true,
      kind,
      label,
      instances: pids.length,
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
      crossLatency: pids.length > 1 ? cross.summary() : null,
      crossLatencyHistogram: cross.toData(),
      serverCpuMs: serverCpuS * 1000,
      serverUserMs: serverUserS * 1000,
      serverSystemMs: serverSystemS * 1000,
      serverCores: serverCpuS / cpuWindowS,
      serverCpuUsPerDelivery: totals.deliveries > 0 ? (serverCpuS * 1e6) / totals.deliveries : Number.NaN,
      databaseCpuMs: databaseS === null ? null : databaseS * 1000,
      redisCpuMs: redisS === null ? null : redisS * 1000,
      serverRssMb: mem?.rssMb ?? null,
      serverPeakRssMb: mem?.peakRssMb ?? null,
      storedBytes,
      loadCpuMs: (loadCpu1 - loadCpu0) * 1000,
      // The database's and Redis's work for this run is the run's, not another process's disturbance.
      otherCpuMs: Math.max(
        0,
        (machine1 - machine0 - serverCpuS - (loadCpu1 - loadCpu0) - (databaseS ?? 0) - (redisS ?? 0)) * 1000 - (self.user + self.system) / 1000,
      ),
      loadLoopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
      loadLoopDelayMaxMs: Math.max(...results.map((r) => r.loopDelayMaxMs)),
      problems: results.flatMap((r) => r.problems),
      rssSamples,
      rssSlopeMbPerMin: slopePerMinute(rssSamples),
      profileDir,
      perfFile,
      pids,
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
