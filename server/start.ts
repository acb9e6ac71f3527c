import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getRequestListener, RequestError } from '@hono/node-server';
import { createApp } from './app';
import { startCheckpointer } from './store/checkpointer';
import { openDb } from './store/db';
import { openPostgres } from './store/postgres/pgDb';
import { startCluster } from './cluster';
import type { Rooms } from './sync/rooms';
import { createServices, type ContainerOptions } from './services/container';
import type { PdfBuilder } from './signing/complete';
import { originOf } from './sync/origin';
import { attachSync } from './sync/upgrade';
import { warmUp } from './sync/warmUp';
import { CloseCode } from '../shared/closeCodes';
import type { ApiError } from '../shared/api';

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir: string;
  /** PostgreSQL (`DATABASE_URL`) instead of SQLite in `dataDir`. */
  databaseUrl?: string;
  /** Other instances on the same database, reached through Redis (`REDIS_URL`; needs `databaseUrl`). */
  redisUrl?: string;
  /** Built client to serve; skipped if it has no index.html. */
  clientDir?: string;
  durability?: 'normal' | 'full';
  /** How long an empty document stays in memory. */
  idleMs?: number;
  compactAfter?: number;
  /** The address people open (`PUBLIC_URL`), e.g. behind an HTTPS proxy: its origin may open websockets. */
  publicUrl?: string;
  /** `TRUST_PROXY`: the number of proxies (load balancers) in front, whose X-Forwarded-For names the client. */
  trustProxy?: number;
  /** Builds the signed PDF at completion; tests hold it to order a race. */
  buildPdf?: PdfBuilder;
  /** Automatic checkpoints of the drafting history: timing and clock (tests). */
  history?: ContainerOptions['history'];
  /** The clock of everything dated after signing, and of the drafting history unless `history.clock` is given (tests). */
  clock?: ContainerOptions['clock'];
  /** E-mail (`SMTP_URL`, `MAIL_FROM`); on only with `publicUrl` too. */
  mail?: ContainerOptions['mail'];
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The bounce listener's port, when `mail.bounceSmtp` is set. */
  bouncePort?: number;
  rooms: Rooms;
  close(): Promise<void>;
}

/** Wires the stores, the sync server and the HTTP app together and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? ((m: string) => console.error(m));
  if (options.redisUrl && !options.databaseUrl) throw new Error('redisUrl needs databaseUrl: instances share their documents through PostgreSQL');
  const sqlite = options.databaseUrl ? undefined : openDb(options.dataDir, options.durability);
  const db = sqlite ?? openPostgres(options.databaseUrl ?? '');
  const checkpointer = sqlite && startCheckpointer(sqlite, log);
  const services = createServices(db, {
    idleMs: options.idleMs ?? 30_000,
    compactAfter: options.compactAfter ?? 500,
    log,
    buildPdf: options.buildPdf,
    history: options.history,
    clock: options.clock,
    mail: options.mail,
    publicUrl: options.publicUrl,
  });
  // Before any room is loaded: the other instances' updates, events and locks reach this one.
  const cluster = options.redisUrl ? await startCluster(options.redisUrl, db, services, log) : undefined;
  // Before anyone can ask: finish what a stop between the last signature and the completion left undone.
  await services.lifecycle.resumeCompletions();
  await services.exports.backfillPagesHashes(log);
  services.afterSigning.copies.backfill(log);
  services.afterSigning.scheduler.start();
  await services.notifications.start();
  const { rooms, hub, auth } = services;
  const clientDir = options.clientDir && existsSync(join(options.clientDir, 'index.html')) ? options.clientDir : undefined;
  const app = createApp({ services, clientDir, log, trustProxy: options.trustProxy });

  const server = await listen(app.fetch, options.port ?? 0, options.host ?? '127.0.0.1', log);
  const sync = attachSync(server, {
    rooms,
    agreements: services.agreementStore,
    auth,
    authorship: services.authorship,
    log,
    publicOrigin: originOf(options.publicUrl),
    onLeft: (id, participantId) => services.history.service.visited(id, participantId),
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  // So that the first person to open an agreement does not wait for code to compile.
  await warmUp(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    bouncePort: services.notifications.bouncePort,
    rooms,
    close() {
      closing ??= (async () => {
        // Checkpoints due later are taken now, while the document can still be read.
        services.history.recorder.flushAll();
        services.afterSigning.scheduler.stop();
        await services.notifications.stop();
        rooms.closeAll(CloseCode.ServerRestart, 'server restart');
        hub.closeAll();
        await cluster?.close();
        sync.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await checkpointer?.stop();
        db.close();
      })();
      return closing;
    },
  };
}

const json = (status: number, body: ApiError): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=UTF-8' } });

/**
 * The HTTP server, with an error boundary at each level under Hono's own
 * `onError`: a request Hono cannot even be given (a malformed URL) is a 400,
 * anything thrown past Hono is logged and answered 500. Bytes that are not
 * HTTP are left to Node's own `clientError` handling, which answers 400
 * (431, 408) when no response is under way and then closes the socket.
 */
async function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string, log: (m: string) => void): Promise<Server> {
  const handle = getRequestListener(fetch, {
    hostname,
    errorHandler: (error) => {
      if (error instanceof RequestError) return json(400, { error: 'invalid_request', message: error.message });
      log(`unexpected error outside the app: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return json(500, { error: 'internal', message: 'Something went wrong on the server.' });
    },
  });
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`writing a response failed: ${String(error)}`);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log(`HTTP server error: ${String(error)}`));
  // Longer than a load balancer's idle timeout (often 60 s): an idle keep-alive connection is closed
  // by the balancer, never by us just as it sends the next request on it (a reset, seen as a 502).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Node drops a CONNECT (proxy tunnel) request's socket unanswered unless someone listens.
  server.on('connect', (_req, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return server;
}
