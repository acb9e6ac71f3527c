/**
 * Fan-out benchmark (npm run bench): runs the same load against the Entente
 * sync server and then against the y-websocket reference server
 * (@y/websocket-server 0.1.1, in memory), each in its own process, and prints
 * latency, server CPU per delivered update and the ratios between the two.
 * Options: npm run bench -- --help.
 */
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { rmSync } from 'node:fs';
import { printClusterComparison } from './clusterReport';
import { parseConfig } from './config';
import { addAttributions, attributeRecording, attributionTable, perfUnavailable, type Attribution } from './perfAttribution';
import { mainThreadProfile, summarizeProfile } from './profile-summary';
import { poolByPosition } from './pool';
import { printReport, runSummary, writeJson } from './report';
import { runOne, type RunResult } from './run';
import { POSTGRES_KINDS } from './servers';
import { unavailable } from './services';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(benchDir, '..');
const log = (line: string): void => console.log(line);

async function main(): Promise<number> {
  // Results carry this machine's paths and figures: they go to the temp folder, not into the repository.
  const config = parseConfig(process.argv.slice(2), join(tmpdir(), 'entente-bench', 'results.json'));
  // The PostgreSQL kinds are left out, saying why, on a machine without PostgreSQL (two instances also without Redis).
  if (config.servers.some((k) => POSTGRES_KINDS.includes(k))) {
    const noPostgres = await unavailable(false);
    const noRedis = noPostgres ?? (config.servers.includes('entente-2x') ? await unavailable(true) : null);
    const skipped = config.servers.filter((k) => (noPostgres !== null && POSTGRES_KINDS.includes(k)) || (noRedis !== null && k === 'entente-2x'));
    if (skipped.length > 0) log(`skipping ${skipped.join(', ')}: ${noPostgres ?? noRedis ?? ''}`);
    config.servers = config.servers.filter((k) => !skipped.includes(k));
    if (config.servers.length === 0) return 0;
  }
  const noPerf = config.perf !== '' ? perfUnavailable() : null;
  if (noPerf !== null) throw new Error(`--perf: ${noPerf}`);
  const tag = Date.now().toString(36);
  const positions = config.servers.map((kind, i) => ({ kind, i }));
  const byPosition: RunResult[][] = positions.map(() => []);
  const all: RunResult[] = [];
  for (let round = 0; round < config.rounds; round++) {
    if (config.rounds > 1) log(`round ${round + 1} of ${config.rounds}`);
    // Every other round runs the servers in reverse order, so drift affects both alike.
    for (const { kind, i } of round % 2 === 0 ? positions : [...positions].reverse()) {
      if (all.length > 0) await sleep(1000); // let the previous processes' sockets close
      const run = await runOne(kind, config, repoRoot, benchDir, `${tag}-${round + 1}-${i + 1}`, log);
      if (!run.ok) log(`  failed: ${run.error.split('\n')[0] ?? ''}`);
      else log(`  ${runSummary(run)}`);
      byPosition[i]?.push(run);
      all.push(run);
    }
  }
  const runs = poolByPosition(byPosition);
  const comparison = printReport(config, runs, log);
  const cluster = printClusterComparison(runs, log);
  for (const run of all) {
    if (!run.ok || run.profileDir === null) continue;
    log('');
    try {
      for (const line of summarizeProfile(mainThreadProfile(run.profileDir), run.windowMonotonicUs)) log(line);
    } catch (err) {
      log(`no profile summary for ${run.label}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const recorded = all.filter((r): r is RunResult & { ok: true; perfFile: string } => r.ok && r.perfFile !== null);
  if (recorded.length > 0) {
    log(`\nWhere each server's time on a core went in the measured window (perf record -e cpu-clock -g, ${config.durationS} s; µs per update sent):\n`);
    // Rounds of one server are pooled: their times and updates add up.
    const byLabel = new Map<string, { label: string; updates: number; attribution: Attribution }>();
    for (const r of recorded) {
      const attribution = await attributeRecording(r.perfFile, new Set(r.pids));
      const pooled = byLabel.get(r.label);
      byLabel.set(
        r.label,
        pooled
          ? { ...pooled, updates: pooled.updates + r.updatesSent, attribution: addAttributions(pooled.attribution, attribution) }
          : { label: r.label, updates: r.updatesSent, attribution },
      );
    }
    for (const line of attributionTable([...byLabel.values()])) log(line);
    for (const r of recorded) for (const pid of r.pids) rmSync(`/tmp/perf-${pid}.map`, { force: true });
  }
  if (config.out !== '') {
    writeJson(config.out, config, runs, config.rounds > 1 ? all : [], comparison, cluster);
    log(`\nresults written to ${config.out}`);
  }
  return all.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
