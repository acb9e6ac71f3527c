/**
 * Cold-open benchmark (part of npm run bench): how long one person waits to
 * have the 50-page agreement (bench/agreement.ts) synced in their editor
 * when nobody has it open, against the y-websocket reference server joined
 * with the same agreement already in memory.
 *
 * Per round: a fresh Entente process on the stored agreement, the first
 * client's join timed 2 s after it started listening ("after a restart"); a second client while the first
 * is still there ("warm join"); both leave, the document unloads, a third
 * client's join is timed ("after the idle unload"); and one warm join of the
 * reference, which keeps the agreement in memory with a client connected.
 * Medians over rounds, ratios against the reference's warm join.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { atExit } from './children';
import { clusterJoins } from './coldopenCluster';
import type { Joined } from './join';
import { median, seed, timedJoin, typeNewAgreement } from './openAgreement';
import { mainThreadProfile, summarizeProfile } from './profile-summary';
import { profileArgs, startServer, type RunningServer } from './servers';

const repoRoot = joinPath(fileURLToPath(new URL('.', import.meta.url)), '..');
const log = (line: string): void => console.log(line);

// npm run bench passes every benchmark the same options: the fan-out's own are ignored here.
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rounds: { type: 'string' },
    'idle-ms': { type: 'string' },
    profile: { type: 'string' },
    soak: { type: 'string' },
    cluster: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: false,
});
if (values.soak !== undefined) {
  log('cold open: not run in a soak');
  process.exit(0);
}
if (values.help === true) {
  log(
    'Usage: tsx bench/coldopen.ts [--rounds N (default 5)] [--idle-ms MS (Entente idle unload, default 300)] [--profile DIR (CPU profiles of the Entente processes)]\n' +
      '  [--cluster on|off|only (default on: after the SQLite cold open, the same agreement on PostgreSQL joined across two instances; skipped without PostgreSQL or Redis)]',
  );
  process.exit(0);
}
const text = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
// At least 5 rounds: one open is noisy on a shared machine.
const rounds = Math.max(5, Number(text(values.rounds) ?? process.env.BENCH_ROUNDS ?? 5));
const idleMs = Number(text(values['idle-ms']) ?? 300);
if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(idleMs) || idleMs < 1) throw new Error('--rounds and --idle-ms take positive integers');

type Case = 'restart' | 'idle' | 'ententeWarm' | 'referenceWarm';
const LABELS: Record<Case, string> = {
  restart: 'Entente, first open after a restart (stored, not in memory)',
  idle: 'Entente, first open after the idle unload (stored, not in memory)',
  ententeWarm: 'Entente, joining while someone has it open (in memory)',
  referenceWarm: 'y-websocket reference, joining while someone has it open (in memory, not stored)',
};

interface Samples {
  synced: Record<Case, number[]>;
  step2: Record<Case, number[]>;
}
const noSamples = (): Record<Case, number[]> => ({ restart: [], idle: [], ententeWarm: [], referenceWarm: [] });

/** Logs and records one join's times. */
function record(samples: Samples, which: Case, joined: Joined): void {
  samples.synced[which].push(joined.ms);
  samples.step2[which].push(joined.step2Ms);
  log(`  ${which}: synced after ${joined.ms.toFixed(0)} ms (step 2 in after ${joined.step2Ms.toFixed(0)} ms)`);
}

/** The agreement stored in SQLite, against the reference. */
async function sqlite(): Promise<void> {
  const dataDir = mkdtempSync(joinPath(tmpdir(), 'entente-coldopen-'));
  const cancel = atExit(() => rmSync(dataDir, { recursive: true, force: true }));
  const samples: Samples = { synced: noSamples(), step2: noSamples() };
  let reference: RunningServer | null = null;
  try {
    log('cold open: typing the 50-page agreement and storing it on the Entente server');
    const seeding = await startServer('entente', repoRoot, [], { dataDir, idleMs });
    const { id, token, typed, full, characters } = await typeNewAgreement(seeding, 'coldopen');
    await seeding.stop(); // a graceful stop stores the compacted state
    log(
      `  ${typed.characters.toLocaleString('en-US')} characters typed as ${typed.keystrokes.toLocaleString('en-US')} keystrokes in 40 sessions, ` +
        `Yjs state ${(typed.stateBytes / 1024).toFixed(0)} KiB`,
    );

    reference = await startServer('reference', repoRoot);
    const refRoom = 'coldopen';
    // The reference keeps the agreement in memory while this client stays.
    const refWriter = await seed(reference, refRoom, full, characters);
    // Warm up this process's own client code, so the first measured join is not slower for our sake.
    for (let i = 0; i < 3; i++) (await timedJoin(reference, refRoom, characters)).close();

    for (let round = 0; round < rounds; round++) {
      log(`round ${round + 1} of ${rounds}`);
      const measureReference = async (): Promise<void> => {
        if (!reference) return;
        const r = await timedJoin(reference, refRoom, characters);
        record(samples, 'referenceWarm', r);
        r.close();
      };
      if (round % 2 === 1) await measureReference();
      const profile = text(values.profile);
      const profileDir = profile === undefined ? null : joinPath(resolvePath(profile), `coldopen-entente-${round + 1}`);
      const entente = await startServer('entente', repoRoot, profileDir === null ? [] : profileArgs(profileDir), { dataDir, idleMs });
      entente.addToken(id, token);
      // Nobody opens an agreement in the very millisecond the server is up: let its own start-up finish first.
      await sleep(2000);
      try {
        const a = await timedJoin(entente, id, characters);
        record(samples, 'restart', a);
        await sleep(1000); // the first client's document is built and its greeting answered: the room is warm
        const b = await timedJoin(entente, id, characters);
        record(samples, 'ententeWarm', b);
        a.close();
        b.close();
        await sleep(idleMs + 1000); // the document unloads idleMs after the last client left
        const c = await timedJoin(entente, id, characters);
        record(samples, 'idle', c);
        c.close();
      } finally {
        await entente.stop();
      }
      if (profileDir !== null) for (const line of summarizeProfile(mainThreadProfile(profileDir), null, 25)) log(line);
      if (round % 2 === 0) await measureReference();
    }
    refWriter.close();
    report(samples, typed.stateBytes);
  } finally {
    if (reference) await reference.stop();
    cancel();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const cluster = text(values.cluster) ?? 'on';
  if (cluster !== 'only') await sqlite();
  log('');
  if (cluster !== 'off') await clusterJoins(repoRoot, rounds, idleMs, log);
}

function report(samples: Samples, stateBytes: number): void {
  const ref = median(samples.synced.referenceWarm);
  const ref2 = median(samples.step2.referenceWarm);
  log('');
  log(
    `Opening the 50-page agreement (Yjs state ${(stateBytes / 1024).toFixed(0)} KiB), one client at a time and no other load: ` +
      `a y-websocket client with an empty document, from its creation until it is synced (it received and applied the server's step 2), ` +
      `and until the whole step 2 had arrived (the server's share). Median of ${rounds} rounds (min–max), ratios to the reference's warm join.`,
  );
  log('');
  log('| | synced (ms) | / reference | step 2 arrived (ms) | / reference |');
  log('|---|---:|---:|---:|---:|');
  const range = (xs: number[]): string => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  for (const which of ['restart', 'idle', 'ententeWarm', 'referenceWarm'] as const) {
    const a = samples.synced[which];
    const b = samples.step2[which];
    log(`| ${LABELS[which]} | ${range(a)} | ${(median(a) / ref).toFixed(2)}× | ${range(b)} | ${(median(b) / ref2).toFixed(2)}× |`);
  }
  log('');
  log(
    `Cold open / reference warm join, until synced: after a restart ${(median(samples.synced.restart) / ref).toFixed(2)}×, ` +
      `after the idle unload ${(median(samples.synced.idle) / ref).toFixed(2)}× (target ≤ 1.00×).`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
