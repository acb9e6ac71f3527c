import { createServer, connect as tcpConnect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type { AgreementDetail } from '../../shared/api';
import { LIMITS } from '../../shared/closeCodes';
import { fragmentName } from '../../shared/schema';
import { api, createAgreement, waitFor, useTestServer, useCleanup } from './harness';

/**
 * The reported case: typing while the network is gone, then coming back, must
 * never trip the flood limit (4429), and every keystroke must reach the server.
 */

const server = useTestServer();
const cleanup = useCleanup();

const ROUNDS = 5;
/** About 30 s of fast typing (10 keys/s): a socket can sit half-open that long before y-websocket drops it. */
const KEYSTROKES = 300;

/**
 * A loopback TCP hop that can go silent like a dropped Wi-Fi link: both
 * sockets stay open (as TCP connections do through a short outage), bytes are
 * held both ways, and everything held is delivered at once when it resumes.
 */
async function stallingProxy(targetPort: number): Promise<{ port: number; stall(): void; resume(): void; close(): void }> {
  let stalled = false;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const upstream = tcpConnect(targetPort, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => (stalled ? held.push(() => to.write(chunk)) : to.write(chunk)));
      from.on('close', () => to.destroy());
      from.on('error', () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    stall: () => (stalled = true),
    resume() {
      stalled = false;
      for (const deliver of held.splice(0)) deliver();
    },
    close() {
      for (const s of sockets) s.destroy();
      proxy.close();
    },
  };
}

/** A y-websocket client, as in the browser, whose socket counts the frames it sends. */
function typist(wsUrl: string, id: string, token: string): { doc: Y.Doc; provider: WebsocketProvider; sent: () => number; closeCodes: number[] } {
  let sent = 0;
  class CountingWebSocket extends WebSocket {
    override send(data: Parameters<WebSocket['send']>[0]): void {
      sent += 1;
      super.send(data);
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/sync`, id, doc, {
    params: { token },
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  cleanup.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider, sent: () => sent, closeCodes };
}

/** One keystroke as the editor makes it: one transaction for the character, then the caret's awareness. */
function typeKey(doc: Y.Doc, provider: WebsocketProvider, char: string): void {
  const fragment = doc.getXmlFragment(fragmentName('purpose'));
  doc.transact(() => {
    if (fragment.length === 0) fragment.push([new Y.XmlElement('paragraph')]);
    const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
    if (paragraph.length === 0) paragraph.push([new Y.XmlText()]);
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length, char);
  });
  provider.awareness.setLocalStateField('cursor', { at: doc.getXmlFragment(fragmentName('purpose')).toString().length });
}

const keys = (round: number): string => Array.from({ length: KEYSTROKES }, (_, i) => String.fromCharCode(97 + ((i + round) % 26))).join('');

async function storedPurpose(id: string, token: string): Promise<string> {
  const res = await api(server.url, token, `/api/agreements/${id}`);
  return ((await res.json()) as AgreementDetail).content.sections['purpose'] ?? '';
}

async function waitStored(id: string, token: string, expected: string, closeCodes: number[]): Promise<void> {
  let stored: string;
  const deadline = Date.now() + 15_000;
  while ((stored = await storedPurpose(id, token)) !== expected) {
    if (Date.now() > deadline) throw new Error(`server has ${stored.length} of ${expected.length} characters; closed with [${closeCodes.join(', ')}]`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('reconnecting after typing offline never trips the flood limit', () => {
  it('a socket that stayed open through the outage delivers every keystroke at once, and is not closed', { timeout: 60_000 }, async () => {
    const { id, token } = await createAgreement(server.url);
    const proxy = await stallingProxy(server.port);
    cleanup.push(() => proxy.close());
    const c = typist(`ws://127.0.0.1:${proxy.port}`, id, token);
    await waitFor(() => c.provider.synced, 'sync');
    let typed = '';
    for (let round = 0; round < ROUNDS; round++) {
      proxy.stall();
      const before = c.sent();
      for (const char of keys(round)) typeKey(c.doc, c.provider, char);
      typed += keys(round);
      // The client cannot tell the link is down: each keystroke went out as its own frames.
      expect(c.provider.wsconnected).toBe(true);
      const frames = c.sent() - before;
      expect(frames).toBeGreaterThanOrEqual(2 * KEYSTROKES);
      // A real outage lasts at least as long as the typing (30 s here). Hold it for a tenth of that,
      // the time these frames take at the sustained rate: rounds here come far closer than in life.
      await new Promise((r) => setTimeout(r, (frames / LIMITS.maxMessagesPerSecond) * 1000));
      proxy.resume();
      await waitStored(id, token, typed, c.closeCodes);
    }
    expect(c.closeCodes).toEqual([]);
    expect(c.provider.wsconnected).toBe(true);
  });

  it('a client that knew it was offline sends its edits in one sync step 2 on reconnect', async () => {
    const { id, token } = await createAgreement(server.url);
    const c = typist(server.wsUrl, id, token);
    await waitFor(() => c.provider.synced, 'sync');
    let typed = '';
    for (let round = 0; round < ROUNDS; round++) {
      c.provider.disconnect();
      const before = c.sent();
      for (const char of keys(round)) typeKey(c.doc, c.provider, char);
      typed += keys(round);
      // y-websocket does not queue anything while disconnected...
      expect(c.sent() - before).toBe(0);
      c.provider.connect();
      await waitFor(() => c.provider.synced, 'resync');
      await waitStored(id, token, typed, c.closeCodes);
      // ...and reconnects with sync step 1, its awareness and a step 2 holding all the edits.
      expect(c.sent() - before).toBeLessThanOrEqual(5);
    }
    // provider.disconnect() closes locally (no event): only a server close would be recorded.
    expect(c.closeCodes).toEqual([]);
  });
});
