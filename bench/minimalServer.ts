/**
 * Serves the built minimal page (bench/minimal) and syncs it with the
 * y-websocket reference server's own code (@y/websocket-server, in memory,
 * no persistence) on one random port: files over HTTP (hashed assets cached
 * for a year, as the Entente server does), documents over the websocket at
 * /sync/<room>.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export interface MinimalServer {
  url: string;
  close(): Promise<void>;
}

export async function startMinimalServer(dir: string): Promise<MinimalServer> {
  const http: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    const file = path === '/' ? 'index.html' : path.slice(1);
    readFile(join(dir, file)).then(
      (body) => {
        const cache = file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (ws, req) => setupWSConnection(ws, req));
  http.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/sync/')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
