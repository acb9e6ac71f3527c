import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/closeCodes';
import { fragmentName, getMeta } from '../../shared/schema';
import { paragraph } from './fill';
import { connect, createAgreement, rawSocket, startTestServer, synced, tempDir, waitFor, type Client, type TestServer } from './harness';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function serverOn(dataDir: string): Promise<TestServer> {
  const s = await startTestServer({ dataDir, idleMs: 50 });
  cleanup.push(() => s.close());
  return s;
}
function client(s: TestServer, id: string, token: string): Client {
  const c = connect(s.wsUrl, id, token);
  cleanup.push(() => c.destroy());
  return c;
}

/** A stored agreement holding `lines` paragraphs, compacted by a graceful stop; returns the data directory. */
async function storedAgreement(lines: number): Promise<{ dataDir: string; id: string; token: string }> {
  const dataDir = tempDir();
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const s = await startTestServer({ dataDir });
  const { id, token } = await createAgreement(s.url);
  const a = connect(s.wsUrl, id, token);
  await synced(a);
  for (let i = 0; i < lines; i++) a.doc.getXmlFragment(fragmentName('purpose')).push([paragraph(`line ${i}`)]);
  await waitFor(() => s.rooms.loaded(id)?.snapshot().getXmlFragment(fragmentName('purpose')).length === lines, 'stored');
  a.destroy();
  await s.close();
  return { dataDir, id, token };
}

/** The sync messages a raw socket received: [sub-type, payload]. */
function syncMessages(messages: Buffer[]): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = [];
  for (const m of messages) {
    const d = decoding.createDecoder(new Uint8Array(m));
    if (decoding.readVarUint(d) !== 0) continue;
    out.push([decoding.readVarUint(d), decoding.readVarUint8Array(d)]);
  }
  return out;
}

describe('opening a stored agreement nobody has open', () => {
  it('answers the first sync step 1 with the whole stored state, greets from it, and builds the document when a message needs it', async () => {
    const { dataDir, id, token } = await storedAgreement(30);
    const s = await serverOn(dataDir);
    const raw = await rawSocket(s.wsUrl, id, token);
    // Step 1 with an empty state vector: the client has nothing.
    raw.ws.send(Buffer.from([0, 0, 1, 0]));
    await waitFor(() => syncMessages(raw.messages).some(([sub]) => sub === 1), 'step 2');
    const step2 = syncMessages(raw.messages).find(([sub]) => sub === 1)?.[1] ?? new Uint8Array();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, step2);
    expect(doc.getXmlFragment(fragmentName('purpose')).length).toBe(30);
    // The server's own step 1 follows, read from the stored bytes: the document is not built yet.
    await waitFor(() => syncMessages(raw.messages).some(([sub]) => sub === 0), 'the server greets');
    expect(s.rooms.loaded(id)?.isLoaded).toBe(false);
    // The client's reply (a step 2 with nothing new) needs the document: it is built then.
    raw.ws.send(Buffer.concat([Buffer.from([0, 1]), lengthPrefixed(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))]));
    await waitFor(() => s.rooms.loaded(id)?.isLoaded === true, 'built for the reply');
    const subTypes = syncMessages(raw.messages).map(([sub]) => sub);
    expect(subTypes.indexOf(1)).toBeLessThan(subTypes.indexOf(0));
    const serverVector = syncMessages(raw.messages).find(([sub]) => sub === 0)?.[1];
    expect(serverVector).toEqual(Y.encodeStateVector(doc));
    raw.ws.close();
  });

  it('a client that already holds the agreement (its offline copy) is answered from the stored state too', async () => {
    const { dataDir, id, token } = await storedAgreement(10);
    const s = await serverOn(dataDir);
    const first = client(s, id, token);
    await synced(first);
    const partial = new Y.Doc();
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(first.doc));
    first.destroy();
    await waitFor(() => s.rooms.size === 0, 'unload');
    // Its state vector is not empty: the answer is the stored state's difference (Y.diffUpdate).
    const again = client(s, id, token);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(partial));
    await synced(again);
    expect(again.doc.getXmlFragment(fragmentName('purpose')).length).toBe(10);
  });

  it('edits sent right after opening are checked by the schema guard and stored', async () => {
    const { dataDir, id, token } = await storedAgreement(5);
    const s = await serverOn(dataDir);
    const a = client(s, id, token);
    await synced(a);
    a.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('right after opening')]);
    const b = client(s, id, token);
    await synced(b);
    await waitFor(() => b.doc.getXmlFragment(fragmentName('purpose')).toString().includes('right after opening'), 'b sees the edit');

    const forger = client(s, id, token);
    await synced(forger);
    const closed = new Promise<number>((resolve) => forger.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
    forger.doc.getMap('evil').set('x', 1);
    expect(await closed).toBe(CloseCode.OutsideSchema);
    expect(s.rooms.loaded(id)?.snapshot().share.has('evil')).toBe(false);
  });

  it('a message arriving before the document is built waits for it and is handled in order', async () => {
    const { dataDir, id, token } = await storedAgreement(3);
    const s = await serverOn(dataDir);
    const writer = new Y.Doc();
    const a = client(s, id, token);
    await synced(a);
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(a.doc));
    a.destroy();
    await waitFor(() => s.rooms.size === 0, 'unload');
    // A title change sent as the very first message (before any step 1): it waits for the build.
    const before = Y.encodeStateVector(writer);
    getMeta(writer).set('title', 'sent first');
    const update = Y.encodeStateAsUpdate(writer, before);
    const raw = await rawSocket(s.wsUrl, id, token);
    raw.ws.send(Buffer.concat([Buffer.from([0, 2]), lengthPrefixed(update)]));
    await waitFor(() => getMeta(s.rooms.loaded(id)?.snapshot() ?? new Y.Doc()).get('title') === 'sent first', 'applied after the build');
    raw.ws.close();
  });

  it('a connection that sends more than 8 MiB while the document is being opened is closed with 4429', async () => {
    const { dataDir, id, token } = await storedAgreement(1);
    const s = await serverOn(dataDir);
    const raw = await rawSocket(s.wsUrl, id, token);
    // Presence messages wait for the build without starting it: nine of almost 1 MiB each.
    const presence = Buffer.concat([Buffer.from([1]), lengthPrefixed(new Uint8Array(1000 * 1000))]);
    for (let i = 0; i < 9; i++) raw.ws.send(presence);
    expect((await raw.closed).code).toBe(CloseCode.RateLimited);
  });
});

function lengthPrefixed(bytes: Uint8Array): Buffer {
  const head: number[] = [];
  let n = bytes.byteLength;
  while (n > 0x7f) {
    head.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  head.push(n);
  return Buffer.concat([Buffer.from(head), Buffer.from(bytes)]);
}
