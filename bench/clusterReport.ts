/**
 * The fan-out figures of the multi-instance kinds (issue 15): the table rows
 * only they fill (cross-instance latency, the CPU of PostgreSQL and Redis),
 * and two instances against one on PostgreSQL and one on SQLite of the same
 * run, with the goal: cross-instance p99 within 2× the single-instance p99,
 * every update delivered.
 */
import type { RunResult, RunSuccess } from './run';

/** Goal: the p99 of deliveries that cross instances at most this many times one instance's p99 (on PostgreSQL). */
export const TARGET_CROSS_P99_OVER_SINGLE = 2;

type Row = [string, (r: RunSuccess) => string, string];

const dec = (n: number, digits: number): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const perDelivery = (ms: number | null, r: RunSuccess): string => (ms === null || r.deliveries === 0 ? '–' : dec((ms * 1000) / r.deliveries, 2));

/** Rows for the results table, when a multi-instance or PostgreSQL kind ran. */
export function clusterRows(runs: RunSuccess[]): Row[] {
  if (!runs.some((r) => r.databaseCpuMs !== null)) return [];
  return [
    ['server instances (CPU and memory summed over them)', (r) => String(r.instances), ''],
    ['cross-instance latency p50 / p99 (ms)', (r) => (r.crossLatency ? `${dec(r.crossLatency.p50Ms, 2)} / ${dec(r.crossLatency.p99Ms, 2)}` : '–'), ''],
    ['cross-instance deliveries', (r) => (r.crossLatency ? r.crossLatency.count.toLocaleString('en-US') : '–'), ''],
    ['PostgreSQL backends CPU per delivered update (µs)', (r) => perDelivery(r.databaseCpuMs, r), ''],
    ['Redis server CPU per delivered update (µs)', (r) => perDelivery(r.redisCpuMs, r), ''],
    ['servers + PostgreSQL + Redis CPU per delivered update (µs)', (r) => perDelivery(r.serverCpuMs + (r.databaseCpuMs ?? 0) + (r.redisCpuMs ?? 0), r), ''],
  ];
}

export interface ClusterComparison {
  crossP99Ms: number;
  singleP99Ms: number;
  crossP99OverSingle: number;
  goalMet: boolean;
  allDelivered: boolean;
}

/** Prints entente-2x against entente-pg and entente (SQLite), when they ran; returns the goal's figures. */
export function printClusterComparison(runs: RunResult[], log: (line: string) => void): ClusterComparison | null {
  const ok = runs.filter((r): r is RunSuccess => r.ok);
  const two = ok.find((r) => r.kind === 'entente-2x');
  if (!two) return null;
  const lines: string[] = [];
  const against = (base: RunSuccess | undefined, name: string): void => {
    if (!base) return;
    const x = (a: number, b: number): string => `${dec(a / b, 2)}×`;
    lines.push(
      `- against ${name}: p50 ${x(two.latency.p50Ms, base.latency.p50Ms)}, p99 ${x(two.latency.p99Ms, base.latency.p99Ms)}, ` +
        `cross-instance p50 ${x(two.crossLatency?.p50Ms ?? NaN, base.latency.p50Ms)}, cross-instance p99 ${x(two.crossLatency?.p99Ms ?? NaN, base.latency.p99Ms)}; ` +
        `CPU per delivered update (summed over the instances) ${x(two.serverCpuUsPerDelivery, base.serverCpuUsPerDelivery)}`,
    );
  };
  const pg = ok.find((r) => r.kind === 'entente-pg');
  against(pg, 'one instance on PostgreSQL');
  against(
    ok.find((r) => r.kind === 'entente'),
    'one instance on SQLite',
  );
  const crossP99Ms = two.crossLatency?.p99Ms ?? NaN;
  const allDelivered = two.missing === 0;
  log('');
  log(
    `Two instances on PostgreSQL + Redis: p50 ${dec(two.latency.p50Ms, 2)} ms, p99 ${dec(two.latency.p99Ms, 2)} ms over all deliveries; ` +
      `across instances (${(two.crossLatency?.count ?? 0).toLocaleString('en-US')} deliveries) p50 ${dec(two.crossLatency?.p50Ms ?? NaN, 2)} ms, p99 ${dec(crossP99Ms, 2)} ms; ` +
      `${dec(two.serverCpuUsPerDelivery, 2)} µs CPU per delivered update summed over the two instances; ${two.missing.toLocaleString('en-US')} deliveries missing.`,
  );
  for (const line of lines) log(line);
  if (!pg) {
    log('(no one-instance PostgreSQL run to set the goal against: add entente-pg to --servers)');
    return null;
  }
  const ratio = crossP99Ms / pg.latency.p99Ms;
  const goalMet = ratio <= TARGET_CROSS_P99_OVER_SINGLE && allDelivered;
  log(
    `Goal: cross-instance p99 within ${TARGET_CROSS_P99_OVER_SINGLE}× the single-instance p99 (PostgreSQL), every update delivered: ` +
      `${dec(crossP99Ms, 2)} / ${dec(pg.latency.p99Ms, 2)} ms = ${dec(ratio, 2)}×, ${allDelivered ? 'all delivered' : `${two.missing} missing`}: ${goalMet ? 'met' : 'NOT met'}.`,
  );
  return { crossP99Ms, singleP99Ms: pg.latency.p99Ms, crossP99OverSingle: ratio, goalMet, allDelivered };
}
