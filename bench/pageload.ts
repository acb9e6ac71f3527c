/**
 * First page load of the client against a minimal reference page
 * (bench/minimal: React + Tiptap + Yjs + y-websocket + y-indexeddb and
 * nothing else), in the same run on the same machine:
 *
 * 1. JS each page needs before it is usable, gzip, from a real Vite build
 *    of each (bench/bundleSizes.ts): the agreement page, the sign-in pages
 *    (the agreement route when the gate says 401/403/404), /verify, the list.
 * 2. Time until the editor is editable and synced, in headless Chromium:
 *    cold (fresh profile: empty HTTP cache and IndexedDB) and warm (same
 *    profile, opened again a second later), for a new agreement from the MOU template on the
 *    Entente server (real SQLite file, every update stored) and for the
 *    minimal page on the y-websocket reference server's code (in memory), each
 *    on a random local port. Also, cold: until every section's editor is
 *    there (the agreement page builds the first at once and the others once
 *    it is usable, client/editor/editorTurns.ts), and the bytes of JS received
 *    until usable, as sent (Entente sends brotli, the minimal server plain files),
 *    and the CPU time every process involved used until usable (both servers
 *    and Playwright in this process, and every Chromium process, from /proc:
 *    steadier than the time on a shared 2-core machine, where the load is
 *    bound by CPU across processes).
 *    `--rounds N` (default 5) pools N rounds, the
 *    order of the two pages alternating, after one discarded warm-up round.
 *
 *   npx tsx bench/pageload.ts [--rounds N] [--sizes]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import type { CreatedAgreement } from '../shared/api';
import { startServer } from '../server/start';
import { launchChromium } from '../test/browser/launchChromium';
import { buildApp, entryFiles, routeSizes, sizeOf, type PageSize, type RouteName } from './bundleSizes';
import { startMinimalServer } from './minimalServer';
import { timeOpen, type Opened, type Readiness } from './pageTiming';

const { values } = parseArgs({ options: { rounds: { type: 'string' }, sizes: { type: 'boolean' }, help: { type: 'boolean' } }, strict: false });
if (values.help) {
  console.log(
    'Usage: npx tsx bench/pageload.ts [--rounds N] [--sizes]\n  --rounds N  timed rounds, pooled (also BENCH_ROUNDS; default 5)\n  --sizes     only build and print the JS sizes',
  );
  process.exit(0);
}
const rounds = Number(values.rounds ?? process.env['BENCH_ROUNDS'] ?? 5);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${String(values.rounds)}`);

const kB = (bytes: number): string => (bytes / 1024).toFixed(1);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'entente-pageload-'));
const appDir = join(work, 'client');
const minimalDir = join(work, 'minimal');

// 1. Sizes.
const appChunks = await buildApp(appDir);
const minimalChunks = await buildApp(minimalDir, { configFile: false, root: join(import.meta.dirname, 'minimal'), plugins: [react()] });
const sizes: Record<RouteName, PageSize> = routeSizes(appDir, appChunks);
const minimal = sizeOf(minimalDir, entryFiles(minimalChunks));

console.log(`\nInitial JS per page (gzip level 9, French catalogue), Vite ${(await import('vite')).version}:\n`);
console.log('| page | JS gzip | × minimal page | files |');
console.log('|---|---:|---:|---:|');
console.log(`| minimal Tiptap + Yjs page (bench/minimal) | ${kB(minimal.gzipBytes)} kB | 1.00 | ${minimal.files.length} |`);
const labels: Record<RouteName, string> = {
  agreement: 'agreement page (/a/:id)',
  signIn: 'sign-in pages (/a/:id, no session)',
  verify: 'verify page (/verify)',
  list: 'agreements list (/)',
};
for (const route of Object.keys(labels) as RouteName[]) {
  const size = sizes[route];
  console.log(`| ${labels[route]} | ${kB(size.gzipBytes)} kB | ${(size.gzipBytes / minimal.gzipBytes).toFixed(2)} | ${size.files.length} |`);
}
if (values.sizes) {
  for (const route of Object.keys(labels) as RouteName[])
    console.log(`${route}: ${sizes[route].files.map((f) => `${f} ${kB(sizeOf(appDir, [f]).gzipBytes)}`).join(', ')}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// 2. Times.
const dataDir = join(work, 'data');
const server = await startServer({ port: 0, dataDir, clientDir: appDir, log: () => undefined });
const reference = await startMinimalServer(minimalDir);
// Debian's Chromium when installed, else the npm package's; ENTENTE_CHROMIUM=package|<path> chooses (test/browser/launchChromium.ts).
const browser: Browser = await launchChromium();

interface Times {
  cold: number[];
  warm: number[];
  /** Cold, until every section's editor was there. */
  coldAll: number[];
  /** Cold, CPU of every process involved until usable (see Opened.cpuMs). */
  coldCpu: number[];
  /** Scripts fetched before the cold page was usable, and their bytes as sent. */
  scripts: number;
  scriptBytes: number;
}
const noTimes = (): Times => ({ cold: [], warm: [], coldAll: [], coldCpu: [], scripts: 0, scriptBytes: 0 });
const times: Record<'app' | 'minimal', Times> = { app: noTimes(), minimal: noTimes() };

async function newAgreement(): Promise<CreatedAgreement> {
  const res = await fetch(`${server.url}/api/agreements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Page load', language: 'fr', templateId: 'mou', owner: { name: 'Bench Owner', email: 'owner@example.org' } }),
  });
  if (res.status !== 201) throw new Error(`creating the agreement failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedAgreement;
}

/** Opens a page cold in a fresh profile, then warm in the same one. */
async function coldAndWarm(which: Readiness, round: number): Promise<{ cold: Opened; warm: Opened }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'fr-CA' });
  try {
    let url: string;
    if (which === 'app') {
      const created = await newAgreement();
      // The personal link sets the session cookie (shared with the context); the page itself is then opened and timed.
      await context.request.get(`${server.url}${created.ownerLink}`, { maxRedirects: 0 });
      url = `${server.url}/a/${created.id}`;
    } else url = `${reference.url}/?room=round-${round}`;
    const cold = await timeOpen(context, url, which);
    await cold.page.close();
    // Opened again a moment later, as a person would: the closed page has let go of its socket and IndexedDB.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const warm = await timeOpen(context, url, which);
    await warm.page.close();
    return { cold, warm };
  } finally {
    await context.close();
  }
}

try {
  for (let round = 0; round <= rounds; round++) {
    const order: Readiness[] = round % 2 ? ['minimal', 'app'] : ['app', 'minimal'];
    for (const which of order) {
      const { cold, warm } = await coldAndWarm(which, round);
      if (round === 0) continue; // warm-up: JIT, disk cache, Chromium start
      times[which].cold.push(cold.ms);
      times[which].coldAll.push(cold.allMs);
      times[which].coldCpu.push(cold.cpuMs);
      times[which].warm.push(warm.ms);
      times[which].scripts = cold.scripts.length;
      times[which].scriptBytes = cold.scriptBytes;
    }
  }
} finally {
  await browser.close();
  await server.close();
  await reference.close();
  rmSync(work, { recursive: true, force: true });
}

const { app, minimal: ref } = times;
console.log(`\nTime until the editor is editable and synced, headless Chromium, median of ${rounds} round(s):\n`);
console.log('| page | server | cold | warm | cold, every section editable | CPU until usable (cold) | scripts (cold) | JS received (cold) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
const cpu = (t: Times): string => (t.coldCpu.some(Number.isNaN) ? 'n/a' : `${median(t.coldCpu).toFixed(0)} ms`);
const row = (label: string, server: string, t: Times): string =>
  `| ${label} | ${server} | ${median(t.cold).toFixed(0)} ms | ${median(t.warm).toFixed(0)} ms | ${median(t.coldAll).toFixed(0)} ms | ${cpu(t)} | ${t.scripts} | ${kB(t.scriptBytes)} kB |`;
console.log(row('minimal Tiptap + Yjs page', 'y-websocket reference code, in memory, files uncompressed', ref));
console.log(row('agreement page (new MOU agreement)', 'Entente, every update stored, files brotli', app));
console.log(
  `| ratio agreement / minimal | | ${(median(app.cold) / median(ref.cold)).toFixed(2)} | ${(median(app.warm) / median(ref.warm)).toFixed(2)} | ${(median(app.coldAll) / median(ref.coldAll)).toFixed(2)} | ${(median(app.coldCpu) / median(ref.coldCpu)).toFixed(2)} | | |`,
);
// Everything is closed, but a handle left by the Vite builds (an esbuild child stays) kept the process from exiting: stop here.
process.exit(0);
