import { afterEach, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../../server/store/errors';
import { SyncClient } from '../../../server/store/postgres/syncClient';
import { TEST_DATABASE_URL } from '../pgTestDb';
import { tcpProxy, type TcpProxy } from '../tcpProxy';

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL answered synchronously', () => {
  const open: (SyncClient | TcpProxy)[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close();
  });

  it('gives up on a connection that stops answering, and the next statement connects afresh', async () => {
    const url = new URL(TEST_DATABASE_URL ?? '');
    const proxy = await tcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    open.push(proxy);
    url.host = `127.0.0.1:${proxy.port}`;
    const client = new SyncClient(url.toString(), { answerTimeoutMs: 800 });
    open.push(client);
    expect(client.query('SELECT 1 AS one', []).rows).toEqual([{ one: 1 }]);
    // A partition: the connection carries nothing and no reset ever comes.
    await proxy.freeze();
    const t0 = performance.now();
    expect(() => client.query('SELECT 2 AS two', [])).toThrow(StorageUnavailableError);
    expect(performance.now() - t0).toBeLessThan(3000);
    // The hung connection was dropped: a new one answers, not a queue behind the old.
    await new Promise((r) => setTimeout(r, 100));
    expect(client.query('SELECT 3 AS three', []).rows).toEqual([{ three: 3 }]);
  });

  it('tells a statement PostgreSQL refused from a database it cannot reach', async () => {
    const client = new SyncClient(TEST_DATABASE_URL ?? '');
    open.push(client);
    expect(() => client.query('SELECT * FROM no_such_table', [])).toThrow(/no_such_table/);
    expect(() => client.query('SELECT * FROM no_such_table', [])).not.toThrow(StorageUnavailableError);
    const nowhere = new SyncClient('postgres://entente:entente@127.0.0.1:1/none', { connectTimeoutMs: 500 });
    open.push(nowhere);
    expect(() => nowhere.query('SELECT 1', [])).toThrow(StorageUnavailableError);
  });
});
