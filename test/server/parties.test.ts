import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AuditView, PartyView } from '../../shared/api';
import { CloseCode } from '../../shared/closeCodes';
import { fragmentName, getMeta, getPartyIdList, partyIdsOf, partyMap } from '../../shared/schema';
import { paragraph } from './fill';
import { updateMessage } from '../../server/sync/protocol';
import {
  agreementCall,
  connect,
  createAgreement,
  invite,
  listenEvents,
  useTestServer,
  useCleanup,
  synced,
  waitFor,
  type Client,
  type TestAgreement,
} from './harness';

const server = useTestServer();
const cleanup = useCleanup();

const call = <T>(token: string, a: { id: string }, path: string, method = 'GET', body?: unknown) =>
  agreementCall<T>(server.url, token, a.id, path, method, body);

function open(a: TestAgreement, token: string): Client {
  const client = connect(server.wsUrl, a.id, token);
  cleanup.push(() => client.destroy());
  return client;
}

/** The first close code the server sends this client. */
function closeCode(client: Client): Promise<number> {
  return new Promise((resolve) => client.provider.on('connection-close', (event) => resolve(event?.code ?? 0)));
}

/** What a newcomer receives: the stored document, read through a fresh client. */
async function freshDoc(a: TestAgreement): Promise<Y.Doc> {
  const reader = open(a, a.token);
  await synced(reader);
  return reader.doc;
}

describe('parties are server data', () => {
  it("an editor's update that removes another party is refused and nothing of it is stored", async () => {
    const a = await createAgreement(server.url, { parties: [{ legalName: 'Centre A' }, { legalName: 'Réseau B' }] });
    const editor = await invite(server.url, a, { role: 'editor', partyIndex: 0 });
    const client = open(a, editor.token);
    await synced(client);
    expect(partyIdsOf(client.doc)).toHaveLength(2);
    const closed = closeCode(client);
    client.doc.transact(() => {
      client.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('sent with the deletion')]);
      getPartyIdList(client.doc).delete(1, 1);
    });
    expect(await closed).toBe(CloseCode.OutsideSchema);
    client.provider.disconnect();

    const stored = await freshDoc(a);
    expect(partyIdsOf(stored)).toEqual(a.content.parties.map((p) => p.id));
    expect(stored.getXmlFragment(fragmentName('purpose')).toString()).not.toContain('sent with the deletion');
    const status = await call<{ checklist: { key: string; missing: string[] }[] }>(a.token, a, '/status');
    const approvals = status.body.checklist.find((c) => c.key === 'approvals');
    expect(approvals?.missing.some((m) => m.endsWith(`:${a.content.parties[1]?.id}`))).toBe(true);
  });

  it('an update that creates a top-level type the schema does not name is refused (4406) and stores nothing', async () => {
    const a = await createAgreement(server.url);
    const forged = [
      (doc: Y.Doc) => doc.getMap('evil').set('x', 1),
      (doc: Y.Doc) => doc.getMap('party:0123456789abcdef').set('legalName', 'Forged party'),
      (doc: Y.Doc) => getPartyIdList(doc).push(['0123456789abcdef']),
      (doc: Y.Doc) => doc.getArray('parties').push([new Y.Map()]),
      (doc: Y.Doc) => doc.getXmlFragment('section:responsibilities:0123456789abcdef').push([paragraph('x')]),
    ];
    for (const forge of forged) {
      const client = open(a, a.token);
      await synced(client);
      const closed = closeCode(client);
      client.doc.transact(() => {
        getMeta(client.doc).set('title', 'changed with the forgery');
        forge(client.doc);
      });
      expect(await closed).toBe(CloseCode.OutsideSchema);
      client.destroy();
    }
    const stored = await freshDoc(a);
    expect(getMeta(stored).get('title')).toBe('Entente de test');
    expect([...stored.share.keys()].filter((k) => k === 'evil' || k.includes('0123456789abcdef'))).toEqual([]);
    expect(partyIdsOf(stored)).toHaveLength(2);
  });

  it("an editor still edits the parties' fields, lists and per-party sections", async () => {
    const a = await createAgreement(server.url);
    const editor = await invite(server.url, a, { role: 'editor', partyIndex: 1 });
    const client = open(a, editor.token);
    await synced(client);
    const [first, second] = partyIdsOf(client.doc);
    if (!first || !second) throw new Error('two parties expected');
    client.doc.transact(() => {
      partyMap(client.doc, first).set('legalName', 'Centre francophone');
      const contacts = partyMap(client.doc, second).get('contacts') as Y.Array<Y.Map<unknown>>;
      const contact = new Y.Map<unknown>();
      contact.set('title', 'Coordonnatrice');
      contacts.push([contact]);
      client.doc.getXmlFragment(fragmentName('responsibilities', second)).push([paragraph('Offrir les ateliers')]);
    });
    await waitFor(() => server.rooms.loaded(a.id)?.snapshot().getXmlFragment(fragmentName('responsibilities', second)).length === 1, 'stored');
    const detail = await call<{ content: TestAgreement['content'] }>(a.token, a, '');
    expect(detail.body.content.parties[0]?.legalName).toBe('Centre francophone');
    expect(detail.body.content.parties[1]?.contacts.map((c) => c.title)).toEqual(['Coordonnatrice']);
    expect(detail.body.content.parties[1]?.sections['responsibilities']).toBe('Offrir les ateliers');
  });

  it('the owner adds a party: audited, live in the document and on the event stream', async () => {
    const a = await createAgreement(server.url);
    const editor = await invite(server.url, a, { role: 'editor', partyIndex: 1 });
    const { events } = listenEvents(server.url, editor.token, a.id, cleanup);
    const client = open(a, editor.token);
    await synced(client);
    await waitFor(() => events.some((e) => e.event === 'ready'), 'stream open');

    expect((await call(editor.token, a, '/parties', 'POST', { legalName: 'Pas moi' })).status).toBe(403);
    const added = await call<PartyView>(a.token, a, '/parties', 'POST', { legalName: 'Syndicat local 42' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ index: 2, legalName: 'Syndicat local 42', participants: 0 });
    await waitFor(() => partyIdsOf(client.doc).includes(added.body.id), 'party reaches the editor');
    expect(partyMap(client.doc, added.body.id).get('legalName')).toBe('Syndicat local 42');
    await waitFor(() => events.some((e) => e.event === 'parties'), 'parties event');
    const event = events.find((e) => e.event === 'parties')?.data as { parties: PartyView[] };
    expect(event.parties.map((p) => p.id)).toEqual([...a.content.parties.map((p) => p.id), added.body.id]);

    // The new party's part of each section is writable at once.
    client.doc.getXmlFragment(fragmentName('responsibilities', added.body.id)).push([paragraph('Prêter une salle')]);
    await waitFor(() => server.rooms.loaded(a.id)?.snapshot().getXmlFragment(fragmentName('responsibilities', added.body.id)).length === 1, 'stored');

    const audit = await call<AuditView>(a.token, a, '/audit');
    expect(audit.body.entries.some((e) => e.action === 'party_added' && e.details['partyId'] === added.body.id)).toBe(true);
  });

  it('a party is removed only above the minimum, without participants, approvals or signatures', async () => {
    const a = await createAgreement(server.url);
    const [first, second] = a.content.parties.map((p) => p.id);
    expect((await call(a.token, a, `/parties/${second}`, 'DELETE')).body).toMatchObject({ error: 'min_parties' });

    const third = (await call<PartyView>(a.token, a, '/parties', 'POST', {})).body.id;
    const fourth = (await call<PartyView>(a.token, a, '/parties', 'POST', {})).body.id;
    // The owner belongs to the first party.
    expect((await call(a.token, a, `/parties/${first}`, 'DELETE')).body).toMatchObject({ error: 'party_has_participants' });

    // A party that approved keeps its place, even once its approver is gone.
    const approver = await invite(
      server.url,
      { ...a, content: { ...a.content, parties: [...a.content.parties, { ...a.content.parties[0]!, id: third }] } },
      { role: 'editor', partyIndex: 2 },
    );
    expect((await call(approver.token, a, '/approvals', 'POST', { section: 'purpose' })).status).toBe(201);
    expect((await call(a.token, a, `/participants/${approver.id}`, 'DELETE')).status).toBe(200);
    expect((await call(a.token, a, `/parties/${third}`, 'DELETE')).body).toMatchObject({ error: 'party_has_signed' });

    const removed = await call<{ parties: PartyView[] }>(a.token, a, `/parties/${fourth}`, 'DELETE');
    expect(removed.status).toBe(200);
    expect(removed.body.parties.map((p) => p.id)).toEqual([first, second, third]);
    expect(partyIdsOf(await freshDoc(a))).toEqual([first, second, third]);
    expect((await call(a.token, a, `/parties/${fourth}`, 'DELETE')).status).toBe(404);
    expect((await call(a.token, a, '/parties/%E0%A4%A', 'DELETE')).status).toBe(404);
    const audit = await call<AuditView>(a.token, a, '/audit');
    expect(audit.body.entries.filter((e) => e.action === 'party_removed').map((e) => e.details['partyId'])).toEqual([fourth]);
  });

  it('after the owner removed a party, clients that saw it reconnect and edit as before', async () => {
    const a = await createAgreement(server.url);
    const extra = (await call<PartyView>(a.token, a, '/parties', 'POST', {})).body.id;
    const editor = await invite(server.url, a, { role: 'editor', partyIndex: 1 });
    const client = open(a, editor.token);
    await synced(client);
    await waitFor(() => partyIdsOf(client.doc).includes(extra), 'party arrives');
    expect((await call(a.token, a, `/parties/${extra}`, 'DELETE')).status).toBe(200);
    await waitFor(() => !partyIdsOf(client.doc).includes(extra), 'removal arrives');

    // Its sync step 2 carries its whole delete set, the party's removal included.
    let closed = 0;
    client.provider.on('connection-close', (event) => void (closed = event?.code ?? 0));
    client.provider.disconnect();
    client.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('after the reconnection')]);
    client.provider.connect();
    await synced(client);
    await waitFor(
      () => server.rooms.loaded(a.id)?.snapshot().getXmlFragment(fragmentName('purpose')).toString().includes('after the reconnection') === true,
      'stored',
    );
    expect(closed).not.toBe(CloseCode.OutsideSchema);
  });

  it('a client that sends again what the server already has (its whole local copy, party list included) is not refused', async () => {
    const a = await createAgreement(server.url);
    const editor = await invite(server.url, a, { role: 'editor', partyIndex: 1 });
    const client = open(a, editor.token);
    await synced(client);
    let closed = 0;
    client.provider.on('connection-close', (event) => void (closed = event?.code ?? 0));
    // What y-indexeddb does when it loads after the socket connected: everything, as one update.
    const everything = new Y.Doc();
    Y.applyUpdate(everything, Y.encodeStateAsUpdate(client.doc));
    everything.getXmlFragment(fragmentName('purpose')).push([paragraph('with something new')]);
    client.provider.ws?.send(new Uint8Array(updateMessage(Y.encodeStateAsUpdate(everything))));
    await waitFor(
      () => server.rooms.loaded(a.id)?.snapshot().getXmlFragment(fragmentName('purpose')).toString().includes('with something new') === true,
      'stored',
    );
    expect(closed).toBe(0);
  });

  it('a participant can only be put in a party the server lists', async () => {
    const a = await createAgreement(server.url);
    const res = await call(a.token, a, '/participants', 'POST', { name: 'X', email: 'x@example.org', partyId: '0123456789abcdef', role: 'editor' });
    expect(res.status).toBe(400);
  });
});
