/**
 * What the server under test uses, summed over its instances (one process
 * each): CPU time from /proc, and resident memory sampled through the
 * window.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { processMemory, processTreeCpu, type CpuTime, type MemoryInfo } from './procstat';

/** CPU of every instance so far; throws if one has stopped (its figures would be missing). */
export function serversCpu(pids: readonly number[], what: string): CpuTime {
  const total = { user: 0, system: 0 };
  for (const pid of pids) {
    const cpu = processTreeCpu(pid);
    if (cpu === null) throw new Error(`${what} (pid ${pid}) is no longer running`);
    total.user += cpu.user;
    total.system += cpu.system;
  }
  return total;
}

/** Resident memory of every instance, added up (null if none could be read). */
export function serversMemory(pids: readonly number[]): MemoryInfo | null {
  const read = pids.map(processMemory).filter((m): m is MemoryInfo => m !== null);
  if (read.length === 0) return null;
  return { rssMb: read.reduce((s, m) => s + m.rssMb, 0), peakRssMb: read.reduce((s, m) => s + m.peakRssMb, 0) };
}

/** How often the server's memory is read during the window. */
const RSS_EVERY_S = 5;

/** Sleeps through the window, reading the servers' RSS every few seconds (and logging it, in a soak). */
export async function sampleRss(pids: readonly number[], durationS: number, log: ((line: string) => void) | null): Promise<[number, number][]> {
  const samples: [number, number][] = [];
  const t0 = performance.now();
  const end = t0 + durationS * 1000;
  for (;;) {
    const t = (performance.now() - t0) / 1000;
    const mem = serversMemory(pids);
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
