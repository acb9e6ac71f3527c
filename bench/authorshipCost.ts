/**
 * What the server-side authorship check costs per update, next to the
 * fan-out benchmark's CPU per delivered update (README, Benchmark).
 *
 * The fan-out load in miniature, in this process: 5 writers typing 1–8
 * characters at a time into one document, each update taken through what a
 * connection does to it — the schema guard (which decodes it), the client id
 * claim, and applying it — once on a document with the authorship record
 * attached (real SQLite file) and once without the claim and the record.
 * The difference per update, divided by the 49 clients each update reaches
 * in the fan-out benchmark, is the added CPU per delivered update.
 *
 *   npx tsx bench/authorshipCost.ts [--updates 20000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { mouTemplate } from '../shared/templates/mou';
import { AuthorStore } from '../server/store/authors';
import { openDb } from '../server/store/db';
import { Authorship } from '../server/sync/authorship';
import { checkUpdate } from '../server/sync/schemaGuard';
import { DocState } from '../server/sync/encoded/docState';
import { advancesOf } from '../server/sync/encoded/analyse';

const { values } = parseArgs({ args: process.argv.slice(2), options: { updates: { type: 'string' } }, strict: true });
const total = Number(values.updates ?? 20_000);
const RECEIVERS = 49;
/** CPU per delivered update of the Entente server in the README's fan-out run. */
const FANOUT_US_PER_DELIVERY = 6.59;

/** The writers' updates, made once: each writer appends to its own paragraph of the Purpose section. */
function makeUpdates(): { base: Uint8Array; updates: { writer: number; update: Uint8Array }[] } {
  // The document as stored: one empty paragraph per writer, written by someone else (the template).
  const origin = new Y.Doc();
  for (let i = 0; i < 5; i++) {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText()]);
    origin.getXmlFragment('section:purpose').push([p]);
  }
  const writers = Array.from({ length: 5 }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
    return doc;
  });
  const base = Y.encodeStateAsUpdate(origin);
  const updates: { writer: number; update: Uint8Array }[] = [];
  let seed = 7;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < total; i++) {
    const writer = i % writers.length;
    const doc = writers[writer];
    if (!doc) continue;
    const text = (doc.getXmlFragment('section:purpose').get(writer) as Y.XmlElement).get(0) as Y.XmlText;
    let captured: Uint8Array | null = null;
    const grab = (u: Uint8Array): void => void (captured = u);
    doc.on('update', grab);
    text.insert(text.length, 'abcdefgh'.slice(0, 1 + Math.floor(rand() * 8)));
    doc.off('update', grab);
    if (captured) updates.push({ writer, update: captured });
  }
  return { base, updates };
}

function run(withAuthorship: boolean, base: Uint8Array, updates: { writer: number; update: Uint8Array }[], store: AuthorStore, id: string): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const state = DocState.fromDoc(doc);
  doc.destroy();
  const authorship = new Authorship({ store, changed: () => undefined, log: (m) => console.error(m) });
  if (withAuthorship) authorship.attach(id, state);
  const senders = Array.from({ length: 5 }, (_, i) => ({ participantId: `p${i}`, name: `Writer ${i}`, partyId: `party${i % 2}` }));
  const start = process.cpuUsage();
  for (const { writer, update } of updates) {
    const verdict = checkUpdate(state, update, mouTemplate);
    if (!verdict.ok) throw new Error(verdict.detail);
    const sender = senders[writer];
    if (withAuthorship && !authorship.claim(id, state, sender?.participantId ?? '', verdict.clients).ok) throw new Error('refused');
    state.add(update, verdict);
    if (withAuthorship) authorship.record(state, advancesOf(verdict), sender);
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / updates.length;
}

const dir = mkdtempSync(join(tmpdir(), 'entente-authorship-cost-'));
try {
  const db = openDb(dir);
  db.prepare(
    "INSERT INTO agreements (id, title, language, template_id, created_at, updated_at) VALUES ('a', 't', 'en', 'mou', '', ''), ('b', 't', 'en', 'mou', '', '')",
  ).run();
  for (const [i, id] of ['p0', 'p1', 'p2', 'p3', 'p4'].entries()) {
    db.prepare(
      "INSERT INTO participants (id, agreement_id, name, email, party_id, role, signatory, token_hash, created_at) VALUES (?, 'a', ?, '', ?, 'editor', 0, ?, '')",
    ).run(id, id, `party${i % 2}`, id);
  }
  const store = new AuthorStore(db);
  const { base, updates } = makeUpdates();
  // Alternate, several times each: the machine is shared, the median is what is reported.
  const plain: number[] = [];
  const checked: number[] = [];
  for (let round = 0; round < 5; round++) {
    plain.push(run(false, base, updates, store, 'b'));
    checked.push(run(true, base, updates, store, 'a'));
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1] ?? 0;
  const added = median(checked) - median(plain);
  console.log(`${updates.length} updates of 1–8 characters from 5 writers, 5 rounds each way, medians:`);
  console.log(`  guard + apply:                  ${median(plain).toFixed(2)} µs per update`);
  console.log(`  guard + claim + apply + record: ${median(checked).toFixed(2)} µs per update`);
  console.log(`  added: ${added.toFixed(2)} µs per update = ${(added / RECEIVERS).toFixed(3)} µs per delivered update (${RECEIVERS} receivers)`);
  console.log(
    `  = ${((100 * added) / RECEIVERS / FANOUT_US_PER_DELIVERY).toFixed(2)} % of the fan-out benchmark's ${FANOUT_US_PER_DELIVERY} µs per delivered update`,
  );
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
