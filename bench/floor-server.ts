/**
 * The floor: the least a y-websocket server can do per update under this
 * load. It answers the handshake and relays each update's bytes, framed
 * once, to every other client of the room with one socket write each, as
 * the Entente server does, but without Yjs, storage or access checks. Its
 * CPU per delivery is what the socket writes alone cost.
 *
 * Only for the benchmark: it trusts every byte it gets.
 */
import { createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import { WebSocketServer } from 'ws';
import { binaryFrame } from '../server/sync/frame';
import { EMPTY_STEP1, EMPTY_STEP2, MESSAGE_SYNC } from './protocol';

const SYNC_STEP1 = 0;
const SYNC_UPDATE = 2;

const rooms = new Map<string, Set<Duplex>>();
const wss = new WebSocketServer({ noServer: true });
const server = createServer((_req, res) => res.writeHead(404).end());

server.on('upgrade', (req, socket, head) => {
  const room = (req.url ?? '/').slice(1);
  wss.handleUpgrade(req, socket, head, (ws) => {
    const peers = rooms.get(room) ?? new Set<Duplex>();
    rooms.set(room, peers);
    peers.add(socket);
    ws.on('close', () => peers.delete(socket));
    ws.send(EMPTY_STEP1);
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      const sub = decoding.readVarUint(decoder);
      if (sub === SYNC_STEP1) ws.send(EMPTY_STEP2);
      else if (sub === SYNC_UPDATE) {
        const frame = binaryFrame(data);
        for (const peer of peers) if (peer !== socket) peer.write(frame);
      }
    });
  });
});

server.listen(Number(process.env['PORT'] ?? 0), process.env['HOST'] ?? '127.0.0.1', () => {
  const address = server.address();
  console.log(`floor relay running on port ${typeof address === 'object' && address ? address.port : 0}`);
});
