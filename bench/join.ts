/**
 * One person opening an agreement: a real y-websocket client (the provider
 * the app uses, over a real socket) with an empty Y.Doc, timed from the
 * moment it is created until it reports `sync` (it received and applied the
 * server's sync step 2), as the editor waits for it.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface Joined {
  /** Until the provider reported `sync` (received and applied the step 2). */
  ms: number;
  /** Until the whole step 2 had arrived, before the client applied it: the server's share. */
  step2Ms: number;
  doc: Y.Doc;
  close(): void;
}

/** `serverUrl` + '/' + `room` is the websocket URL, as the provider builds it. */
export function join(serverUrl: string, room: string, params: Record<string, string>, timeoutMs = 30_000): Promise<Joined> {
  const doc = new Y.Doc();
  const t0 = performance.now();
  let step2Ms = Number.NaN;
  /** The socket the provider uses, noting when the first sync step 2 ([0, 1, …]) arrives. */
  class TimedSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer | ArrayBuffer) => {
        // The provider asks for ArrayBuffers.
        const bytes = data instanceof ArrayBuffer ? new Uint8Array(data, 0, Math.min(2, data.byteLength)) : data;
        if (Number.isNaN(step2Ms) && bytes[0] === 0 && bytes[1] === 1) step2Ms = performance.now() - t0;
      });
    }
  }
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    params,
    WebSocketPolyfill: TimedSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    // A refused or dropped socket is a failure here, not something to retry.
    maxBackoffTime: 60_000,
  });
  const close = (): void => {
    provider.destroy();
    doc.destroy();
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      close();
      reject(new Error(`${serverUrl}/${room}: not synced within ${timeoutMs} ms`));
    }, timeoutMs);
    provider.on('connection-close', (event) => {
      if (provider.synced) return;
      clearTimeout(timer);
      close();
      reject(new Error(`${serverUrl}/${room}: closed with code ${String(event?.code)} before syncing`));
    });
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      resolve({ ms: performance.now() - t0, step2Ms, doc, close });
    });
  });
}
