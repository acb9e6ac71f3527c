/**
 * Pools several runs of the same server (--rounds) into one result: counts
 * and CPU times add up, latency histograms merge, so the ratios stay
 * "total server CPU / total deliveries" and the percentiles are over all samples.
 */
import type { RunResult, RunSuccess } from './run';
import { Histogram } from './stats';

export function pool(runs: RunSuccess[]): RunSuccess {
  const [first] = runs;
  if (!first) throw new Error('nothing to pool');
  if (runs.length === 1) return first;
  const sum = (f: (r: RunSuccess) => number): number => runs.reduce((s, r) => s + f(r), 0);
  const max = (f: (r: RunSuccess) => number | null): number | null => {
    const values = runs.map(f).filter((v): v is number => v !== null);
    return values.length > 0 ? Math.max(...values) : null;
  };
  const histogram = new Histogram();
  const cross = new Histogram();
  for (const r of runs) {
    histogram.merge(r.latencyHistogram);
    cross.merge(r.crossLatencyHistogram);
  }
  const sumOrNull = (f: (r: RunSuccess) => number | null): number | null => (runs.some((r) => f(r) === null) ? null : sum((r) => f(r) ?? 0));
  const serverCpuMs = sum((r) => r.serverCpuMs);
  const deliveries = sum((r) => r.deliveries);
  const cpuWindowS = sum((r) => r.cpuWindowS);
  return {
    ...first,
    connectMs: max((r) => r.connectMs) ?? first.connectMs,
    cpuWindowS,
    updatesSent: sum((r) => r.updatesSent),
    deliveries,
    expectedDeliveries: sum((r) => r.expectedDeliveries),
    missing: sum((r) => r.missing),
    duplicates: sum((r) => r.duplicates),
    echoes: sum((r) => r.echoes),
    updateMessages: sum((r) => r.updateMessages),
    latency: histogram.summary(),
    latencyHistogram: histogram.toData(),
    crossLatency: first.crossLatency === null ? null : cross.summary(),
    crossLatencyHistogram: cross.toData(),
    serverCpuMs,
    serverUserMs: sum((r) => r.serverUserMs),
    serverSystemMs: sum((r) => r.serverSystemMs),
    serverCores: serverCpuMs / 1000 / cpuWindowS,
    serverCpuUsPerDelivery: deliveries > 0 ? (serverCpuMs * 1000) / deliveries : Number.NaN,
    databaseCpuMs: sumOrNull((r) => r.databaseCpuMs),
    redisCpuMs: sumOrNull((r) => r.redisCpuMs),
    serverRssMb: max((r) => r.serverRssMb),
    serverPeakRssMb: max((r) => r.serverPeakRssMb),
    storedBytes: max((r) => r.storedBytes),
    loadCpuMs: sum((r) => r.loadCpuMs),
    otherCpuMs: sum((r) => r.otherCpuMs),
    loadLoopDelayP99Ms: max((r) => r.loadLoopDelayP99Ms) ?? 0,
    loadLoopDelayMaxMs: max((r) => r.loadLoopDelayMaxMs) ?? 0,
    problems: runs.flatMap((r) => r.problems),
    // Memory over time only means something within one run: the first one's.
    rssSamples: first.rssSamples,
    rssSlopeMbPerMin: first.rssSlopeMbPerMin,
  };
}

/** One result per server position: the pooled runs, or the first failure. */
export function poolByPosition(byPosition: RunResult[][]): RunResult[] {
  return byPosition.map((runs) => {
    const failure = runs.find((r) => !r.ok);
    if (failure) return failure;
    return pool(runs.filter((r): r is RunSuccess => r.ok));
  });
}
