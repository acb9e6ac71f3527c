/**
 * Memory benchmark (part of npm run bench): the Entente server runs in this
 * process (so its heap can be read after a full garbage collection), its
 * clients in another (bench/memory-clients.ts).
 *
 * 1. The 50-page agreement (bench/agreement.ts) open, a client typing in it: the heap and
 *    ArrayBuffers it costs, against its Yjs state (`--approved`: with an approval of another
 *    section than the one typed in, as an agreement nearing signature has).
 * 2. 1,000 agreements opened, edited and closed (10 at a time), then unloaded
 *    when idle: heap and RSS against where they were before, and every edit stored.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fragmentName } from '../shared/schema';
import { startServer } from '../server/start';
import { atExit, stopChild, track } from './children';
import type { FromClients, ToClients } from './memory-clients';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const log = (line: string): void => console.log(line);
// npm run bench passes every benchmark the same options: the fan-out's own are ignored here.
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { agreements: { type: 'string' }, concurrency: { type: 'string' }, soak: { type: 'string' }, approved: { type: 'boolean' } },
  strict: false,
});
if (values.soak !== undefined) {
  log('memory: not run in a soak');
  process.exit(0);
}
const COUNT = Number(typeof values.agreements === 'string' ? values.agreements : 1000);
const CONCURRENCY = Number(typeof values.concurrency === 'string' ? values.concurrency : 10);
const IDLE_MS = 200;
const MiB = 1024 * 1024;

/**
 * Heap and RSS after a full collection (twice: weak references and finalizers free more on the second).
 * `held`: heap used plus the bytes of ArrayBuffers, where encoded Yjs state lives (outside the JS heap).
 */
async function settled(): Promise<{ heap: number; held: number; rss: number }> {
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(100);
  }
  const m = process.memoryUsage();
  return { heap: m.heapUsed, held: m.heapUsed + m.arrayBuffers, rss: m.rss };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(joinPath(tmpdir(), 'entente-memory-'));
  const cancel = atExit(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServer({ dataDir, idleMs: IDLE_MS, log: () => undefined });
  const clients = track(fork(fileURLToPath(new URL('memory-clients.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }));
  const ask = (msg: ToClients): Promise<FromClients> =>
    new Promise((resolve, reject) => {
      clients.once('message', (answer: FromClients) => (answer.ok ? resolve(answer) : reject(new Error(answer.error))));
      clients.send(msg);
    });
  const wsUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
  const create = async (n: number): Promise<{ id: string; token: string }[]> => {
    const out: { id: string; token: string }[] = [];
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${server.url}/api/agreements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `memory ${i}`, language: 'en', owner: { name: 'Bench', email: 'bench@example.org' } }),
      });
      const body = (await res.json()) as { id: string; ownerLink: string };
      out.push({ id: body.id, token: body.ownerLink.slice(body.ownerLink.lastIndexOf('/') + 1) });
    }
    return out;
  };
  const approve = async (a: { id: string; token: string }, section: string): Promise<void> => {
    const res = await fetch(`${server.url}/api/agreements/${a.id}/approvals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ section }),
    });
    if (res.status !== 201) throw new Error(`approving ${section}: ${res.status} ${await res.text()}`);
  };
  const unloaded = async (): Promise<void> => {
    while (server.rooms.size > 0) await sleep(50);
  };
  try {
    // 1. One loaded 50-page agreement.
    const [big] = await create(1);
    if (!big) throw new Error('no agreement created');
    const typed = await ask({ type: 'store-typed', url: wsUrl, ...big });
    await unloaded();
    // The client types into the purpose: an approval of the context must survive it, and checking that must not cost the document.
    if (values.approved === true) await approve(big, 'context');
    const before = await settled();
    await ask({ type: 'hold', url: wsUrl, ...big });
    await sleep(1000); // read after the first answer; the edits stored
    const open = await settled();
    await ask({ type: 'release' });
    const stateBytes = typed.ok ? (typed.stateBytes ?? 0) : 0;
    const perAgreement = open.held - before.held;
    log(
      `50-page agreement open and being edited${values.approved === true ? ', with an approval of another section' : ''} (Yjs state ${(stateBytes / 1024).toFixed(0)} KiB): heap and ArrayBuffers +${(perAgreement / MiB).toFixed(1)} MiB = ` +
        `${(perAgreement / stateBytes).toFixed(2)}× its state (target ≤ 3×; of it, JS heap +${((open.heap - before.heap) / MiB).toFixed(1)} MiB)`,
    );
    await unloaded();

    // 2. Many agreements, each opened, edited and closed.
    log(`creating ${COUNT} agreements`);
    const many = await create(COUNT);
    // Warm-up on other agreements, so the start figure already holds compiled code and caches.
    await ask({ type: 'cycle', url: wsUrl, agreements: await create(50), concurrency: CONCURRENCY });
    await unloaded();
    const start = await settled();
    log(`opening, editing and closing ${COUNT} agreements, ${CONCURRENCY} at a time`);
    const t0 = performance.now();
    await ask({ type: 'cycle', url: wsUrl, agreements: many, concurrency: CONCURRENCY });
    const peak = process.memoryUsage();
    log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${server.rooms.size} still loaded, waiting for the idle unload`);
    await unloaded();
    const end = await settled();
    const lost = many.filter(({ id }) => !server.rooms.read(id, (doc) => doc.getXmlFragment(fragmentName('purpose')).toString().includes(`edited ${id}`)));
    log('');
    log(`| after ${COUNT} agreements opened, edited, closed and unloaded | start | peak | end | end / start |`);
    log('|---|---:|---:|---:|---:|');
    log(
      `| heap used (MiB) | ${(start.heap / MiB).toFixed(1)} | ${(peak.heapUsed / MiB).toFixed(1)} | ${(end.heap / MiB).toFixed(1)} | ${(end.heap / start.heap).toFixed(2)}× |`,
    );
    log(
      `| resident (RSS, MiB) | ${(start.rss / MiB).toFixed(1)} | ${(peak.rss / MiB).toFixed(1)} | ${(end.rss / MiB).toFixed(1)} | ${(end.rss / start.rss).toFixed(2)}× |`,
    );
    log('');
    log(`edits stored: ${COUNT - lost.length} of ${COUNT}${lost.length > 0 ? ` (LOST: ${lost.length})` : ''}; target: heap and RSS within 1.10× of the start.`);
  } finally {
    await stopChild(clients, 1000);
    await server.close();
    cancel();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
