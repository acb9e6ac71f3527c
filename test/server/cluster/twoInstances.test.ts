import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import pg from 'pg';
import { CloseCode } from '../../../shared/closeCodes';
import { fragmentName } from '../../../shared/schema';
import type { ThreadView } from '../../../shared/api';
import { agreementCall, createAgreement, invite, listenEvents, rawSocket, synced, useCleanup, waitFor, type TestServer } from '../harness';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../pgTestDb';
import { textOf, typeLine, useTwoInstances } from './clusterTest';
import { readyAgreement } from '../signingFixture';

describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)('two instances on one PostgreSQL and one Redis', () => {
  // compactAfter high: the test counts the stored updates.
  const cluster = useTwoInstances({ compactAfter: 100_000 });
  const { open } = cluster;
  const cleanup = useCleanup();
  let one: TestServer;
  let two: TestServer;
  beforeAll(() => ({ one, two } = cluster));
  const typeInto = (doc: Y.Doc, fragment: string, text: string): void => typeLine(doc, text, fragment);

  async function storedRows(docId: string): Promise<number> {
    const client = new pg.Client({ connectionString: cluster.db.url });
    await client.connect();
    try {
      const res = await client.query<{ n: string }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', [docId]);
      return Number(res.rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  }

  it('clients on both instances type and converge, and each update is stored once', async () => {
    const a = await createAgreement(one.url);
    const editor = await invite(one.url, a, { role: 'editor' });
    const left = open(one, a.id, a.token);
    const right = open(two, a.id, editor.token);
    await Promise.all([synced(left), synced(right)]);
    const before = await storedRows(a.id);
    for (let i = 0; i < 20; i++) {
      typeInto(left.doc, fragmentName('purpose'), `gauche ${i}`);
      typeInto(right.doc, fragmentName('purpose'), `droite ${i}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(
      () => textOf(left.doc) === textOf(right.doc) && textOf(left.doc).includes('gauche 19') && textOf(left.doc).includes('droite 19'),
      'convergence',
    );
    // 40 client updates, nothing stored twice (an update received from the other instance is never stored again).
    await new Promise((r) => setTimeout(r, 300));
    expect((await storedRows(a.id)) - before).toBe(40);
    // A client opening it now, on either instance, gets the same document.
    const late = open(two, a.id, a.token);
    await synced(late);
    expect(textOf(late.doc)).toBe(textOf(left.doc));
  });

  it('presence crosses instances, and leaves when its client does', async () => {
    const a = await createAgreement(one.url);
    const left = open(one, a.id, a.token);
    const right = open(two, a.id, a.token);
    await Promise.all([synced(left), synced(right)]);
    left.provider.awareness.setLocalStateField('section', 'purpose');
    await waitFor(() => right.provider.awareness.getStates().get(left.doc.clientID)?.['section'] === 'purpose', 'presence on the other instance');
    // Stamped by the instance that holds the connection, as on one.
    expect(right.provider.awareness.getStates().get(left.doc.clientID)?.['user']).toMatchObject({ name: 'Odile Owner' });
    // A client joining the other instance later is told who is there.
    const late = open(two, a.id, a.token);
    await synced(late);
    await waitFor(() => late.provider.awareness.getStates().get(left.doc.clientID)?.['section'] === 'purpose', 'presence for a late joiner');
    left.destroy();
    await waitFor(() => right.provider.awareness.getStates().get(left.doc.clientID) === undefined, 'presence removed');
  });

  it('events reach streams on the other instance, each as its participant may see them', async () => {
    const a = await createAgreement(one.url, { owner: { name: 'Odile Owner', email: 'odile@example.org', partyIndex: 0 } });
    const colleague = await invite(one.url, a, { role: 'commenter', name: 'Collègue', partyIndex: 0 });
    const partner = await invite(one.url, a, { role: 'commenter', name: 'Partenaire', partyIndex: 1 });
    const theirs = listenEvents(two.url, partner.token, a.id, cleanup);
    const ours = listenEvents(two.url, colleague.token, a.id, cleanup);
    await waitFor(() => theirs.events.length > 0 && ours.events.length > 0, 'streams ready');
    const shared = await agreementCall<ThreadView>(one.url, a.token, a.id, '/threads', 'POST', { section: 'purpose', body: 'Pour tous' });
    const internal = await agreementCall<ThreadView>(one.url, a.token, a.id, '/threads', 'POST', {
      section: 'purpose',
      body: 'Entre nous',
      visibility: 'party',
    });
    expect([shared.status, internal.status]).toEqual([201, 201]);
    const threads = (events: { event: string; data: unknown }[]): string[] => events.filter((e) => e.event === 'thread').map((e) => (e.data as ThreadView).id);
    await waitFor(() => threads(ours.events).length === 2 && threads(theirs.events).length === 1, 'thread events');
    await new Promise((r) => setTimeout(r, 200));
    expect(threads(ours.events)).toEqual([shared.body.id, internal.body.id]);
    // The other party's stream never hears of the internal thread.
    expect(threads(theirs.events)).toEqual([shared.body.id]);
    // A plain event too.
    expect((await agreementCall(one.url, a.token, a.id, `/participants/${partner.id}`, 'DELETE')).status).toBe(200);
    await waitFor(() => ours.events.some((e) => e.event === 'participants'), 'participants event');
  });

  it('a lock taken on one instance closes the sockets on the other with 4001, and they reconnect read-only', async () => {
    const ready = await readyAgreement(one.url);
    const socket = await rawSocket(two.wsUrl, ready.a.id, ready.a.token);
    const client = open(two, ready.a.id, ready.partner.token);
    await synced(client);
    const closes: number[] = [];
    client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    await ready.lock();
    expect((await socket.closed).code).toBe(CloseCode.RightsChanged);
    await waitFor(() => closes.includes(CloseCode.RightsChanged), 'the provider closed with 4001');
    // Reconnected, its edits are dropped: the document on the first instance does not change.
    await synced(client);
    await waitFor(() => client.provider.wsconnected, 'reconnected');
    typeInto(client.doc, fragmentName('purpose'), 'après le verrou');
    await new Promise((r) => setTimeout(r, 300));
    const check = open(one, ready.a.id, ready.a.token);
    await synced(check);
    expect(textOf(check.doc)).not.toContain('après le verrou');
  });

  it("a revocation on one instance closes the participant's socket and stream on the other", async () => {
    const a = await createAgreement(one.url);
    const editor = await invite(one.url, a, { role: 'editor' });
    const socket = await rawSocket(two.wsUrl, a.id, editor.token);
    const owners = await rawSocket(two.wsUrl, a.id, a.token);
    const res = await fetch(`${two.url}/api/agreements/${a.id}/events`, { headers: { authorization: `Bearer ${editor.token}` } });
    const stream = res.body?.getReader();
    const ended = (async () => {
      for (;;) if ((await stream?.read())?.done !== false) return true;
    })();
    expect((await agreementCall(one.url, a.token, a.id, `/participants/${editor.id}`, 'DELETE')).status).toBe(200);
    expect((await socket.closed).code).toBe(CloseCode.Revoked);
    expect(await ended).toBe(true);
    // Only theirs.
    await new Promise((r) => setTimeout(r, 100));
    expect(owners.ws.readyState).toBe(owners.ws.OPEN);
    owners.ws.close();
  });

  it('a lost message is caught up from the store', async () => {
    const a = await createAgreement(one.url);
    const left = open(one, a.id, a.token);
    const right = open(two, a.id, a.token);
    await Promise.all([synced(left), synced(right)]);
    // An update stored without its message (as if Redis lost it): straight into the log, after the last number.
    const side = new Y.Doc();
    Y.applyUpdate(side, Y.encodeStateAsUpdate(left.doc));
    const sv = Y.encodeStateVector(side);
    typeInto(side, fragmentName('context'), 'perdu en route');
    const lost = Y.encodeStateAsUpdate(side, sv);
    const client = new pg.Client({ connectionString: cluster.db.url });
    await client.connect();
    try {
      await client.query(
        'INSERT INTO doc_updates (doc_id, seq, data) SELECT $1, coalesce(max(seq), 0) + 1, $2 FROM (SELECT seq FROM doc_updates WHERE doc_id = $1 UNION ALL SELECT last_seq FROM doc_snapshots WHERE doc_id = $1) s',
        [a.id, Buffer.from(lost)],
      );
    } finally {
      await client.end();
    }
    // The next update reveals the gap on both instances: each reads the store and both clients get the lost one.
    typeInto(left.doc, fragmentName('purpose'), 'ensuite');
    const context = fragmentName('context');
    await waitFor(() => textOf(right.doc, context).includes('perdu en route') && textOf(left.doc, context).includes('perdu en route'), 'the lost update');
    expect(textOf(right.doc)).toContain('ensuite');
  });
});
