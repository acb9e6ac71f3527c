import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import type { AuthorView } from '../../shared/api';
import { CloseCode } from '../../shared/closeCodes';
import { fragmentName, getMeta } from '../../shared/schema';
import { updateMessage } from '../../server/sync/protocol';
import { paragraph } from './fill';
import {
  agreementCall,
  connect,
  createAgreement,
  invite,
  listenEvents,
  startTestServer,
  synced,
  tempDir,
  waitFor,
  type Client,
  type TestAgreement,
  type TestServer,
} from './harness';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function serverOn(dataDir: string): Promise<TestServer> {
  const s = await startTestServer({ dataDir });
  cleanup.push(() => s.close());
  return s;
}
async function freshServer(): Promise<TestServer> {
  const dir = tempDir();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return serverOn(dir);
}
function open(s: TestServer, a: { id: string }, token: string, doc?: Y.Doc): Client {
  const c = connect(s.wsUrl, a.id, token, doc);
  cleanup.push(() => c.destroy());
  return c;
}
/** The first close code the server sends this client. */
const closeCode = (c: Client): Promise<number> => new Promise((resolve) => c.provider.on('connection-close', (event) => resolve(event?.code ?? 0)));

const purpose = (doc: Y.Doc): string => doc.getXmlFragment(fragmentName('purpose')).toString();
const write = (c: Client, text: string): void => writeIn(c.doc, text);
const authors = async (s: TestServer, token: string, a: TestAgreement) => agreementCall<{ authors: AuthorView[] }>(s.url, token, a.id, '/authors');
const storedPurpose = (s: TestServer, a: TestAgreement): string => s.rooms.read(a.id, purpose);

/**
 * Sends, over `c`'s socket, the update `change` makes in a copy of `c`'s
 * document that writes under `clientId` (set after the copy is built: Yjs
 * would otherwise pick a new id on seeing its own in the content).
 */
function sendAs(c: Client, clientId: number, change: (doc: Y.Doc) => void): void {
  const forger = new Y.Doc();
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(c.doc));
  forger.clientID = clientId;
  const updates: Uint8Array[] = [];
  forger.on('update', (u: Uint8Array) => void updates.push(u));
  forger.transact(() => change(forger));
  c.provider.ws?.send(new Uint8Array(updateMessage(Y.mergeUpdates(updates))));
  forger.destroy();
}
const writeIn = (doc: Y.Doc, text: string): void => void doc.getXmlFragment(fragmentName('purpose')).push([paragraph(text)]);

describe('server-verified authorship', () => {
  it('an update under a client id bound to another participant is refused (4409) and nothing of it is stored', async () => {
    const s = await freshServer();
    const a = await createAgreement(s.url);
    const bob = await invite(s.url, a, { role: 'editor', name: 'Bob Editor' });
    const owner = open(s, a, a.token);
    await synced(owner);
    write(owner, 'written by the owner');
    await waitFor(() => storedPurpose(s, a).includes('written by the owner'), 'stored');

    // Bob's doc takes the owner's client id: his next items continue the owner's clock.
    const thief = open(s, a, bob.token);
    await synced(thief);
    const closed = closeCode(thief);
    sendAs(thief, owner.doc.clientID, (doc) => {
      getMeta(doc).set('title', 'changed by the thief');
      writeIn(doc, 'forged as the owner');
    });
    expect(await closed).toBe(CloseCode.ClientIdTaken);

    expect(storedPurpose(s, a)).not.toContain('forged as the owner');
    expect(s.rooms.read(a.id, (doc) => getMeta(doc).get('title'))).toBe('Entente de test');
    // The owner, who holds that id, goes on writing under it.
    write(owner, 'the owner again');
    await waitFor(() => storedPurpose(s, a).includes('the owner again'), 'owner still writes');
  });

  it('items already stored do not count against whoever resends them (a local copy sent again)', async () => {
    const s = await freshServer();
    const a = await createAgreement(s.url);
    const bob = await invite(s.url, a, { role: 'editor', name: 'Bob Editor' });
    const owner = open(s, a, a.token);
    await synced(owner);
    write(owner, 'by the owner');
    await waitFor(() => storedPurpose(s, a).includes('by the owner'), 'stored');

    const other = open(s, a, bob.token);
    await synced(other);
    write(other, 'by Bob');
    // The whole local copy, the owner's items included, as y-indexeddb sends it when it loads.
    other.provider.ws?.send(new Uint8Array(updateMessage(Y.encodeStateAsUpdate(other.doc))));
    await waitFor(() => storedPurpose(s, a).includes('by Bob'), 'Bob stored');
    expect(other.provider.wsconnected).toBe(true);
  });

  it("gives everyone on the agreement the map of client ids to participants, live, and keeps it across a restart; another agreement's participant cannot read it", async () => {
    const dir = tempDir();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    let s = await serverOn(dir);
    const a = await createAgreement(s.url);
    const bob = await invite(s.url, a, { role: 'editor', name: 'Bob Editor', partyIndex: 1 });
    const viewer = await invite(s.url, a, { role: 'viewer', name: 'Vera Viewer' });
    const stream = listenEvents(s.url, viewer.token, a.id, cleanup);
    await waitFor(() => stream.events.some((e) => e.event === 'ready'), 'stream open');

    const owner = open(s, a, a.token);
    const other = open(s, a, bob.token);
    await Promise.all([synced(owner), synced(other)]);
    write(owner, 'owner text');
    write(other, 'bob text');
    await waitFor(() => storedPurpose(s, a).includes('bob text') && storedPurpose(s, a).includes('owner text'), 'stored');

    const map = await authors(s, viewer.token, a);
    expect(map.status).toBe(200);
    const byClient = new Map(map.body.authors.map((entry) => [entry.clientId, entry]));
    const ownerId = a.content.parties[0]?.id;
    expect(byClient.get(owner.doc.clientID)?.participant).toMatchObject({ name: 'Odile Owner', partyId: ownerId });
    expect(byClient.get(other.doc.clientID)?.participant).toEqual({ id: bob.id, name: 'Bob Editor', partyId: a.content.parties[1]?.id });
    // When: the first span starts where the client's first item is.
    const span = byClient.get(other.doc.clientID)?.spans[0];
    expect(span?.clock).toBe(0);
    expect(Math.abs(Date.parse(span?.at ?? '') - Date.now())).toBeLessThan(60_000);
    // The template's content was written by no participant.
    expect(map.body.authors.some((entry) => entry.participant === null)).toBe(true);

    // Live: the viewer's stream announced Bob's client id.
    await waitFor(
      () =>
        stream.events.some(
          (e) =>
            e.event === 'authors' &&
            (e.data as { authors: AuthorView[] }).authors.some((x) => x.clientId === other.doc.clientID && x.participant?.id === bob.id),
        ),
      'authors event',
    );

    const elsewhere = await createAgreement(s.url);
    expect((await agreementCall(s.url, elsewhere.token, a.id, '/authors')).status).toBe(403);

    // A restart keeps the bindings: Bob still cannot take the owner's id.
    const ownerClient = owner.doc.clientID;
    owner.destroy();
    other.destroy();
    await s.close();
    s = await serverOn(dir);
    expect((await authors(s, viewer.token, a)).body.authors.find((x) => x.clientId === ownerClient)?.participant?.name).toBe('Odile Owner');
    const thief = open(s, a, bob.token);
    await synced(thief);
    const closed = closeCode(thief);
    sendAs(thief, ownerClient, (doc) => writeIn(doc, 'after the restart'));
    expect(await closed).toBe(CloseCode.ClientIdTaken);
    expect(storedPurpose(s, a)).not.toContain('after the restart');
  });

  it("the server's own changes are bound to nobody, and no participant may write under the server's client id", async () => {
    const s = await freshServer();
    const a = await createAgreement(s.url);
    const owner = open(s, a, a.token);
    await synced(owner);
    // Adding a party makes the server write the party list into the document.
    const added = await agreementCall(s.url, a.token, a.id, '/parties', 'POST', { legalName: 'Troisième partie' });
    expect(added.status).toBe(201);
    const serverClient = s.rooms.loaded(a.id)?.snapshot().clientID ?? -1;
    await waitFor(() => owner.doc.store.clients.has(serverClient), 'the server change reached the owner');
    const map = await authors(s, a.token, a);
    expect(map.body.authors.find((x) => x.clientId === serverClient)).toMatchObject({ participant: null });

    const closed = closeCode(owner);
    sendAs(owner, serverClient, (doc) => writeIn(doc, 'as the server'));
    expect(await closed).toBe(CloseCode.ClientIdTaken);
    expect(storedPurpose(s, a)).not.toContain('as the server');
    // The server still writes.
    const again = await agreementCall(s.url, a.token, a.id, '/parties', 'POST', { legalName: 'Quatrième partie' });
    expect(again.status).toBe(201);
  });
});
