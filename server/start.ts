import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { AgreementService } from './services/agreements';
import { AgreementStore } from './store/agreements';
import { openDb } from './store/db';
import { DocStore } from './store/docs';
import { Rooms } from './sync/rooms';
import { Authenticator } from './auth/sessions';
import { ParticipantStore } from './store/participants';
import { SessionStore } from './store/sessions';
import { ParticipantService } from './services/participants';
import { CommentService } from './comments/service';
import { EventHub } from './events/hub';
import { ThreadStore } from './store/threads';
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
  const agreements = new AgreementStore(db);
  const docs = new DocStore(db);
  const rooms = new Rooms(docs, agreements, { idleMs: options.idleMs ?? 30_000, compactAfter: options.compactAfter ?? 500, log });
  const participantStore = new ParticipantStore(db);
  const auth = new Authenticator(participantStore, new SessionStore(db));
  const hub = new EventHub();
  const participants = new ParticipantService(participantStore, auth, rooms, hub);
  const comments = new CommentService({ threads: new ThreadStore(db), participants: participantStore, agreements, rooms, hub });
  const service = new AgreementService({ db, agreements, docs, rooms, participants, auth });
  const clientDir = options.clientDir && existsSync(join(options.clientDir, 'index.html')) ? options.clientDir : undefined;
  const app = createApp({ agreements: service, participants, comments, hub, auth, agreementStore: agreements, clientDir, log });

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? '127.0.0.1' }, () => resolve(s as Server));
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  const sync = attachSync(server, { rooms, agreements, auth, log });
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
        db.close();
      })();
      return closing;
    },
  };
}
