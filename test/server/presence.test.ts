import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { colorFor } from '../../shared/presence';
import { MAX_PRESENCE_IDS } from '../../server/sync/presence';
import {
  connect,
  createAgreement,
  invite as inviteAs,
  rawSocket,
  useTestServer,
  synced,
  waitFor,
  type Client,
  type Invited,
  type TestAgreement,
} from './harness';

const server = useTestServer();
const clients: Client[] = [];
const sockets: { close(): void }[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.close();
});

const open = (a: { id: string }, token: string, doc?: Y.Doc): Client => {
  const c = connect(server.wsUrl, a.id, token, doc);
  clients.push(c);
  return c;
};

const invite = (a: TestAgreement, name: string, role: 'editor' | 'viewer'): Promise<Invited> => inviteAs(server.url, a, { role, name });

/** An awareness message as any client could send it: [1, varUint8Array(update)]. */
function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(update, e.clientId);
    encoding.writeVarUint(update, e.clock);
    encoding.writeVarString(update, JSON.stringify(e.state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

async function crafter(a: TestAgreement, token: string): Promise<(frame: Uint8Array) => void> {
  const raw = await rawSocket(server.wsUrl, a.id, token);
  sockets.push(raw.ws);
  return (frame) => raw.ws.send(frame);
}

const userOf = (observer: Client, clientId: number): Record<string, unknown> | undefined =>
  observer.provider.awareness.getStates().get(clientId)?.['user'] as Record<string, unknown> | undefined;

describe('presence is stamped by the server', () => {
  it('others see the session’s name, party and role, whatever the client announces', async () => {
    const a = await createAgreement(server.url);
    const bruno = await invite(a, 'Bruno', 'viewer');
    const owner = open(a, a.token);
    const viewer = open(a, bruno.token);
    await Promise.all([synced(owner), synced(viewer)]);
    viewer.provider.awareness.setLocalState({
      user: { name: 'The Owner', role: 'owner', color: '#000000', partyId: 'x', party: 'Fake Inc.' },
      section: 'purpose',
    });
    await waitFor(() => userOf(owner, viewer.doc.clientID) !== undefined, 'presence');
    expect(userOf(owner, viewer.doc.clientID)).toEqual({
      name: 'Bruno',
      role: 'viewer',
      color: colorFor(bruno.id),
      partyId: a.content.parties[1]?.id,
      party: a.content.parties[1]?.legalName,
    });
    // What is not identity (the section, the caret) passes unchanged.
    expect(owner.provider.awareness.getStates().get(viewer.doc.clientID)?.['section']).toBe('purpose');
  });

  it('nobody can replace or remove another participant’s presence', async () => {
    const a = await createAgreement(server.url);
    const mallory = await invite(a, 'Mallory', 'editor');
    const owner = open(a, a.token);
    const observer = open(a, a.token);
    await Promise.all([synced(owner), synced(observer)]);
    owner.provider.awareness.setLocalStateField('section', 'context');
    await waitFor(() => observer.provider.awareness.getStates().get(owner.doc.clientID)?.['section'] === 'context', 'owner presence');
    const clock = owner.provider.awareness.meta.get(owner.doc.clientID)?.clock ?? 0;

    const send = await crafter(a, mallory.token);
    send(awarenessFrame([{ clientId: owner.doc.clientID, clock: clock + 10, state: { section: 'duration' } }]));
    send(awarenessFrame([{ clientId: owner.doc.clientID, clock: clock + 20, state: null }]));
    // Her own state, sent after, arrives: so the two before were handled, and dropped.
    send(awarenessFrame([{ clientId: 424242, clock: 1, state: { section: 'purpose' } }]));
    await waitFor(() => userOf(observer, 424242) !== undefined, 'mallory presence');

    expect(userOf(observer, 424242)?.['name']).toBe('Mallory');
    expect(observer.provider.awareness.getStates().get(owner.doc.clientID)?.['section']).toBe('context');
    expect(userOf(observer, owner.doc.clientID)?.['role']).toBe('owner');
  });

  it('oversize or non-object states, and more than a few ids per connection, are not passed on', async () => {
    const a = await createAgreement(server.url);
    const observer = open(a, a.token);
    await synced(observer);
    const send = await crafter(a, a.token);
    send(
      awarenessFrame([
        { clientId: 1001, clock: 1, state: { section: 'x'.repeat(10_000) } },
        { clientId: 1002, clock: 1, state: [1, 2, 3] },
        { clientId: 1003, clock: 1, state: 'hello' },
      ]),
    );
    const ids = Array.from({ length: MAX_PRESENCE_IDS + 2 }, (_, i) => 2000 + i);
    send(awarenessFrame(ids.map((clientId) => ({ clientId, clock: 1, state: { section: 'purpose' } }))));
    await waitFor(() => observer.provider.awareness.getStates().has(2000), 'presence');
    await new Promise((r) => setTimeout(r, 100));
    const seen = [...observer.provider.awareness.getStates().keys()].filter((id) => id !== observer.doc.clientID).sort();
    expect(seen).toEqual(ids.slice(0, MAX_PRESENCE_IDS));
  });

  it('the same person reconnecting with the same client id takes their presence over, and it leaves with them', async () => {
    const a = await createAgreement(server.url);
    const observer = open(a, a.token);
    const first = open(a, a.token);
    await Promise.all([synced(observer), synced(first)]);
    first.provider.awareness.setLocalStateField('section', 'purpose');
    await waitFor(() => observer.provider.awareness.getStates().get(first.doc.clientID)?.['section'] === 'purpose', 'first presence');

    // A second tab of the same session reusing the id (as a reconnect does while the old socket lingers).
    const doc = new Y.Doc();
    doc.clientID = first.doc.clientID;
    const second = open(a, a.token, doc);
    await synced(second);
    second.provider.awareness.setLocalStateField('section', 'duration');
    await waitFor(() => observer.provider.awareness.getStates().get(first.doc.clientID)?.['section'] === 'duration', 'taken over');
    first.provider.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    expect(observer.provider.awareness.getStates().get(first.doc.clientID)?.['section']).toBe('duration');
    second.provider.disconnect();
    await waitFor(() => !observer.provider.awareness.getStates().has(first.doc.clientID), 'left');
  });
});
