/**
 * Drafting-history benchmark (part of npm run bench): on the 50-page
 * agreement (bench/agreement.ts, about 127,000 characters typed as 150,000
 * keystrokes), what a version costs on disk, how long comparing the two most
 * different versions takes, how long listing 500 versions takes, and what
 * the history adds to each stored batch of updates (the live update path).
 * In-process server on a temporary data directory; timings are medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { typeAgreement } from './agreement';
import { startServer } from '../server/start';
import { HistoryRecorder } from '../server/services/historyRecorder';
import type { CreatedAgreement } from '../shared/api';
import type { HistoryEntryView, HistoryList } from '../shared/historySchemas';

const log = (line: string): void => console.log(line);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const WORDS = 'each party shall report to the committee within sixty days of the end of every quarter on the shared objectives'.split(' ');

/** Median wall time and median CPU time of this process (client and server are both in it) over `runs`, in ms. */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<string> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await fn();
    const d = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((d.user + d.system) / 1000);
  }
  return `${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU`;
}

/** A negotiation round that touches every paragraph: a few words replaced in each, seeded. */
function revise(doc: Y.Doc): void {
  let seed = 7;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const name of ['section:purpose', 'section:context', 'section:duration']) {
    for (const p of doc.getXmlFragment(name).toArray()) {
      if (!(p instanceof Y.XmlElement)) continue;
      const text = p.get(0);
      if (!(text instanceof Y.XmlText)) continue;
      for (let k = 0; k < 12 && text.length > 20; k++) {
        const at = Math.floor(rand() * (text.length - 10));
        text.delete(at, Math.floor(rand() * 8) + 1);
        text.insert(at, ` ${WORDS[Math.floor(rand() * WORDS.length)] ?? 'and'} `);
      }
    }
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'entente-history-bench-'));
const server = await startServer({ port: 0, dataDir, log: () => undefined });
try {
  const post = async (path: string, body: unknown, token: string): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const get = (path: string, token: string): Promise<Response> => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const create = async (): Promise<{ id: string; token: string }> => {
    const res = await fetch(`${server.url}/api/agreements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Entente de 50 pages', language: 'fr', owner: { name: 'Odile', email: 'odile@example.org' } }),
    });
    const created = (await res.json()) as CreatedAgreement;
    return { id: created.id, token: created.ownerLink.slice(created.ownerLink.lastIndexOf('/') + 1) };
  };
  const name = async (a: { id: string; token: string }, n: string): Promise<HistoryEntryView> =>
    (await (await post(`/api/agreements/${a.id}/history`, { name: n }, a.token)).json()) as HistoryEntryView;

  const a = await create();
  const base = server.rooms.read(a.id, (doc) => Y.encodeStateAsUpdate(doc));
  const typed = typeAgreement(base);
  server.rooms.change(a.id, (doc) => Y.applyUpdate(doc, typed.update));
  const typedVersion = await name(a, 'Typed');
  server.rooms.change(a.id, (doc) => revise(doc));
  const revisedVersion = await name(a, 'Revised');
  const created = ((await (await get(`/api/agreements/${a.id}/history`, a.token)).json()) as HistoryList).versions.at(-1);
  if (!created) throw new Error('no created version');

  const db = new Database(join(dataDir, 'entente.sqlite'), { readonly: true });
  const row = db
    .prepare<[string], { state: number; canonical: number }>(
      'SELECT length(state) AS state, length(CAST(canonical AS BLOB)) AS canonical FROM history WHERE id = ?',
    )
    .get(revisedVersion.id);
  db.close();
  const rawState = server.rooms.read(a.id, (doc) => Y.encodeStateAsUpdate(doc).byteLength);
  log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  log(`50-page agreement: ${typed.characters.toLocaleString('en')} characters, ${typed.keystrokes.toLocaleString('en')} keystrokes`);
  log(
    `one version on disk: Yjs state ${((row?.state ?? 0) / 1024).toFixed(0)} KiB deflated (${(rawState / 1024).toFixed(0)} KiB raw) + canonical JSON ${((row?.canonical ?? 0) / 1024).toFixed(0)} KiB`,
  );

  const compare = (from: string, to: string) => async () => {
    const res = await get(`/api/agreements/${a.id}/compare?from=${from}&to=${to}`, a.token);
    if (!res.ok) throw new Error(`compare: ${res.status}`);
    await res.arrayBuffer();
  };
  log(`compare typed → revised (every paragraph changed): ${await timed(7, compare(typedVersion.id, revisedVersion.id))} (target ≤ 300 ms)`);
  log(`compare created → revised (everything inserted): ${await timed(7, compare(created.id, revisedVersion.id))}`);
  log(`compare typed → current text: ${await timed(7, compare(typedVersion.id, 'current'))}`);

  const small = await create();
  for (let i = 0; i < 500; i++) await name(small, `Version ${i}`);
  const listMs = await timed(15, async () => {
    const res = await get(`/api/agreements/${small.id}/history`, small.token);
    const body = (await res.json()) as HistoryList;
    if (body.versions.length !== 501) throw new Error(`listed ${body.versions.length}`);
  });
  log(`list 500 versions (GET …/history): ${listMs} (target ≤ 50 ms)`);

  // What each stored batch pays for the history: one timer moved (and a set of editors updated).
  const recorder = new HistoryRecorder(() => undefined);
  const editors = new Set<string>();
  const n = 200_000;
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    editors.add('participant');
    recorder.edited(`doc${i % 10}`);
  }
  const used = process.cpuUsage(start);
  recorder.flushAll();
  log(`history cost per stored batch: ${((used.user + used.system) / n).toFixed(2)} µs CPU`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
