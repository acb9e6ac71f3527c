/**
 * Presentation of the results: a markdown table (for the README), the
 * ratios against the baseline with the issue's targets, and the JSON file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname } from 'node:path';
import type { BenchConfig } from './config';
import { CLK_TCK } from './procstat';
import type { RunResult, RunSuccess } from './run';
import { clusterRows } from './clusterReport';
import { SERVER_SHORT_NAMES } from './servers';

/** Targets: CPU per delivered update at most 1.15× the floor's (the bare relay), p99 no worse than the reference's. */
export const TARGET_CPU_OVER_FLOOR = 1.15;
export const TARGET_P99_RATIO = 1;
/** CPU used by the rest of the machine during a run above which its figures are flagged. */
const OTHER_LOAD_WARNING_CORES = 0.1;

export interface Comparison {
  /** First server / second (usually Entente / reference). */
  cpuPerDeliveryRatio: number;
  p99Ratio: number;
  p50Ratio: number;
  /** First server / the floor, when the floor ran. */
  cpuOverFloor: number | null;
  cpuTargetMet: boolean | null;
  p99TargetMet: boolean;
}

export function compare(ours: RunSuccess, baseline: RunSuccess, floor: RunSuccess | undefined): Comparison {
  const cpuPerDeliveryRatio = ours.serverCpuUsPerDelivery / baseline.serverCpuUsPerDelivery;
  const p99Ratio = ours.latency.p99Ms / baseline.latency.p99Ms;
  const cpuOverFloor = floor ? ours.serverCpuUsPerDelivery / floor.serverCpuUsPerDelivery : null;
  return {
    cpuPerDeliveryRatio,
    p99Ratio,
    p50Ratio: ours.latency.p50Ms / baseline.latency.p50Ms,
    cpuOverFloor,
    cpuTargetMet: cpuOverFloor === null ? null : cpuOverFloor <= TARGET_CPU_OVER_FLOOR,
    p99TargetMet: p99Ratio <= TARGET_P99_RATIO,
  };
}

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const dec = (n: number, digits: number): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');

function bytes(n: number | null): string {
  if (n === null) return 'not stored';
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Column headers: the server label, numbered when the same server runs twice. */
function headers(runs: RunResult[]): string[] {
  return runs.map((r, i) => {
    const short = SERVER_SHORT_NAMES[r.kind];
    const same = runs.filter((o) => o.kind === r.kind).length > 1;
    return same ? `${short} (run ${i + 1})` : short;
  });
}

/** One line per run, printed as it finishes (shows the spread when there are several rounds). */
export function runSummary(r: RunSuccess): string {
  const other = r.otherCpuMs / 1000 / r.cpuWindowS;
  return (
    `p50 ${dec(r.latency.p50Ms, 2)} ms, p99 ${dec(r.latency.p99Ms, 2)} ms, ${dec(r.serverCpuUsPerDelivery, 2)} µs server CPU per delivery, ` +
    `${int(r.missing)} missing${other > OTHER_LOAD_WARNING_CORES ? ` (disturbed: other processes used ${(other * 100).toFixed(0)} % of a core)` : ''}`
  );
}

export function markdownTable(config: BenchConfig, runs: RunSuccess[]): string {
  const cols = headers(runs);
  const withRatio = runs.length >= 2;
  const a = runs[0];
  const b = runs[1];
  const rows: Array<[string, (r: RunSuccess) => string, string]> = [
    ['clients (documents × clients)', (r) => `${r.clients} (${r.docs} × ${r.clients / r.docs})`, ''],
    ['writers (updates/s each)', (r) => `${r.writers} (${config.rate})`, ''],
    ['updates sent in window', (r) => int(r.updatesSent), ''],
    ['deliveries (received / expected)', (r) => `${int(r.deliveries)} / ${int(r.expectedDeliveries)}`, ''],
    ['missing deliveries', (r) => int(r.missing), ''],
    ['latency p50 (ms)', (r) => dec(r.latency.p50Ms, 2), a && b ? ratio(a.latency.p50Ms, b.latency.p50Ms) : ''],
    ['latency p99 (ms)', (r) => dec(r.latency.p99Ms, 2), a && b ? ratio(a.latency.p99Ms, b.latency.p99Ms) : ''],
    ['latency max (ms)', (r) => dec(r.latency.maxMs, 1), ''],
    [
      'server CPU in window (ms)',
      (r) => `${int(r.serverCpuMs)} (${(r.serverCores * 100).toFixed(0)} % of a core)`,
      a && b ? ratio(a.serverCpuMs, b.serverCpuMs) : '',
    ],
    ['server CPU: user / kernel (ms)', (r) => `${int(r.serverUserMs)} / ${int(r.serverSystemMs)}`, ''],
    [
      '**server CPU per delivered update (µs)**',
      (r) => `**${dec(r.serverCpuUsPerDelivery, 2)}**`,
      a && b ? `**${ratio(a.serverCpuUsPerDelivery, b.serverCpuUsPerDelivery)}**` : '',
    ],
    ['server resident memory at end (MiB)', (r) => (r.serverRssMb === null ? '–' : dec(r.serverRssMb, 0)), ''],
    ...(config.soak
      ? ([
          [
            'server RSS in window: first / last / slope',
            (r) => `${dec(r.rssSamples[0]?.[1] ?? NaN, 0)} / ${dec(r.rssSamples.at(-1)?.[1] ?? NaN, 0)} MiB / ${dec(r.rssSlopeMbPerMin, 2)} MiB/min`,
            '',
          ],
        ] as Array<[string, (r: RunSuccess) => string, string]>)
      : []),
    ...clusterRows(runs),
    ['stored at end (data directory, or PostgreSQL schema)', (r) => bytes(r.storedBytes), ''],
  ];
  const head = `| | ${cols.join(' | ')} |${withRatio ? ' ratio (first / second) |' : ''}`;
  const sep = `|---|${cols.map(() => '---:').join('|')}|${withRatio ? '---:|' : ''}`;
  const body = rows.map(([name, cell, r]) => `| ${name} | ${runs.map(cell).join(' | ')} |${withRatio ? ` ${r} |` : ''}`);
  return [head, sep, ...body].join('\n');
}

export function printReport(config: BenchConfig, runs: RunResult[], log: (line: string) => void): Comparison | null {
  const ok = runs.filter((r): r is RunSuccess => r.ok);
  log('');
  log(
    `Fan-out benchmark: ${config.docs} documents × ${config.clientsPerDoc} clients, ${config.writersPerDoc} writers per document at ${config.rate} updates/s, ` +
      `${config.warmupS} s warm-up, ${config.durationS} s measured (+${config.drainS} s drain)` +
      `${config.rounds > 1 ? ` × ${config.rounds} rounds (pooled)` : ''}, ${config.loadProcesses} load process(es), ` +
      `server CPU from /proc (CLK_TCK ${CLK_TCK}).`,
  );
  log('A delivery is one writer update reaching one other client of its document; CPU per delivery = server CPU over the window and drain / deliveries.');
  log('');
  for (const r of runs) {
    if (!r.ok) log(`!! ${r.label} failed: ${r.error}`);
  }
  if (ok.length > 0) {
    log(markdownTable(config, ok));
    log('');
    for (const r of ok) {
      log(
        `${r.label}: load generator used ${int(r.loadCpuMs)} ms CPU (${((r.loadCpuMs / 1000 / r.cpuWindowS) * 100).toFixed(0)} % of a core), ` +
          `event-loop lag p99 ${dec(r.loadLoopDelayP99Ms, 1)} ms, max ${dec(r.loadLoopDelayMaxMs, 1)} ms; ` +
          `${int(r.updateMessages)} update messages read, ${int(r.echoes)} echoes of a writer's own update, ${int(r.duplicates)} duplicates.`,
      );
      const otherCores = r.otherCpuMs / 1000 / r.cpuWindowS;
      if (otherCores > OTHER_LOAD_WARNING_CORES) {
        log(
          `  WARNING: other processes used ${(otherCores * 100).toFixed(0)} % of a core during this run: its latency and CPU figures are disturbed; rerun on a quiet machine.`,
        );
      }
      for (const p of r.problems.slice(0, 10)) log(`  problem: ${p}`);
      if (r.problems.length > 10) log(`  … and ${r.problems.length - 10} more problems`);
    }
  }
  const [ours, baseline] = ok;
  const bothRan = runs.length >= 2 && runs[0]?.ok === true && runs[1]?.ok === true;
  if (!bothRan || !ours || !baseline) return null;
  const floor = ok.find((r) => r.kind === 'floor');
  const c = compare(ours, baseline, floor !== ours ? floor : undefined);
  const [ca, cb] = headers(runs);
  log('');
  log(
    `${ca} / ${cb}: CPU per delivered update ${dec(c.cpuPerDeliveryRatio, 2)}×, ` +
      `p99 latency ${dec(c.p99Ratio, 2)}×${baseline.kind === 'reference' ? ` (target ≤ ${TARGET_P99_RATIO}×: ${c.p99TargetMet ? 'met' : 'NOT met'})` : ''}, p50 latency ${dec(c.p50Ratio, 2)}×.`,
  );
  if (floor && c.cpuOverFloor !== null) {
    log(
      `${ca} / floor: CPU per delivered update ${dec(c.cpuOverFloor, 2)}× (target ≤ ${TARGET_CPU_OVER_FLOOR}×: ${c.cpuTargetMet ? 'met' : 'NOT met'}); ` +
        `the floor is the socket writes alone, one per recipient per update.`,
    );
  }
  return c;
}

/** `runs`: one (pooled) result per server; `rounds`: every single run, when there were several rounds. */
export function writeJson(
  path: string,
  config: BenchConfig,
  runs: RunResult[],
  rounds: RunResult[],
  comparison: Comparison | null,
  cluster: unknown = null,
): void {
  const doc = {
    date: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    config,
    runs,
    comparison,
    cluster,
    rounds,
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
}
