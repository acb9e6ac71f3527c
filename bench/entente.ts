/**
 * The Entente server under test: one process on SQLite (a fresh temporary
 * data directory), or one or more instances on PostgreSQL (a fresh schema of
 * their own) and, for several, Redis between them. The only place that knows
 * how to create a document on Entente and build its websocket URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atExit, stopChild } from './children';
import type { RunningServer } from './servers';
import { REDIS_URL, freshDatabase, type BenchDatabase } from './services';
import { HOST, directoryBytes, serverEnv, spawnAndWait, type Spawned } from './spawn';

export interface EntenteOptions {
  /** Serve this data directory and leave it in place at stop (default: a fresh one, deleted at stop). */
  dataDir?: string;
  /** How long an empty document stays loaded (default: the server's own, 30 s). */
  idleMs?: number;
  /** The checkout whose server/index.ts runs (default: this one). */
  serverDir?: string;
  /** PostgreSQL instead of SQLite: 'fresh' for a new schema (dropped at stop), or a database another run made (kept). */
  database?: 'fresh' | BenchDatabase;
  /** Instances on that database, with Redis between them when more than one (default 1). */
  instances?: number;
}

type EntenteKind = 'entente' | 'entente-pg' | 'entente-2x' | 'entente-dir';

export async function startEntente(kind: EntenteKind, repoRoot: string, nodeArgs: string[], options: EntenteOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'entente-bench-'));
  const database = options.database === 'fresh' ? await freshDatabase() : (options.database ?? null);
  const cleanups: Array<() => Promise<void>> = [];
  const removeDir = (): void => {
    if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  const cancelCleanup = atExit(removeDir);
  const cleanUp = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) await c();
    if (options.database === 'fresh' && database) await database.drop();
    removeDir();
    cancelCleanup();
  };
  const count = options.instances ?? 1;
  const env: Record<string, string> = { PORT: '0', HOST, DATA_DIR: dataDir };
  if (database) env.DATABASE_URL = database.url;
  if (database && count > 1) env.REDIS_URL = REDIS_URL;
  // server/index.ts, or the same startServer with a shorter idle unload (bench/entente-idle.ts).
  const entry = options.idleMs === undefined ? ['server/index.ts'] : ['bench/entente-idle.ts', String(options.idleMs)];
  const instances: Spawned[] = [];
  try {
    // One after the other: the first runs the migrations (two at once would wait on each other's advisory lock anyway).
    for (let i = 0; i < count; i++) {
      const name = count > 1 ? `Entente instance ${i + 1}` : 'Entente server';
      const spawned = await spawnAndWait(
        [...nodeArgs, '--import', 'tsx', ...entry],
        options.serverDir ?? repoRoot,
        serverEnv(env),
        /http:\/\/127\.0\.0\.1:(\d+)/,
        name,
      );
      instances.push(spawned);
      cleanups.push(() => stopChild(spawned.child));
    }
  } catch (err) {
    await cleanUp();
    throw err;
  }
  const bases = instances.map((s) => `http://${HOST}:${s.port}`);
  const tokens = new Map<string, string>();
  return {
    kind,
    pids: instances.map((s) => s.child.pid ?? -1),
    port: instances[0]?.port ?? 0,
    dataDir,
    database,
    async createDocuments(n, tag) {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        // Each instance creates some: any of them serves any agreement.
        const res = await fetch(`${bases[i % bases.length] ?? ''}/api/agreements`, {
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
    syncUrl(docId, instance = 0) {
      const token = tokens.get(docId);
      const query = token ? `?token=${encodeURIComponent(token)}` : '';
      const port = instances[instance % instances.length]?.port ?? 0;
      return `ws://${HOST}:${port}/sync/${encodeURIComponent(docId)}${query}`;
    },
    storedBytes: () => (database ? database.bytes() : Promise.resolve(directoryBytes(dataDir))),
    logTail: () => instances.map((s, i) => (instances.length > 1 ? `--- instance ${i + 1} ---\n${s.logTail()}` : s.logTail())).join('\n'),
    stop: cleanUp,
  };
}
