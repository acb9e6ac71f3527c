import { afterAll, afterEach, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { startServer, type RunningServer, type StartOptions } from '../../server/start';
import { openDb, type Db } from '../../server/store/db';
import { openPostgres } from '../../server/store/postgres/pgDb';
import type { CreatedAgreement, CreateAgreementInput, ParticipantView } from '../../shared/api';
import { freshDatabase, type FreshDatabase } from './pgTestDb';

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'entente-test-'));

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
  /** Stops the server and deletes its data directory. */
  dispose(): Promise<void>;
}

/** The vitest project "postgres" (vitest.config.ts): every test server stores in PostgreSQL instead of its SQLite file. */
export const onPostgres = process.env.TEST_BACKEND === 'postgres';

/** On PostgreSQL, each data directory stands for a schema of its own, so a server restarted on it finds its data. */
const databases = new Map<string, FreshDatabase>();

/** The `databaseUrl` of a test server on `dataDir` (undefined on SQLite); a new schema the first time. */
export async function testDatabaseUrl(dataDir: string): Promise<string | undefined> {
  if (!onPostgres) return undefined;
  let db = databases.get(dataDir);
  if (!db) {
    db = await freshDatabase();
    databases.set(dataDir, db);
  }
  return db.url;
}

/**
 * The database of the test server on `dataDir`, opened beside it as a second instance would: its SQLite
 * file, or on PostgreSQL its schema (a new one if no server ran there yet). For what a test does behind
 * the API's back; close it after.
 */
export async function openTestDb(dataDir: string): Promise<Db> {
  const url = await testDatabaseUrl(dataDir);
  return url ? openPostgres(url) : openDb(dataDir);
}

/** Drops the schemas of a test file's servers (test/server/postgresSetup.ts runs it after each file). */
export async function dropTestDatabases(): Promise<void> {
  for (const [dir, db] of databases) {
    databases.delete(dir);
    await db.drop();
  }
}

/** A real server on a random port with a fresh SQLite file (or PostgreSQL schema, see `onPostgres`). */
export async function startTestServer(options: Partial<StartOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const logs: string[] = [];
  const databaseUrl = options.databaseUrl ?? (await testDatabaseUrl(dataDir));
  const server = await startServer({ port: 0, log: (m) => logs.push(m), ...options, dataDir, databaseUrl });
  return {
    ...server,
    dataDir,
    wsUrl: server.url.replace(/^http/, 'ws'),
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      const db = databases.get(dataDir);
      databases.delete(dataDir);
      await db?.drop();
    },
  };
}

/**
 * The real server of a test file: started before its first test and disposed
 * after its last. The returned object stands for it (its properties are read
 * from the running server), so a test file declares it once, at the top.
 */
export function useTestServer(options: Partial<StartOptions> = {}): TestServer {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(options);
  });
  afterAll(() => running?.dispose());
  return new Proxy({} as TestServer, {
    get(_, key) {
      if (!running) throw new Error('the test server starts in beforeAll: use it inside a test');
      return Reflect.get(running, key) as unknown;
    },
  });
}

/** Undo steps a test registers (clients to close, servers to stop); run newest first after each test. */
export function useCleanup(): (() => unknown)[] {
  const steps: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return steps;
}

export interface TestAgreement extends CreatedAgreement {
  /** The owner's personal-link token. */
  token: string;
}

export const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/') + 1);

export async function createAgreement(baseUrl: string, input: Partial<CreateAgreementInput> = {}): Promise<TestAgreement> {
  const res = await fetch(`${baseUrl}/api/agreements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Entente de test', language: 'fr', owner: { name: 'Odile Owner', email: 'odile@example.org' }, ...input }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as CreatedAgreement;
  return { ...created, token: tokenOf(created.ownerLink) };
}

export type Invited = ParticipantView & { token: string };

/** The owner invites someone (of the second party unless told otherwise); returns them with their link's token. */
export async function invite(
  baseUrl: string,
  a: TestAgreement,
  input: { role: 'editor' | 'commenter' | 'viewer'; name?: string; partyIndex?: number; signatory?: boolean },
): Promise<Invited> {
  const res = await api(baseUrl, a.token, `/api/agreements/${a.id}/participants`, {
    method: 'POST',
    body: {
      name: input.name ?? `${input.role} person`,
      email: `${input.role}@example.org`,
      partyId: a.content.parties[input.partyIndex ?? 1]?.id,
      role: input.role,
      signatory: input.signatory ?? false,
    },
  });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${await res.text()}`);
  const view = (await res.json()) as ParticipantView;
  return { ...view, token: tokenOf(view.link ?? '') };
}

/** A REST call as the holder of a personal-link token. */
export function api(baseUrl: string, token: string | undefined, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A real y-websocket client, exactly as a browser would use it. */
export function connect(wsUrl: string, id: string, token: string | undefined, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(`${wsUrl}/sync`, id, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Same-process providers would otherwise talk over BroadcastChannel, bypassing the server.
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const synced = (c: Client): Promise<void> => waitFor(() => c.provider.synced, 'sync');

/** A raw websocket to the sync endpoint, for sending bytes no honest client would. */
export async function rawSocket(
  wsUrl: string,
  id: string,
  token?: string,
): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }>; messages: Buffer[] }> {
  const ws = new WebSocket(`${wsUrl}/sync/${id}${token ? `?token=${token}` : ''}`);
  const messages: Buffer[] = [];
  ws.on('message', (data) => messages.push(data as Buffer));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before open')));
  });
  return { ws, closed, messages };
}

/** A REST call under /api/agreements/:id as a token holder, with the status and the parsed body (null if empty). */
export async function agreementCall<T>(
  baseUrl: string,
  token: string,
  agreementId: string,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await api(baseUrl, token, `/api/agreements/${agreementId}${path}`, { method, body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Reads a participant's server-sent event stream in the background until `cleanup` runs. */
export function listenEvents(baseUrl: string, token: string, agreementId: string, cleanup: (() => unknown)[]): { events: { event: string; data: unknown }[] } {
  const events: { event: string; data: unknown }[] = [];
  const controller = new AbortController();
  cleanup.push(() => controller.abort());
  void (async () => {
    const res = await fetch(`${baseUrl}/api/agreements/${agreementId}/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    const reader = res.body?.getReader();
    if (!reader) return;
    let buffer = '';
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
        events.push({ event, data: JSON.parse(data) });
      }
    }
  })().catch(() => undefined);
  return { events };
}
