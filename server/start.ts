import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { startCheckpointer } from './store/checkpointer';
import { openDb } from './store/db';
import type { Rooms } from './sync/rooms';
import { createServices } from './services/container';
import type { PdfBuilder } from './signing/complete';
import { attachSync } from './sync/upgrade';
import { CloseCode } from '../shared/closeCodes';

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir: string;
  /** Built client to serve; skipped if it has no index.html. */
  clientDir?: string;
  durability?: 'normal' | 'full';
  /** How long an empty document stays in memory. */
  idleMs?: number;
  compactAfter?: number;
  /** Builds the signed PDF at completion; tests hold it to order a race. */
  buildPdf?: PdfBuilder;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  rooms: Rooms;
  close(): Promise<void>;
}

/** Wires the stores, the sync server and the HTTP app together and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? ((m: string) => console.error(m));
  const db = openDb(options.dataDir, options.durability);
  const checkpointer = startCheckpointer(db, log);
  const services = createServices(db, { idleMs: options.idleMs ?? 30_000, compactAfter: options.compactAfter ?? 500, log, buildPdf: options.buildPdf });
  // Before anyone can ask: finish what a stop between the last signature and the completion left undone.
  await services.lifecycle.resumeCompletions();
  const { rooms, hub, auth } = services;
  const clientDir = options.clientDir && existsSync(join(options.clientDir, 'index.html')) ? options.clientDir : undefined;
  const app = createApp({ services, clientDir, log });

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? '127.0.0.1' }, () => resolve(s as Server));
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  const sync = attachSync(server, { rooms, agreements: services.agreementStore, auth, log });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    rooms,
    close() {
      closing ??= (async () => {
        rooms.closeAll(CloseCode.ServerRestart, 'server restart');
        hub.closeAll();
        sync.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await checkpointer.stop();
        db.close();
      })();
      return closing;
    },
  };
}
