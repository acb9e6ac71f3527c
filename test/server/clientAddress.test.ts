import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../server/clientAddress';
import { loadConfig } from '../../server/config';
import { openTestDb, startTestServer, useCleanup, type TestServer } from './harness';
import { readyAgreement, type ReadyAgreement } from './signingFixture';

const cleanup = useCleanup();

describe('the client address behind proxies (TRUST_PROXY)', () => {
  it('takes the Nth entry from the right of X-Forwarded-For, never further left than it goes, and nothing that is no IP', () => {
    const socket = '10.0.0.2';
    expect(clientAddress(socket, '6.6.6.6, 203.0.113.7', 0)).toBe(socket);
    expect(clientAddress(socket, '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress(socket, '6.6.6.6,203.0.113.7, 10.0.0.9', 2)).toBe('203.0.113.7');
    expect(clientAddress(socket, '203.0.113.7', 3)).toBe('203.0.113.7');
    expect(clientAddress(socket, '6.6.6.6, 2001:db8::7', 1)).toBe('2001:db8::7');
    expect(clientAddress(socket, undefined, 1)).toBe(socket);
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
    for (const junk of ['', 'evil', '203.0.113.7:4431', '[2001:db8::7]', '6.6.6.6, ', '203.0.113.7 6.6.6.6', '<script>'])
      expect(clientAddress(socket, junk, 1)).toBe(socket);
  });

  it('is read from the environment: unset is none, a count of proxies, anything else refused', () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    for (const bad of ['true', 'two', '-1', '1.5', '100']) expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });
});

async function server(trustProxy?: number): Promise<TestServer> {
  const s = await startTestServer({ trustProxy });
  cleanup.push(() => s.dispose());
  return s;
}

async function signAs(s: TestServer, r: ReadyAgreement, token: string, fullName: string, forwardedFor: string): Promise<void> {
  const hash = (await r.status()).version!.hash;
  const res = await fetch(`${s.url}/api/agreements/${r.a.id}/sign`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ fullName, title: 'Direction', versionHash: hash }),
  });
  expect(res.status).toBe(200);
}

async function recordedAddresses(s: TestServer): Promise<Record<string, string>> {
  const db = await openTestDb(s.dataDir);
  try {
    const rows = db.prepare<[], { full_name: string; ip: string }>('SELECT full_name, ip FROM signatures').all();
    return Object.fromEntries(rows.map((r) => [r.full_name, r.ip]));
  } finally {
    db.close();
  }
}

/** A sign-in link opened with a token nobody was given: 410 while under the per-address limit (30), then 429. */
const redeem = (s: TestServer, forwardedFor: string, n: number): Promise<number> =>
  fetch(`${s.url}/api/person/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ token: String(n).padStart(43, 'x') }),
  }).then((res) => res.status);

describe('signatures and sign-in limits see the client address', () => {
  it('with TRUST_PROXY=1: the balancer’s entry, whatever the client put on its left; junk counts for nothing', async () => {
    const s = await server(1);
    const r = await readyAgreement(s.url);
    await r.lock();
    await signAs(s, r, r.a.token, 'Odile', '6.6.6.6, 203.0.113.7');
    await signAs(s, r, r.partner.token, 'Paul Partenaire', 'not-an-address');
    expect(await recordedAddresses(s)).toEqual({ Odile: '203.0.113.7', 'Paul Partenaire': '127.0.0.1' });

    // A new forged entry on the left each time does not make a new address to count against.
    for (let i = 0; i < 30; i++) expect(await redeem(s, `198.18.0.${i}, 203.0.113.9`, i)).toBe(410);
    expect(await redeem(s, '198.18.1.1, 203.0.113.9', 30)).toBe(429);
    // Another client behind the same balancer has a count of its own.
    expect(await redeem(s, '198.51.100.4', 31)).toBe(410);
  });

  it('without TRUST_PROXY: X-Forwarded-For is ignored, the socket’s address is recorded and counted', async () => {
    const s = await server();
    const r = await readyAgreement(s.url);
    await r.lock();
    await signAs(s, r, r.a.token, 'Odile', '203.0.113.7');
    expect(await recordedAddresses(s)).toEqual({ Odile: '127.0.0.1' });
    for (let i = 0; i < 30; i++) expect(await redeem(s, `198.51.100.${i}`, i)).toBe(410);
    expect(await redeem(s, '198.51.100.200', 30)).toBe(429);
  });
});
