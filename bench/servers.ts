/**
 * Starting and stopping the servers under test, each in its own child process,
 * and the only place that knows how to create a document on each of them and
 * build its websocket URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { atExit, stopChild, track } from './children';

export const SERVER_KINDS = ['entente', 'reference', 'floor'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export const SERVER_LABELS: Record<ServerKind, string> = {
  entente: 'Entente server',
  reference: 'y-websocket reference (@y/websocket-server 0.1.1)',
  floor: 'floor: a bare relay (bench/floor-server.ts: no Yjs, no storage)',
};

/** Column headers in the results table. */
export const SERVER_SHORT_NAMES: Record<ServerKind, string> = {
  entente: 'Entente (stores every update)',
  reference: 'y-websocket reference (memory only)',
  floor: 'floor (bare relay, no storage)',
};

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  /** Directory the server stores documents in (Entente only). */
  dataDir: string | null;
  /** Creates `count` documents and returns the id (room name) of each. */
  createDocuments(count: number, tag: string): Promise<string[]>;
  /** Websocket URL of one document. */
  syncUrl(docId: string): string;
  /** Entente: the owner's personal-link token of a document (created by an earlier process on the same data). */
  addToken(docId: string, token: string): void;
  tokenOf(docId: string): string | null;
  /** Bytes under dataDir, or null if the server stores nothing. */
  storedBytes(): number | null;
  /** Last lines the server wrote, for error messages. */
  logTail(): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const HOST = '127.0.0.1';

/** Environment for a server: ours, minus anything that would change what is measured. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['YPERSISTENCE', 'CALLBACK_URL', 'CALLBACK_OBJECTS', 'PORT', 'HOST', 'DATA_DIR', 'NODE_OPTIONS']) {
    delete env[key];
  }
  return { ...env, ...extra };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/** Keeps the last lines of a stream (and drains it, so the child never blocks on a full pipe). */
function collectTail(child: ChildProcess, onLine: (line: string) => void): () => string {
  const lines: string[] = [];
  const attach = (stream: NodeJS.ReadableStream | null, prefix: string): void => {
    if (!stream) return;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        onLine(line);
        lines.push(prefix + line);
        if (lines.length > 40) lines.shift();
      }
    });
  };
  attach(child.stdout, '');
  attach(child.stderr, '[stderr] ');
  return () => lines.join('\n');
}

/** Spawns a node server and resolves with its port once a stdout/stderr line matches `ready`. */
function spawnAndWait(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  name: string,
): Promise<{ child: ChildProcess; port: number; logTail: () => string }> {
  const child = track(spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopChild(child, 500);
      reject(new Error(`${name} did not start: ${why}\n--- server output ---\n${logTail()}`));
    };
    const logTail = collectTail(child, (line) => {
      if (settled) return;
      const m = ready.exec(line);
      if (m?.[1]) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, port: Number.parseInt(m[1], 10), logTail });
      }
    });
    const timer = setTimeout(() => fail(`no ready line within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => fail(`exited early (code ${String(code)}, signal ${String(signal)})`));
  });
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
}

export interface EntenteOptions {
  /** Serve this data directory and leave it in place at stop (default: a fresh one, deleted at stop). */
  dataDir?: string;
  /** How long an empty document stays loaded (default: the server's own, 30 s). */
  idleMs?: number;
}

async function startEntente(repoRoot: string, nodeArgs: string[], options: EntenteOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'entente-bench-'));
  const removeDir = (): void => {
    if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  const cancelCleanup = atExit(removeDir);
  // server/index.ts, or the same startServer with a shorter idle unload (bench/entente-idle.ts).
  const entry = options.idleMs === undefined ? ['server/index.ts'] : ['bench/entente-idle.ts', String(options.idleMs)];
  const { child, port, logTail } = await spawnAndWait(
    [...nodeArgs, '--import', 'tsx', ...entry],
    repoRoot,
    serverEnv({ PORT: '0', HOST, DATA_DIR: dataDir }),
    /http:\/\/127\.0\.0\.1:(\d+)/,
    'Entente server',
  ).catch((err: unknown) => {
    removeDir();
    cancelCleanup();
    throw err;
  });
  const base = `http://${HOST}:${port}`;
  const tokens = new Map<string, string>();
  return {
    kind: 'entente',
    pid: child.pid ?? -1,
    port,
    dataDir,
    async createDocuments(count, tag) {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const res = await fetch(`${base}/api/agreements`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: `bench ${tag} ${i + 1}`, language: 'en', owner: { name: 'Bench', email: 'bench@example.org' } }),
        });
        const body: unknown = await res.json().catch(() => null);
        const id = typeof body === 'object' && body !== null && 'id' in body ? body.id : undefined;
        if (res.status !== 201 || typeof id !== 'string') {
          throw new Error(`POST /api/agreements answered ${res.status}: ${JSON.stringify(body)}`);
        }
        // Every bench client connects as the owner, with the personal-link token.
        const link = typeof body === 'object' && body !== null && 'ownerLink' in body ? String(body.ownerLink) : '';
        tokens.set(id, link.slice(link.lastIndexOf('/') + 1));
        ids.push(id);
      }
      return ids;
    },
    addToken(docId, token) {
      tokens.set(docId, token);
    },
    tokenOf: (docId) => tokens.get(docId) ?? null,
    syncUrl(docId) {
      const token = tokens.get(docId);
      const query = token ? `?token=${encodeURIComponent(token)}` : '';
      return `ws://${HOST}:${port}/sync/${encodeURIComponent(docId)}${query}`;
    },
    storedBytes: () => directoryBytes(dataDir),
    logTail,
    async stop() {
      await stopChild(child);
      removeDir();
      cancelCleanup();
    },
  };
}

/**
 * A server that keeps rooms in memory and names them by the URL path: the
 * reference, or the floor relay. It prints "… on port N" when listening.
 */
async function startInMemory(kind: 'reference' | 'floor', script: string[], name: string, repoRoot: string, nodeArgs: string[]): Promise<RunningServer> {
  const port = await freePort();
  const { child, logTail } = await spawnAndWait([...nodeArgs, ...script], repoRoot, serverEnv({ PORT: String(port), HOST }), /on port (\d+)/, name);
  return {
    kind,
    pid: child.pid ?? -1,
    port,
    dataDir: null,
    createDocuments(count, tag) {
      // Rooms exist as soon as a client joins one.
      return Promise.resolve(Array.from({ length: count }, (_, i) => `bench-${tag}-${i + 1}`));
    },
    syncUrl: (docId) => `ws://${HOST}:${port}/${docId}`,
    addToken: () => undefined,
    tokenOf: () => null,
    storedBytes: () => null,
    logTail,
    stop: () => stopChild(child),
  };
}

/**
 * Node flags that make a server write CPU profiles into `dir` when it stops:
 * one per thread (tsx's loader thread writes one too), under node's default names.
 */
export function profileArgs(dir: string): string[] {
  const preload = pathToFileURL(fileURLToPath(new URL('exit-on-signal.mjs', import.meta.url))).href;
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', preload];
}

/** Starts a server; `nodeArgs` go to node before the script (e.g. profileArgs). */
export function startServer(kind: ServerKind, repoRoot: string, nodeArgs: string[] = [], entente: EntenteOptions = {}): Promise<RunningServer> {
  if (kind === 'entente') return startEntente(repoRoot, nodeArgs, entente);
  if (kind === 'reference') return startInMemory(kind, ['node_modules/@y/websocket-server/src/server.js'], 'Reference server', repoRoot, nodeArgs);
  return startInMemory(kind, ['--import', 'tsx', 'bench/floor-server.ts'], 'Floor relay', repoRoot, nodeArgs);
}
