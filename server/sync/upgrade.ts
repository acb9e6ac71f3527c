import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { StorageUnavailableError } from '../store/errors';
import { CloseCode, LIMITS } from '../../shared/closeCodes';
import { AgreementIdSchema } from '../../shared/api';
import type { AgreementStore } from '../store/agreements';
import type { Authenticator } from '../auth/sessions';
import { can } from '../auth/policy';
import { Connection } from './connection';
import { originAllowed } from './origin';
import type { Authorship } from './authorship';
import type { Rooms } from './rooms';

/** Agreement ids are URL-safe as they are: the id is matched raw, never percent-decoded. */
const SYNC_PATH = /^\/sync\/([^/?#]+)$/;

export interface SyncDeps {
  rooms: Rooms;
  agreements: AgreementStore;
  auth: Authenticator;
  /** Binds client ids to participants and refuses updates under someone else's (see authorship.ts). */
  authorship: Authorship;
  log: (message: string) => void;
  /** The configured public origin (`PUBLIC_URL`), also allowed as a page's `Origin`. */
  publicOrigin?: string;
  /** A participant's connection closed: the drafting history remembers what they last saw. */
  onLeft?: (agreementId: string, participantId: string) => void;
}

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Serves the y-websocket endpoint `/sync/:id` on an HTTP server. The
 * upgrade is always accepted for `/sync/…`, then refused with a close code,
 * because a failed handshake makes clients retry forever.
 */
export function attachSync(server: Server, deps: SyncDeps): { close(): void } {
  // ws enforces this hard cap itself (close 1009); frames between
  // LIMITS.maxFrameBytes and it get our own 4413, which stops the client.
  // Text frames are refused whatever they hold (4400), so their UTF-8 is not checked.
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxFrameBytes * 4, skipUTF8Validation: true });
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (error) {
      // Nothing an upgrade request holds may stop the server.
      deps.log(`websocket upgrade failed: ${describe(error)}`);
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    }
  });

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Split by hand: `new URL` throws on request targets such as `//`.
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const match = SYNC_PATH.exec(queryAt === -1 ? target : target.slice(0, queryAt));
    if (!match?.[1]) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const id = match[1];
    const token = queryAt === -1 ? null : new URLSearchParams(target.slice(queryAt + 1)).get('token');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => ws.terminate());
      try {
        accept(ws, socket, id, req, token);
      } catch (error) {
        deps.log(`opening a sync connection to ${id} failed: ${describe(error)}`);
        ws.close(CloseCode.ServerError, 'server error');
      }
    });
  }

  // Drops connections that stopped answering pings (dead peers keep rooms loaded).
  const alive = new WeakSet<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const ws of sockets) {
      try {
        if (!alive.has(ws)) {
          ws.terminate();
          continue;
        }
        alive.delete(ws);
        ws.ping();
      } catch (error) {
        deps.log(`heartbeat failed: ${describe(error)}`);
      }
    }
  }, 30_000);
  heartbeat.unref();
  const markAlive = (ws: WebSocket): void => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('message', () => alive.add(ws));
  };

  return {
    close() {
      clearInterval(heartbeat);
      for (const ws of sockets) ws.terminate();
      wss.close();
    },
  };

  /**
   * Decides at the handshake, before any frame is read: nothing a client
   * sends is buffered or looked at until it is authenticated.
   */
  function accept(ws: WebSocket, socket: Duplex, id: string, req: IncomingMessage, token: string | null): void {
    markAlive(ws);
    if (!originAllowed(req.headers.origin, req.headers.host, deps.publicOrigin)) {
      ws.close(CloseCode.Forbidden, 'origin not allowed');
      return;
    }
    if (!AgreementIdSchema.safeParse(id).success || !deps.agreements.exists(id)) {
      ws.close(CloseCode.UnknownAgreement, 'unknown agreement');
      return;
    }
    const auth = deps.auth.authenticate(id, req.headers, token);
    if (!auth.ok) {
      const unauthenticated = auth.reason === 'unauthenticated';
      ws.close(unauthenticated ? CloseCode.Unauthenticated : CloseCode.Forbidden, unauthenticated ? 'no session' : 'not a participant');
      return;
    }
    let room;
    try {
      room = deps.rooms.acquire(id);
    } catch (error) {
      deps.log(String(error));
      // Not reaching the database says nothing about the document: the client tries again.
      if (error instanceof StorageUnavailableError) ws.close(CloseCode.ServerError, 'storage failure');
      else ws.close(CloseCode.DocumentUnreadable, 'document unreadable');
      return;
    }
    const { participant } = auth;
    ws.once('close', () => {
      try {
        deps.onLeft?.(id, participant.id);
      } catch (error) {
        deps.log(`after ${participant.id} left ${id}: ${describe(error)}`);
      }
    });
    new Connection(ws, socket, room, {
      participantId: participant.id,
      name: participant.name,
      partyId: participant.partyId,
      role: participant.role,
      readOnly: !can(participant, 'edit'),
      authorship: deps.authorship,
      log: deps.log,
    });
  }
}
