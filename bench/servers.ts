/**
 * The servers under test, each in its own child process (or two, for
 * entente-2x): their names, what a running one offers the benchmark, and
 * starting each kind.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stopChild } from './children';
import { startEntente, type EntenteOptions } from './entente';
import type { BenchDatabase } from './services';
import { HOST, freePort, serverEnv, spawnAndWait } from './spawn';

export const SERVER_KINDS = ['entente', 'reference', 'floor', 'entente-pg', 'entente-2x', 'entente-dir'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];
/** Kinds on PostgreSQL (skipped, with the reason, when it cannot be reached); entente-2x needs Redis too. */
export const POSTGRES_KINDS: readonly ServerKind[] = ['entente-pg', 'entente-2x'];

export const SERVER_LABELS: Record<ServerKind, string> = {
  entente: 'Entente server (SQLite)',
  reference: 'y-websocket reference (@y/websocket-server 0.1.1)',
  floor: 'floor: a bare relay (bench/floor-server.ts: no Yjs, no storage)',
  'entente-pg': 'Entente server on PostgreSQL (one instance)',
  'entente-2x': 'Entente, two instances on one PostgreSQL and one Redis',
  'entente-dir': 'Entente server of the checkout at --server-dir (SQLite)',
};

/** Column headers in the results table. */
export const SERVER_SHORT_NAMES: Record<ServerKind, string> = {
  entente: 'Entente (stores every update)',
  reference: 'y-websocket reference (memory only)',
  floor: 'floor (bare relay, no storage)',
  'entente-pg': 'Entente on PostgreSQL, 1 instance',
  'entente-2x': 'Entente on PostgreSQL, 2 instances + Redis',
  'entente-dir': 'Entente at --server-dir (SQLite)',
};

export interface RunningServer {
  kind: ServerKind;
  /** One process per instance. */
  pids: number[];
  /** The first instance's port. */
  port: number;
  /** Directory the server stores documents in (Entente only). */
  dataDir: string | null;
  /** Its PostgreSQL schema (PostgreSQL kinds only). */
  database: BenchDatabase | null;
  /** Creates `count` documents and returns the id (room name) of each. */
  createDocuments(count: number, tag: string): Promise<string[]>;
  /** Websocket URL of one document on one instance (instances are counted modulo pids.length). */
  syncUrl(docId: string, instance?: number): string;
  /** Entente: the owner's personal-link token of a document (created by an earlier process on the same data). */
  addToken(docId: string, token: string): void;
  tokenOf(docId: string): string | null;
  /** Bytes stored (the data directory, or the PostgreSQL schema), or null if the server stores nothing. */
  storedBytes(): Promise<number | null>;
  /** Last lines the server wrote, for error messages. */
  logTail(): string;
  stop(): Promise<void>;
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
    pids: [child.pid ?? -1],
    port,
    dataDir: null,
    database: null,
    createDocuments(count, tag) {
      // Rooms exist as soon as a client joins one.
      return Promise.resolve(Array.from({ length: count }, (_, i) => `bench-${tag}-${i + 1}`));
    },
    syncUrl: (docId) => `ws://${HOST}:${port}/${docId}`,
    addToken: () => undefined,
    tokenOf: () => null,
    storedBytes: () => Promise.resolve(null),
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

/** Starts a server; `nodeArgs` go to node before the script (e.g. profileArgs). `serverDir`: the checkout entente-dir runs. */
export function startServer(kind: ServerKind, repoRoot: string, nodeArgs: string[] = [], entente: EntenteOptions = {}): Promise<RunningServer> {
  switch (kind) {
    case 'entente':
      return startEntente(kind, repoRoot, nodeArgs, entente);
    case 'entente-dir':
      if (entente.serverDir === undefined) throw new Error('entente-dir needs --server-dir');
      return startEntente(kind, repoRoot, nodeArgs, entente);
    case 'entente-pg':
      return startEntente(kind, repoRoot, nodeArgs, { database: 'fresh', ...entente });
    case 'entente-2x':
      return startEntente(kind, repoRoot, nodeArgs, { database: 'fresh', instances: 2, ...entente });
    case 'reference':
      return startInMemory(kind, ['node_modules/@y/websocket-server/src/server.js'], 'Reference server', repoRoot, nodeArgs);
    case 'floor':
      return startInMemory(kind, ['--import', 'tsx', 'bench/floor-server.ts'], 'Floor relay', repoRoot, nodeArgs);
  }
}
