import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import pg from 'pg';
import { Bus } from '../../../server/cluster/bus';
import { docChannel, encodeDocMessage } from '../../../server/cluster/docMessages';
import { connect, createAgreement, startTestServer, synced, useCleanup, waitFor, type TestServer } from '../harness';
import { freshDatabase, TEST_DATABASE_URL, TEST_REDIS_URL, type FreshDatabase } from '../pgTestDb';
import { purpose, sleep, textOf, typeLine } from './clusterTest';

/**
 * One instance, and a second one played by a Bus of the test's own speaking
 * the same protocol (the updates it announces are stored as the other
 * instance would have stored them), so the test decides the order messages arrive in.
 */
describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)('updates from another instance arriving out of order', () => {
  let db: FreshDatabase;
  let server: TestServer;
  let other: Bus;
  const cleanup = useCleanup();

  beforeAll(async () => {
    db = await freshDatabase();
    server = await startTestServer({ databaseUrl: db.url, redisUrl: TEST_REDIS_URL, compactAfter: 10 });
    other = await Bus.connect(TEST_REDIS_URL ?? '', () => undefined);
  });
  afterAll(async () => {
    await other?.close();
    await server?.dispose();
    await db?.drop();
  });

  async function store(docId: string, updates: Uint8Array[]): Promise<number[]> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const seqs: number[] = [];
      for (const update of updates) {
        const res = await client.query<{ seq: string }>(
          'INSERT INTO doc_updates (doc_id, seq, data) SELECT $1, coalesce(max(seq), 0) + 1, $2 FROM ' +
            '(SELECT seq FROM doc_updates WHERE doc_id = $1 UNION ALL SELECT last_seq FROM doc_snapshots WHERE doc_id = $1) s RETURNING seq',
          [docId, Buffer.from(update)],
        );
        seqs.push(Number(res.rows[0]?.seq));
      }
      return seqs;
    } finally {
      await client.end();
    }
  }

  it('a later one waits for the one before it, so the document never holds an update with missing dependencies', async () => {
    const a = await createAgreement(server.url);
    const local = connect(server.wsUrl, a.id, a.token);
    cleanup.push(() => local.destroy());
    await synced(local);
    await sleep(200); // the instance has subscribed to the document's channel
    // Two updates of the other instance, the second built on the first.
    const side = new Y.Doc();
    Y.applyUpdate(side, Y.encodeStateAsUpdate(local.doc));
    let sv = Y.encodeStateVector(side);
    typeLine(side, 'premier');
    const first = Y.encodeStateAsUpdate(side, sv);
    sv = Y.encodeStateVector(side);
    side.getXmlFragment(purpose).delete(side.getXmlFragment(purpose).length - 1, 1);
    typeLine(side, 'second');
    const second = Y.encodeStateAsUpdate(side, sv);
    const [s1, s2] = await store(a.id, [first, second]);
    const channel = docChannel(a.id);
    const closes: number[] = [];
    local.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    other.publish(channel, encodeDocMessage({ kind: 'update', from: other.instanceId, seq: s2 ?? 0, update: second }));
    await sleep(20);
    // The local client types while the second waits: had it been applied, this update would be refused (4400).
    typeLine(local.doc, 'ici');
    await sleep(20);
    other.publish(channel, encodeDocMessage({ kind: 'update', from: other.instanceId, seq: s1 ?? 0, update: first }));
    await waitFor(() => textOf(local.doc).includes('second') && textOf(local.doc).includes('ici'), 'both updates, in order');
    expect(textOf(local.doc)).not.toContain('premier');
    await sleep(200);
    expect(closes).toEqual([]);
  });

  it("the other instance's updates count towards this one's compaction, which resets the room's size", async () => {
    const a = await createAgreement(server.url);
    const reader = connect(server.wsUrl, a.id, a.token);
    cleanup.push(() => reader.destroy());
    await synced(reader);
    await sleep(200);
    const side = new Y.Doc();
    Y.applyUpdate(side, Y.encodeStateAsUpdate(reader.doc));
    const updates: Uint8Array[] = [];
    const before = server.rooms.loaded(a.id)?.byteSize ?? 0;
    // Each replaces the line before: the log grows by all of them, the document by one line.
    for (let i = 0; i < 30; i++) {
      const sv = Y.encodeStateVector(side);
      side.transact(() => {
        const fragment = side.getXmlFragment(purpose);
        if (i > 0) fragment.delete(fragment.length - 1, 1);
        typeLine(side, `ligne ${i} `.repeat(20));
      });
      updates.push(Y.encodeStateAsUpdate(side, sv));
    }
    const seqs = await store(a.id, updates);
    updates.forEach((update, i) => other.publish(docChannel(a.id), encodeDocMessage({ kind: 'update', from: other.instanceId, seq: seqs[i] ?? 0, update })));
    await waitFor(() => textOf(reader.doc).includes('ligne 29'), 'the updates');
    // Nobody else compacts here: a snapshot past the first ten is this instance's.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await waitFor(() => (server.rooms.loaded(a.id)?.updatesSinceCompaction ?? 99) < 10, 'compaction');
      const res = await client.query<{ last_seq: string }>('SELECT last_seq FROM doc_snapshots WHERE doc_id = $1', [a.id]);
      expect(Number(res.rows[0]?.last_seq)).toBeGreaterThanOrEqual(seqs[9] ?? 0);
    } finally {
      await client.end();
    }
    const logged = updates.reduce((n, u) => n + u.byteLength, 0);
    expect(server.rooms.loaded(a.id)?.byteSize).toBeLessThan(before + logged / 2);
  });
});
