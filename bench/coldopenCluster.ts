/**
 * Cold open across instances (issue 15, part of bench/coldopen.ts): the
 * 50-page agreement stored on PostgreSQL, joined on an instance that does
 * not have it loaded while another instance (on the same database, with
 * Redis between them) has it open; against one instance on PostgreSQL
 * opening it with nobody there (first open after a restart), and joining
 * while someone has it open on that same instance. Skipped, saying why,
 * without PostgreSQL or Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { median, timedJoin, typeNewAgreement } from './openAgreement';
import { startServer } from './servers';
import { freshDatabase, unavailable, type BenchDatabase } from './services';

type Case = 'otherInstance' | 'sameInstance' | 'oneRestart' | 'oneWarm';
const LABELS: Record<Case, string> = {
  otherInstance: '2 instances: joining on the second, which does not have it loaded, while the first has it open',
  sameInstance: '2 instances: joining on the first, which has it open',
  oneRestart: '1 instance: first open after a restart (nobody has it open, not loaded)',
  oneWarm: '1 instance: joining while someone has it open (loaded)',
};

/** Stores a new 50-page agreement in `database` through one instance; its id, owner token and typed characters. */
async function store(repoRoot: string, database: BenchDatabase, idleMs: number): Promise<{ id: string; token: string; characters: number }> {
  const seeding = await startServer('entente-pg', repoRoot, [], { database, idleMs });
  try {
    const { id, token, characters } = await typeNewAgreement(seeding, 'coldopen-pg');
    // Warm up this process's own client code, so the first measured join is not slower for our sake.
    for (let i = 0; i < 3; i++) (await timedJoin(seeding, id, characters)).close();
    return { id, token, characters };
  } finally {
    await seeding.stop(); // a graceful stop stores the compacted state
  }
}

export async function clusterJoins(repoRoot: string, rounds: number, idleMs: number, log: (line: string) => void): Promise<void> {
  const why = await unavailable(true);
  if (why !== null) {
    log(`cold open across instances: skipped (${why})`);
    return;
  }
  log('cold open across instances: storing the 50-page agreement on PostgreSQL');
  const database = await freshDatabase();
  const none = (): Record<Case, number[]> => ({ otherInstance: [], sameInstance: [], oneRestart: [], oneWarm: [] });
  const samples = none();
  const step2 = none();
  const record = (which: Case, ms: number, step2Ms: number): void => {
    samples[which].push(ms);
    step2[which].push(step2Ms);
    log(`  ${which}: synced after ${ms.toFixed(0)} ms (step 2 in after ${step2Ms.toFixed(0)} ms)`);
  };
  try {
    const { id, token, characters } = await store(repoRoot, database, idleMs);
    const one = async (): Promise<void> => {
      const server = await startServer('entente-pg', repoRoot, [], { database, idleMs });
      server.addToken(id, token);
      try {
        await sleep(2000); // as in the SQLite cold open: the start-up has finished
        const a = await timedJoin(server, id, characters);
        record('oneRestart', a.ms, a.step2Ms);
        await sleep(1000);
        const b = await timedJoin(server, id, characters);
        record('oneWarm', b.ms, b.step2Ms);
        a.close();
        b.close();
      } finally {
        await server.stop();
      }
    };
    const two = async (): Promise<void> => {
      const server = await startServer('entente-2x', repoRoot, [], { database, idleMs });
      server.addToken(id, token);
      try {
        await sleep(2000);
        const holder = await timedJoin(server, id, characters, 0);
        await sleep(1000); // the first instance has built the document and subscribed to it
        const b = await timedJoin(server, id, characters, 1);
        record('otherInstance', b.ms, b.step2Ms);
        const c = await timedJoin(server, id, characters, 0);
        record('sameInstance', c.ms, c.step2Ms);
        for (const j of [holder, b, c]) j.close();
      } finally {
        await server.stop();
      }
    };
    for (let round = 0; round < rounds; round++) {
      log(`round ${round + 1} of ${rounds} (PostgreSQL)`);
      // Alternated, so drift on the shared machine affects both alike.
      for (const step of round % 2 === 0 ? [one, two] : [two, one]) await step();
    }
  } finally {
    await database.drop();
  }
  const base = median(samples.oneRestart);
  const base2 = median(step2.oneRestart);
  log('');
  log(
    `Opening the 50-page agreement stored on PostgreSQL (the same client as above, until synced). Median of ${rounds} rounds (min–max), ` +
      "ratios to one instance opening it with nobody there; step 2 arrived: until the whole answer was in, the servers' share.",
  );
  log('');
  log('| | synced (ms) | / 1 instance, first open | step 2 arrived (ms) | / 1 instance, first open |');
  log('|---|---:|---:|---:|---:|');
  const range = (xs: number[]): string => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  for (const which of ['otherInstance', 'sameInstance', 'oneRestart', 'oneWarm'] as const) {
    const [a, b] = [samples[which], step2[which]];
    log(`| ${LABELS[which]} | ${range(a)} | ${(median(a) / base).toFixed(2)}× | ${range(b)} | ${(median(b) / base2).toFixed(2)}× |`);
  }
}
