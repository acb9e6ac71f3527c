import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { DocStore } from '../../../server/store/docs';
import { openPostgres, type PgDb } from '../../../server/store/postgres/pgDb';
import { freshDatabase, TEST_DATABASE_URL, type FreshDatabase } from '../pgTestDb';

/** Two instances' stores on one PostgreSQL database, each with its own connection. */
async function twoInstances(): Promise<{ fresh: FreshDatabase; a: PgDb; b: PgDb; docsA: DocStore; docsB: DocStore }> {
  const fresh = await freshDatabase();
  const a = openPostgres(fresh.url);
  const b = openPostgres(fresh.url);
  a.prepare("INSERT INTO agreements (id, title, language, template_id, created_at, updated_at) VALUES ('doc', 't', 'en', 'mou', '', '')").run();
  // As the container's rule, reduced to what the store is given: the status the database has at the append.
  const mayWrite = (status: string | undefined) => status === 'draft';
  return { fresh, a, b, docsA: new DocStore(a, mayWrite), docsB: new DocStore(b, mayWrite) };
}

const update = (text: string): Uint8Array => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

describe.skipIf(!TEST_DATABASE_URL)('the update log on PostgreSQL, shared by two instances', () => {
  const open: { fresh: FreshDatabase; a: PgDb; b: PgDb }[] = [];
  const start = async () => {
    const s = await twoInstances();
    open.push(s);
    return s;
  };
  afterEach(async () => {
    for (const { fresh, a, b } of open.splice(0)) {
      a.close();
      b.close();
      await fresh.drop();
    }
  });

  it('numbers the updates of both instances consecutively, and either reads them all back in order', async () => {
    const { docsA, docsB } = await start();
    const seqs: (number | null)[] = [];
    for (let i = 0; i < 10; i++) seqs.push(...(i % 2 === 0 ? docsA : docsB).appendMany([{ docId: 'doc', update: update(`u${i}`), editor: 'p' }]));
    seqs.push(...docsA.appendMany([0, 1, 2].map((i) => ({ docId: 'doc', update: update(`batch${i}`), editor: 'p' }))));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const read = docsB.since('doc', 0);
    expect(read.updates.map((u) => u.seq)).toEqual(seqs);
    expect(read.lastSeq).toBe(13);
    expect(docsA.lastSeq('doc')).toBe(13);
  });

  it("refuses a client's update once another instance locked the agreement; the server's own change is still stored", async () => {
    const { a, docsA, b } = await start();
    expect(docsA.appendMany([{ docId: 'doc', update: update('before'), editor: 'p' }])).toEqual([1]);
    b.prepare("UPDATE agreements SET status = 'locked' WHERE id = 'doc'").run();
    expect(
      docsA.appendMany([
        { docId: 'doc', update: update('after'), editor: 'p' },
        { docId: 'doc', update: update('server') },
      ]),
    ).toEqual([null, 2]);
    expect(a.prepare<[], { n: number }>("SELECT count(*) AS n FROM doc_updates WHERE doc_id = 'doc'").get()?.n).toBe(2);
  });

  it('catches an instance up from the snapshot when another one compacted past what it had', async () => {
    const { docsA, docsB } = await start();
    const live = new Y.Doc();
    for (const text of ['one', 'two', 'three']) {
      const u = update(text);
      Y.applyUpdate(live, u);
      docsA.appendMany([{ docId: 'doc', update: u, editor: 'p' }]);
    }
    const fourth = update('four');
    docsA.appendMany([{ docId: 'doc', update: fourth, editor: 'p' }]);
    // B's document has the first three: it folds exactly those.
    expect(docsB.compact('doc', Y.encodeStateAsUpdate(live), Y.encodeStateVector(live), 3)).toBe(true);
    const behind = docsA.since('doc', 1);
    expect(behind.snapshot).not.toBeNull();
    expect(behind.updates.map((u) => u.seq)).toEqual([4]);
    expect(behind.lastSeq).toBe(4);
    const rebuilt = docsA.load('doc');
    expect(rebuilt.lastSeq).toBe(4);
    expect(rebuilt.doc.getText('t').length).toBe('onetwothreefour'.length);
    rebuilt.doc.destroy();
  });

  it('compacts a document on one instance at a time, and never folds less than an earlier compaction', async () => {
    const { fresh, docsA, docsB } = await start();
    for (const text of ['one', 'two']) docsA.append('doc', update(text));
    const state = Y.encodeStateAsUpdate(docsA.load('doc').doc);
    // Another session holds the document's compaction lock, as an instance compacting it would.
    const other = new pg.Client({ connectionString: fresh.url });
    await other.connect();
    await other.query('BEGIN');
    await other.query("SELECT pg_advisory_xact_lock(1668246896, hashtext('doc'))");
    expect(docsA.compact('doc', state, new Uint8Array([0]), 2)).toBe(false);
    await other.query('COMMIT');
    await other.end();
    expect(docsA.compact('doc', state, new Uint8Array([0]), 2)).toBe(true);
    expect(docsB.compact('doc', state, new Uint8Array([0]), 1)).toBe(false);
    expect(docsB.since('doc', 0).lastSeq).toBe(2);
  });
});
