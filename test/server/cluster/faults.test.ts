import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { agreementCall, connect, createAgreement, invite, listenEvents, startTestServer, synced, tempDir, waitFor, type Client } from '../harness';
import { freshDatabase, TEST_DATABASE_URL, TEST_REDIS_URL } from '../pgTestDb';
import { sleep, textOf, typeLine } from './clusterTest';
import { spawnServer } from '../spawnServer';
import { startOwnRedis } from './ownRedis';

const wsOf = (url: string): string => url.replace(/^http/, 'ws');

/** Types a line every few ms into `doc` until stopped; returns the lines typed. */
function typist(doc: Y.Doc, name: string): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const timer = setInterval(() => {
    const line = `${name} ${lines.length}`;
    lines.push(line);
    typeLine(doc, line);
  }, 15);
  return { lines, stop: () => clearInterval(timer) };
}

describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)('faults with two instances', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  const track = (c: Client): Client => {
    cleanup.push(() => c.destroy());
    return c;
  };

  it('SIGKILL of one instance while clients on both type: its clients go on on the other, and nothing anyone saw is lost', async () => {
    const db = await freshDatabase();
    cleanup.push(() => db.drop());
    // The survivor in this process (it migrates the schema first), the doomed one a process of its own to SIGKILL.
    const logs: string[] = [];
    const survivor = await startTestServer({ databaseUrl: db.url, redisUrl: TEST_REDIS_URL, log: (m) => logs.push(m) });
    cleanup.push(() => survivor.dispose());
    const dir = tempDir();
    const doomed = await spawnServer(dir, { env: { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL ?? '' }, captureStderr: true });
    cleanup.push(() => {
      if (doomed.proc.exitCode === null) doomed.proc.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
    const a = await createAgreement(survivor.url);
    const editor = await invite(survivor.url, a, { role: 'editor' });
    const left = track(connect(wsOf(doomed.url), a.id, a.token));
    const right = track(connect(survivor.wsUrl, a.id, editor.token));
    await Promise.all([synced(left), synced(right)]);
    const l = typist(left.doc, 'gauche');
    const r = typist(right.doc, 'droite');
    await waitFor(() => textOf(right.doc).includes('gauche 10') && textOf(left.doc).includes('droite 10'), 'typing crosses');
    const exited = new Promise((resolve) => doomed.proc.once('exit', resolve));
    doomed.proc.kill('SIGKILL');
    await exited;
    // What the right client saw of the left one's lines at the kill: it came from the store, so it must survive.
    const seenByRight = l.lines.filter((line) => textOf(right.doc).includes(`${line}<`));
    await sleep(100);
    // The load balancer sends the left client to the survivor: same document, same session, a new socket.
    left.provider.destroy();
    const again = track(connect(survivor.wsUrl, a.id, a.token, left.doc));
    await synced(again);
    await sleep(150);
    l.stop();
    r.stop();
    await waitFor(() => textOf(again.doc) === textOf(right.doc), 'convergence on the survivor', 15_000);
    for (const line of [...l.lines, ...r.lines]) expect(textOf(right.doc)).toContain(`${line}<`);
    expect(seenByRight.length).toBeGreaterThan(0);
    // And it is stored: a new client reads all of it.
    const fresh = track(connect(survivor.wsUrl, a.id, a.token));
    await synced(fresh);
    expect(textOf(fresh.doc)).toBe(textOf(right.doc));
    // Its client id stayed its own on the survivor (bound by the dead instance, read from the database).
    expect(logs.join('\n')).not.toMatch(/someone else's|failed/);
  });

  it('Redis restarted mid-typing: each instance keeps serving its own clients, and all converge once it is back', async () => {
    const redis = await startOwnRedis();
    cleanup.push(() => redis.stop());
    const db = await freshDatabase();
    cleanup.push(() => db.drop());
    const options = { databaseUrl: db.url, redisUrl: redis.url };
    const [one, two] = await Promise.all([startTestServer(options), startTestServer(options)]);
    cleanup.push(
      () => one.dispose(),
      () => two.dispose(),
    );
    const a = await createAgreement(one.url);
    const writer = track(connect(one.wsUrl, a.id, a.token));
    const neighbour = track(connect(one.wsUrl, a.id, a.token));
    const far = track(connect(two.wsUrl, a.id, a.token));
    await Promise.all([synced(writer), synced(neighbour), synced(far)]);
    const w = typist(writer.doc, 'un');
    const f = typist(far.doc, 'deux');
    await waitFor(() => textOf(far.doc).includes('un 3') && textOf(writer.doc).includes('deux 3'), 'typing crosses');
    const stream = listenEvents(two.url, a.token, a.id, cleanup);
    await waitFor(() => stream.events.some((e) => e.event === 'ready'), 'stream open');
    // The far client stops before the outage, so its instance stores nothing during it that could reveal a gap: only the recovery can.
    f.stop();
    await sleep(150);
    await redis.kill();
    // An event published while Redis is away is lost for the other instance's streams …
    expect((await agreementCall(one.url, a.token, a.id, '/threads', 'POST', { section: 'purpose', body: 'pendant la panne' })).status).toBe(201);
    const during = w.lines.length + 5;
    // Redis is away: the first instance still serves its clients (the neighbour gets the writer's lines).
    await waitFor(() => textOf(neighbour.doc).includes(`un ${during}<`), 'served without Redis');
    w.stop();
    await sleep(200);
    expect(textOf(far.doc)).not.toContain(`un ${during}<`);
    await redis.start();
    await waitFor(() => textOf(writer.doc) === textOf(far.doc) && textOf(neighbour.doc) === textOf(far.doc), 'convergence once Redis is back', 15_000);
    for (const line of [...w.lines, ...f.lines]) expect(textOf(far.doc)).toContain(`${line}<`);
    // … so once it is back they are told to refetch (a second `ready`).
    await waitFor(() => stream.events.filter((e) => e.event === 'ready').length >= 2, 'ready again');
    expect(stream.events.some((e) => e.event === 'thread')).toBe(false);
  });
});
