import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { Bus } from '../../../server/cluster/bus';
import { decodeDocMessage, encodeDocMessage } from '../../../server/cluster/docMessages';
import { startOwnRedis, type OwnRedis } from './ownRedis';

const hasRedis = await new Promise<boolean>((resolve) => {
  import('node:child_process').then(({ execFile }) => execFile('redis-server', ['--version'], (error) => resolve(!error))).catch(() => resolve(false));
});

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('document messages', () => {
  it('carry updates as bytes, and refuse what is not one', () => {
    const update = new Uint8Array([0, 255, 10, 13, 0, 128]);
    const decoded = decodeDocMessage(encodeDocMessage({ kind: 'update', from: 'abc', seq: 300, update }));
    expect(decoded).toEqual({ kind: 'update', from: 'abc', seq: 300, update });
    expect(decodeDocMessage(encodeDocMessage({ kind: 'query', from: 'x' }))).toEqual({ kind: 'query', from: 'x' });
    expect(decodeDocMessage(Buffer.from('hello'))).toBeNull();
    expect(decodeDocMessage(new Uint8Array([]))).toBeNull();
    // Trailing bytes: not ours.
    expect(decodeDocMessage(Buffer.concat([encodeDocMessage({ kind: 'head', from: 'a', seq: 1 }), Buffer.from([1])]))).toBeNull();
  });
});

describe.skipIf(!hasRedis)('the bus between instances', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setUp(): Promise<{ redis: OwnRedis; a: Bus; b: Bus; logs: string[] }> {
    const redis = await startOwnRedis();
    cleanup.push(() => redis.stop());
    const logs: string[] = [];
    const a = await Bus.connect(redis.url, (m) => logs.push(m));
    const b = await Bus.connect(redis.url, (m) => logs.push(m));
    cleanup.push(
      () => a.close(),
      () => b.close(),
    );
    return { redis, a, b, logs };
  }

  it('delivers binary messages to the subscribed instance, and stops after unsubscribe', async () => {
    const { a, b } = await setUp();
    const got: Buffer[] = [];
    await b.subscribe('entente:doc:one', (m) => got.push(m));
    const bytes = Buffer.from([0, 1, 2, 255, 0]);
    a.publish('entente:doc:one', bytes);
    a.publish('entente:doc:other', Buffer.from([9]));
    await waitFor(() => got.length === 1, 'the message');
    expect(got[0]?.equals(bytes)).toBe(true);
    b.unsubscribe('entente:doc:one');
    await new Promise((r) => setTimeout(r, 100));
    a.publish('entente:doc:one', bytes);
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toHaveLength(1);
    expect(a.instanceId).not.toBe(b.instanceId);
  });

  it('tells when Redis is back after a restart, subscribed again (what was published meanwhile is lost)', async () => {
    const { redis, a, b, logs } = await setUp();
    const got: number[] = [];
    await b.subscribe('c', (m) => got.push(m[0] ?? -1));
    await b.subscribe('e', () => undefined);
    let recovered = 0;
    b.onRecovered(() => recovered++);
    await redis.kill();
    await waitFor(() => !a.ready && !b.ready, 'both to notice');
    a.publish('c', Buffer.from([1])); // lost: at most once
    // Subscribed while Redis is away: in place once it is back.
    const later: number[] = [];
    b.subscribe('d', (m) => later.push(m[0] ?? -1)).catch(() => undefined);
    // Left while Redis is away: not subscribed again when it is back.
    b.unsubscribe('e');
    await redis.start();
    await waitFor(() => recovered > 0 && a.ready, 'recovery');
    a.publish('c', Buffer.from([2]));
    a.publish('d', Buffer.from([3]));
    await waitFor(() => got.length === 1 && later.length === 1, 'delivery after the restart');
    expect(got).toEqual([2]);
    expect(later).toEqual([3]);
    const probe = createClient({ url: redis.url });
    await probe.connect();
    expect(await probe.pubSubNumSub(['c', 'e'])).toEqual({ c: 1, e: 0 });
    await probe.close();
    // One line per outage and client, not one per retry.
    expect(logs.filter((l) => l.includes('retrying')).length).toBeLessThanOrEqual(4);
  });
});
