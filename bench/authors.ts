/**
 * "Show authors" benchmark: how much main-thread time the reader's browser
 * spends per remote keystroke on the 50-page agreement (bench/agreement.ts)
 * with the authors view on, against the same with it off.
 *
 * One Entente server (in this process) and a headless Chromium page of the
 * owner. The agreement's 127,000 characters are typed by an editor of the
 * first party (40 sessions, so 40 client ids bound to them, about 28,000
 * Yjs structs); an editor of the second party then types into the Purpose
 * section (a third of the text) over a real socket at `--rate` keys per
 * second, `--keys` keys per measurement, off and on in turn for `--rounds`
 * rounds. Measured in the page: CPU time of its main thread (Chrome's
 * TaskDuration) per keystroke received, and the longest task seen
 * (PerformanceObserver 'longtask', which reports tasks over 50 ms).
 *
 *   npx tsx bench/authors.ts [--rounds 3] [--keys 150] [--rate 20] [--client-dir dist/client]
 *
 * Without --client-dir the client is built (unminified, so that a profile
 * names functions) into a temporary folder. AUTHORS_PROFILE=on (or off) also
 * prints the page's top functions by self time during those measurements.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CDPSession } from 'playwright-core';
import { startServer } from '../server/start';
import { updateMessage } from '../server/sync/protocol';
import type { CreatedAgreement, ParticipantView } from '../shared/api';
import { launchChromium } from '../test/browser/launchChromium';
import { typeAgreement } from './agreement';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { rounds: { type: 'string' }, keys: { type: 'string' }, rate: { type: 'string' }, 'client-dir': { type: 'string' } },
  strict: true,
});
const rounds = Number(values.rounds ?? 3);
const keys = Number(values.keys ?? 150);
const rate = Number(values.rate ?? 20);

function clientDir(): { dir: string; temporary: boolean } {
  const given = values['client-dir'];
  if (given && existsSync(join(given, 'index.html'))) return { dir: given, temporary: false };
  const dir = mkdtempSync(join(tmpdir(), 'entente-authors-client-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--minify', 'false', '--logLevel', 'warn', '--outDir', dir], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return { dir, temporary: true };
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/') + 1);

function connect(wsUrl: string, id: string, token: string): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/sync`, id, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, provider };
}
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out: ${what}`);
    await sleep(50);
  }
}

/** Main-thread CPU seconds of the page so far (Chrome's TaskDuration). */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function main(): Promise<void> {
  const client = clientDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'entente-authors-data-'));
  const server = await startServer({ port: 0, dataDir, clientDir: client.dir, log: () => undefined });
  const wsUrl = server.url.replace(/^http/, 'ws');
  const browser = await launchChromium();
  const closers: (() => unknown)[] = [];
  try {
    const a = await post<CreatedAgreement>(`${server.url}/api/agreements`, {
      title: 'Fifty pages',
      language: 'en',
      templateId: 'mou',
      owner: { name: 'Olivia Owner', email: 'o@example.org', partyIndex: 0 },
      parties: [{ legalName: 'First Party' }, { legalName: 'Second Party' }],
    });
    const ownerToken = tokenOf(a.ownerLink);
    const invite = (name: string, partyIndex: number) =>
      post<ParticipantView>(
        `${server.url}/api/agreements/${a.id}/participants`,
        { name, email: `${partyIndex}@example.org`, partyId: a.content.parties[partyIndex]?.id, role: 'editor', signatory: false },
        ownerToken,
      );
    const writer = await invite('Wanda Writer', 0);
    const typist = await invite('Tomas Typist', 1);

    // The 50 pages, typed by the first party's editor and sent over their socket (bound to them).
    const w = connect(wsUrl, a.id, tokenOf(writer.link ?? ''));
    closers.push(() => w.provider.destroy());
    await until(() => w.provider.synced, 'writer synced');
    console.log('typing the fifty pages…');
    const typed = typeAgreement(Y.encodeStateAsUpdate(w.doc));
    w.provider.ws?.send(new Uint8Array(updateMessage(typed.update)));
    Y.applyUpdate(w.doc, typed.update);
    await until(() => server.rooms.read(a.id, (doc) => doc.getXmlFragment('section:purpose').length) > 0, 'fifty pages stored');

    const t = connect(wsUrl, a.id, tokenOf(typist.link ?? ''));
    closers.push(() => t.provider.destroy());
    await until(() => t.provider.synced && t.doc.getXmlFragment('section:purpose').length > 0, 'typist synced');
    const firstParagraph = t.doc.getXmlFragment('section:purpose').get(0);
    const text = firstParagraph instanceof Y.XmlElement ? firstParagraph.get(0) : null;
    if (!(text instanceof Y.XmlText)) throw new Error('no paragraph to type into');

    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    closers.push(() => context.close());
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error(`page error: ${String(err)}`));
    page.on('console', (msg) => msg.type() === 'error' && console.error(`page console: ${msg.text()}`));
    await page.addInitScript(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    console.log('opening the page…');
    await page.goto(`${server.url}${a.ownerLink}`);
    const purpose = page.locator('[data-fragment="section:purpose"] .ProseMirror');
    await purpose.waitFor({ timeout: 60_000 });
    const length = (): Promise<number> => purpose.evaluate((el) => el.textContent?.length ?? 0);
    await until(async () => (await length()) > 30_000, 'the page shows the fifty pages');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const toggle = page.getByTestId('show-authors');

    const results: Record<'off' | 'on', { msPerKey: number[]; longest: number[] }> = { off: { msPerKey: [], longest: [] }, on: { msPerKey: [], longest: [] } };
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        if (mode === 'on') await toggle.check();
        else await toggle.uncheck();
        await until(async () => (await purpose.locator('.author-mark').count()) > 0 === (mode === 'on'), `authors ${mode}`);
        await sleep(500);
        await page.evaluate(() => void ((window as unknown as { longest: number }).longest = 0));
        const before = await length();
        const cpuBefore = await taskSeconds(cdp);
        if (process.env.AUTHORS_PROFILE === mode) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.start');
        }
        for (let k = 0; k < keys; k++) {
          text.insert(Math.min(5, text.length), 'x');
          await sleep(1000 / rate);
        }
        await until(async () => (await length()) >= before + keys, 'keys arrived');
        const cpu = (await taskSeconds(cdp)) - cpuBefore;
        if (process.env.AUTHORS_PROFILE === mode) {
          const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
            profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
          };
          const self = new Map<number, number>();
          profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
          const byName = new Map<string, number>();
          for (const n of profile.nodes) {
            const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
            byName.set(k, (byName.get(k) ?? 0) + (self.get(n.id) ?? 0));
          }
          for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(v / 1000).toFixed(0)} ms ${k}`);
        }
        results[mode].msPerKey.push((cpu * 1000) / keys);
        results[mode].longest.push(await page.evaluate(() => (window as unknown as { longest: number }).longest));
        console.log(`round ${round + 1} ${mode}: ${((cpu * 1000) / keys).toFixed(2)} ms of main thread per remote key`);
      }
    }
    const marks = await (async () => {
      await toggle.check();
      await until(async () => (await purpose.locator('.author-mark').count()) > 0, 'authors on');
      return purpose.locator('.author-mark').count();
    })();
    const off = median(results.off.msPerKey);
    const on = median(results.on.msPerKey);
    console.log('');
    console.log(`Show authors on the 50-page agreement (${typed.characters} characters, Purpose holds a third; ${marks} coloured runs in Purpose)`);
    console.log(`${keys} remote keys at ${rate}/s per measurement, ${rounds} rounds, medians:`);
    console.log('');
    console.log('| | toggle off | toggle on | on / off |');
    console.log('|---|---:|---:|---:|');
    console.log(`| main-thread time per remote key | ${off.toFixed(2)} ms | ${on.toFixed(2)} ms | ${(on / off).toFixed(2)}× |`);
    console.log(`| longest task (over 50 ms, else 0) | ${median(results.off.longest).toFixed(0)} ms | ${median(results.on.longest).toFixed(0)} ms | |`);
  } finally {
    for (const close of closers.reverse()) await Promise.resolve(close()).catch(() => undefined);
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (client.temporary) rmSync(client.dir, { recursive: true, force: true });
  }
}

await main();
