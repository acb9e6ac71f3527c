import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { CloseCode, LIMITS } from '../../shared/closeCodes';
import { fragmentName, getDuration, partyIdsOf } from '../../shared/schema';
import { updateMessage } from '../../server/sync/protocol';
import { connect, createAgreement, rawSocket, synced, waitFor, type Client, useTestServer } from './harness';

const server = useTestServer();
const clients: Client[] = [];
const open = (id: string, token: string, doc?: Y.Doc): Client => {
  const c = connect(server.wsUrl, id, token, doc);
  clients.push(c);
  return c;
};

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

function typeInto(doc: Y.Doc, fragment: string, text: string): void {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText(text);
  p.insert(0, [t]);
  doc.getXmlFragment(fragment).push([p]);
}
const textOf = (doc: Y.Doc, fragment: string): string => doc.getXmlFragment(fragment).toString();

describe('sync: real y-websocket clients', () => {
  it('a new client receives the agreement the server created', async () => {
    const { id, token } = await createAgreement(server.url, { title: 'Initial' });
    const a = open(id, token);
    await synced(a);
    expect(a.doc.getMap('meta').get('title')).toBe('Initial');
    expect(partyIdsOf(a.doc)).toHaveLength(2);
  });

  it('two clients editing different and the same sections converge', async () => {
    const { id, token } = await createAgreement(server.url);
    const a = open(id, token);
    const b = open(id, token);
    await Promise.all([synced(a), synced(b)]);
    typeInto(a.doc, fragmentName('purpose'), 'But de A');
    typeInto(b.doc, fragmentName('duration'), 'Durée de B');
    typeInto(a.doc, fragmentName('context'), 'Contexte A');
    typeInto(b.doc, fragmentName('context'), 'Contexte B');
    getDuration(b.doc).set('terminationNoticeDays', 90);
    await waitFor(
      () =>
        Y.encodeStateAsUpdate(a.doc).length === Y.encodeStateAsUpdate(b.doc).length &&
        textOf(a.doc, fragmentName('context')) === textOf(b.doc, fragmentName('context')) &&
        textOf(a.doc, fragmentName('context')).includes('Contexte A') &&
        textOf(a.doc, fragmentName('context')).includes('Contexte B'),
      'convergence',
    );
    for (const f of ['purpose', 'duration', 'context']) expect(textOf(a.doc, fragmentName(f))).toBe(textOf(b.doc, fragmentName(f)));
    expect(textOf(b.doc, fragmentName('purpose'))).toContain('But de A');
    expect(getDuration(a.doc).get('terminationNoticeDays')).toBe(90);
  });

  it('a client joining later receives everything', async () => {
    const { id, token } = await createAgreement(server.url);
    const a = open(id, token);
    await synced(a);
    for (let i = 0; i < 50; i++) typeInto(a.doc, fragmentName('purpose'), `ligne ${i}`);
    const late = open(id, token);
    await synced(late);
    await waitFor(() => textOf(late.doc, fragmentName('purpose')) === textOf(a.doc, fragmentName('purpose')), 'late joiner');
    expect(textOf(late.doc, fragmentName('purpose'))).toContain('ligne 49');
  });

  it('presence (awareness) reaches the other clients and is removed when one leaves', async () => {
    const { id, token } = await createAgreement(server.url);
    const a = open(id, token);
    const b = open(id, token);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Aïcha', color: '#aa3355' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID) !== undefined, 'awareness');
    a.provider.disconnect();
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID) === undefined, 'awareness removal');
  });
});

describe('sync: bad input closes only the offending socket', () => {
  async function withWitness(): Promise<{ id: string; token: string; witness: Client }> {
    const { id, token } = await createAgreement(server.url);
    const witness = open(id, token);
    await synced(witness);
    typeInto(witness.doc, fragmentName('purpose'), 'avant');
    await waitFor(() => server.rooms.loaded(id)?.snapshot().getXmlFragment(fragmentName('purpose')).length === 1, 'stored');
    return { id, token, witness };
  }

  async function expectUnharmed(id: string, token: string, witness: Client): Promise<void> {
    expect(witness.provider.wsconnected).toBe(true);
    typeInto(witness.doc, fragmentName('purpose'), 'après');
    const fresh = open(id, token);
    await synced(fresh);
    await waitFor(() => textOf(fresh.doc, fragmentName('purpose')).includes('après'), 'witness edit still flows');
    expect(textOf(fresh.doc, fragmentName('purpose'))).toContain('avant');
  }

  it('garbage bytes close with 4400', async () => {
    const { id, token, witness } = await withWitness();
    const raw = await rawSocket(server.wsUrl, id, token);
    raw.ws.send(Buffer.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]));
    expect((await raw.closed).code).toBe(CloseCode.BadMessage);
    await expectUnharmed(id, token, witness);
  });

  it('many shapes of garbage never crash the server', async () => {
    const { id, token, witness } = await withWitness();
    const samples = [
      Buffer.from([]),
      Buffer.from([9]),
      Buffer.from([0]),
      Buffer.from([0, 7, 0]),
      Buffer.from([1, 5, 1, 2, 3]),
      Buffer.from([1, 3, 1, 0x80, 1, 0, 1, 0x7b]),
      Buffer.from([0, 1, 5, 0, 0, 0, 0, 0]),
      Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)),
    ];
    for (const sample of samples) {
      const raw = await rawSocket(server.wsUrl, id, token);
      raw.ws.send(sample);
      const { code } = await Promise.race([raw.closed, new Promise<{ code: number }>((r) => setTimeout(() => r({ code: -1 }), 300))]);
      if (code === -1) raw.ws.close();
      else expect(code).toBe(CloseCode.BadMessage);
    }
    await expectUnharmed(id, token, witness);
  });

  it('a text frame closes with 4400', async () => {
    const { id, token, witness } = await withWitness();
    const raw = await rawSocket(server.wsUrl, id, token);
    raw.ws.send('hello');
    expect((await raw.closed).code).toBe(CloseCode.BadMessage);
    await expectUnharmed(id, token, witness);
  });

  it('an oversize frame closes with 4413 and is not stored', async () => {
    const { id, token, witness } = await withWitness();
    const raw = await rawSocket(server.wsUrl, id, token);
    const big = new Y.Doc();
    big.getText('t').insert(0, 'x'.repeat(LIMITS.maxFrameBytes + 10));
    raw.ws.send(updateMessage(Y.encodeStateAsUpdate(big)));
    expect((await raw.closed).code).toBe(CloseCode.FrameTooLarge);
    expect(server.rooms.loaded(id)?.snapshot().getText('t').length).toBe(0);
    await expectUnharmed(id, token, witness);
  });

  it('a frame over the hard cap closes with 1009', async () => {
    const { id, token, witness } = await withWitness();
    const raw = await rawSocket(server.wsUrl, id, token);
    raw.ws.send(Buffer.alloc(LIMITS.maxFrameBytes * 4 + 1));
    expect((await raw.closed).code).toBe(1009);
    await expectUnharmed(id, token, witness);
  });

  it('an update with missing dependencies closes with 4400 and is neither stored nor broadcast', async () => {
    const { id, token, witness } = await withWitness();
    const forger = new Y.Doc();
    const text = forger.getText('t');
    text.insert(0, 'a');
    const before = Y.encodeStateVector(forger);
    text.insert(1, 'b');
    const dependent = Y.encodeStateAsUpdate(forger, before); // 'b' depends on 'a', never sent
    const raw = await rawSocket(server.wsUrl, id, token);
    raw.ws.send(updateMessage(dependent));
    expect((await raw.closed).code).toBe(CloseCode.BadMessage);
    expect(server.rooms.loaded(id)?.snapshot().store.pendingStructs).toBeNull();
    expect(witness.doc.getText('t').toString()).toBe('');
    await expectUnharmed(id, token, witness);
  });

  it('flooding messages closes with 4429', async () => {
    const { id, token, witness } = await withWitness();
    const raw = await rawSocket(server.wsUrl, id, token);
    // An in-band auth message: ignored, so each one costs exactly one message.
    const cheap = encoding.encode((e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 0);
    });
    // Past the burst by a whole second of refill, so a slow server cannot earn its way back.
    for (let i = 0; i < LIMITS.messageBurst + LIMITS.maxMessagesPerSecond; i++) raw.ws.send(cheap);
    expect((await raw.closed).code).toBe(CloseCode.RateLimited);
    await expectUnharmed(id, token, witness);
  });

  it('asking again and again for the whole document closes with 4429 long before the message burst', async () => {
    const { id, token, witness } = await withWitness();
    const raw = await rawSocket(server.wsUrl, id, token);
    const step1 = encoding.encode((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
    });
    const times = Math.ceil((LIMITS.messageBurst + LIMITS.maxMessagesPerSecond) / LIMITS.fullStateCost) + 1;
    expect(times).toBeLessThan(LIMITS.messageBurst / 10);
    for (let i = 0; i < times; i++) raw.ws.send(step1);
    expect((await raw.closed).code).toBe(CloseCode.RateLimited);
    await expectUnharmed(id, token, witness);
  });

  it('an unknown or malformed agreement id closes with 4404', async () => {
    const { token } = await createAgreement(server.url);
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'not-an-id', '%3Cscript%3E']) {
      const raw = await rawSocket(server.wsUrl, id, token);
      expect((await raw.closed).code, id).toBe(CloseCode.UnknownAgreement);
    }
  });

  it('anything but /sync/:id is not upgraded', async () => {
    await expect(rawSocket(server.wsUrl.replace(/$/, ''), '../api')).rejects.toThrow();
  });
});
