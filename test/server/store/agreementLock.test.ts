import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { AuditLog } from '../../../server/store/audit';
import { HistoryStore } from '../../../server/store/history';
import { openPostgres, type PgDb } from '../../../server/store/postgres/pgDb';
import { freshDatabase, TEST_DATABASE_URL, type FreshDatabase } from '../pgTestDb';

/*
 * Another instance inside a transaction that holds the agreement's row for
 * `ms`, in a thread of its own: this instance blocks on the database while it
 * waits, so the holder must not need this thread's event loop.
 */
const HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
(async () => {
  const c = new pg.Client({ connectionString: workerData.url });
  await c.connect();
  await c.query('BEGIN');
  await c.query("SELECT id FROM agreements WHERE id = 'doc' FOR UPDATE");
  parentPort.postMessage('holding');
  await new Promise((r) => setTimeout(r, workerData.ms));
  await c.query('COMMIT');
  await c.end();
  parentPort.postMessage('released');
})();
`;

async function holdAgreement(url: string, ms: number): Promise<Worker> {
  const worker = new Worker(HOLDER, { eval: true, workerData: { url, ms, pgPath: createRequire(import.meta.url).resolve('pg') } });
  await new Promise<void>((resolve) => worker.once('message', () => resolve()));
  return worker;
}

describe.skipIf(!TEST_DATABASE_URL)("what chains or numbers an agreement's rows waits for the agreement, on PostgreSQL", () => {
  const open: { fresh: FreshDatabase; db: PgDb }[] = [];
  afterEach(async () => {
    for (const { fresh, db } of open.splice(0)) {
      db.close();
      await fresh.drop();
    }
  });
  const start = async (): Promise<{ fresh: FreshDatabase; db: PgDb }> => {
    const fresh = await freshDatabase();
    const db = openPostgres(fresh.url);
    db.prepare("INSERT INTO agreements (id, title, language, template_id, created_at, updated_at) VALUES ('doc', 't', 'en', 'mou', '', '')").run();
    open.push({ fresh, db });
    return { fresh, db };
  };

  it('an audit entry waits while another instance holds the agreement, then chains to the latest entry', async () => {
    const { fresh, db } = await start();
    const audit = new AuditLog(db);
    audit.append('doc', null, 'created');
    const holder = await holdAgreement(fresh.url, 600);
    const t0 = performance.now();
    audit.append('doc', null, 'locked');
    expect(performance.now() - t0).toBeGreaterThan(400);
    await holder.terminate();
    expect(audit.verify('doc')).toMatchObject({ ok: true, entries: 2 });
  });

  it('a history entry takes its number only once the agreement is free', async () => {
    const { fresh, db } = await start();
    const history = new HistoryStore(db);
    const entry = (id: string) => ({
      id,
      agreementId: 'doc',
      kind: 'auto' as const,
      name: null,
      createdAt: new Date().toISOString(),
      createdBy: null,
      authors: [],
      sections: [],
      parties: [],
      hash: id,
      lockedVersion: null,
      restoredFrom: null,
      state: new Uint8Array([0, 0]),
      canonical: '{}',
    });
    history.add(entry('h1'));
    const holder = await holdAgreement(fresh.url, 600);
    const t0 = performance.now();
    const second = history.add(entry('h2'));
    expect(performance.now() - t0).toBeGreaterThan(400);
    await holder.terminate();
    expect(second.number).toBe(2);
  });
});
