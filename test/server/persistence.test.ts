import { afterEach, describe, expect, it } from 'vitest';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CloseCode } from '../../shared/closeCodes';
import { fragmentName } from '../../shared/schema';
import { fillEverything, paragraph } from './fill';
import { readAgreement } from '../../shared/render';
import { mouTemplate } from '../../shared/templates/mou';
import {
  api,
  connect,
  createAgreement,
  onPostgres,
  openTestDb,
  rawSocket,
  startTestServer,
  synced,
  tempDir,
  waitFor,
  type Client,
  type TestServer,
} from './harness';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function serverOn(dataDir: string, options: { idleMs?: number; compactAfter?: number } = {}): Promise<TestServer> {
  const s = await startTestServer({ dataDir, ...options });
  cleanup.push(() => s.close());
  return s;
}
function client(s: TestServer, id: string, token: string): Client {
  const c = connect(s.wsUrl, id, token);
  cleanup.push(() => c.destroy());
  return c;
}
const dir = (): string => {
  const d = tempDir();
  cleanup.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
};

describe('persistence', () => {
  it('a restart keeps every section', async () => {
    const dataDir = dir();
    let s = await serverOn(dataDir);
    const { id, token } = await createAgreement(s.url);
    const a = client(s, id, token);
    await synced(a);
    fillEverything(a.doc);
    const expected = readAgreement(a.doc, mouTemplate);
    await waitFor(() => JSON.stringify(readAgreement(s.rooms.loaded(id)!.snapshot(), mouTemplate)) === JSON.stringify(expected), 'server has it');
    a.destroy();
    await s.close();

    s = await serverOn(dataDir);
    const b = client(s, id, token);
    await synced(b);
    expect(readAgreement(b.doc, mouTemplate)).toEqual(expected);
    const rest = (await (await api(s.url, token, `/api/agreements/${id}`)).json()) as { title: string; content: unknown };
    expect(rest.content).toEqual(expected);
    expect(rest.title).toBe('Protocole complet');
  });

  it('the update log is compacted into a snapshot without losing anything', async () => {
    const dataDir = dir();
    const s = await serverOn(dataDir, { compactAfter: 20 });
    const { id, token } = await createAgreement(s.url);
    const a = client(s, id, token);
    await synced(a);
    for (let i = 0; i < 100; i++) a.doc.getXmlFragment(fragmentName('purpose')).push([paragraph(`l${i}`)]);
    await waitFor(() => s.rooms.loaded(id)?.snapshot().getXmlFragment(fragmentName('purpose')).length === 100, 'all received');
    await waitFor(() => (s.rooms.loaded(id)?.updatesSinceCompaction ?? 99) < 20, 'compaction');
    const db = await openTestDb(dataDir);
    const { n } = db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(id) as { n: number };
    db.close();
    expect(n).toBeLessThan(20);
    const late = client(s, id, token);
    await synced(late);
    expect(late.doc.getXmlFragment(fragmentName('purpose')).length).toBe(100);
  });

  it('idle documents are unloaded from memory and load again on demand', async () => {
    const s = await serverOn(dir(), { idleMs: 50 });
    const { id, token } = await createAgreement(s.url);
    const a = client(s, id, token);
    await synced(a);
    a.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('gardé')]);
    await waitFor(() => s.rooms.loaded(id)?.snapshot().getXmlFragment(fragmentName('purpose')).length === 1, 'received');
    a.provider.disconnect();
    await waitFor(() => s.rooms.size === 0, 'unload');
    const b = client(s, id, token);
    await synced(b);
    expect(b.doc.getXmlFragment(fragmentName('purpose')).toString()).toContain('gardé');
  });

  it('a corrupted stored document is refused with 4422, left untouched, and the server keeps serving others', async () => {
    const dataDir = dir();
    const s = await serverOn(dataDir);
    const broken = await createAgreement(s.url, { title: 'broken' });
    const healthy = await createAgreement(s.url, { title: 'healthy' });
    const db = await openTestDb(dataDir);
    db.prepare('INSERT INTO doc_updates (doc_id, seq, data) SELECT ?, max(seq) + 1, ? FROM doc_updates WHERE doc_id = ?').run(
      broken.id,
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1]),
      broken.id,
    );
    const before = db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(broken.id);
    const raw = await rawSocket(s.wsUrl, broken.id, broken.token);
    expect((await raw.closed).code).toBe(CloseCode.DocumentUnreadable);
    expect((await api(s.url, broken.token, `/api/agreements/${broken.id}`)).status).toBe(409);
    expect(db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(broken.id)).toEqual(before);
    db.close();
    const ok = client(s, healthy.id, healthy.token);
    await synced(ok);
    expect(ok.doc.getMap('meta').get('title')).toBe('healthy');
  });
  it.skipIf(onPostgres)('the write-ahead log is copied into the database file in the background', async () => {
    const dataDir = dir();
    const s = await serverOn(dataDir);
    const { id, token } = await createAgreement(s.url);
    const a = client(s, id, token);
    await synced(a);
    const file = join(dataDir, 'entente.sqlite');
    const before = statSync(file).size;
    // ~600 KB of updates: under SQLite's own 1,000-page checkpoint threshold, so only our checkpointer copies them.
    for (let i = 0; i < 300; i++) a.doc.getXmlFragment(fragmentName('purpose')).push([paragraph(`${i} ${'x'.repeat(2000)}`)]);
    await waitFor(() => statSync(file).size > before + 500_000, 'checkpoint into the database file', 5_000);
  });
});
