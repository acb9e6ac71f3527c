/**
 * Starting a server process for a benchmark: the environment it gets, a free
 * port, its output kept for error messages, and waiting for its ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stopChild, track } from './children';

const START_TIMEOUT_MS = 30_000;
export const HOST = '127.0.0.1';

/** Environment for a server: ours, minus anything that would change what is measured (a DATABASE_URL of our own included). */
export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const drop = ['YPERSISTENCE', 'CALLBACK_URL', 'CALLBACK_OBJECTS', 'PORT', 'HOST', 'DATA_DIR', 'NODE_OPTIONS', 'DATABASE_URL', 'REDIS_URL'];
  for (const key of drop) delete env[key];
  return { ...env, ...extra };
}

export function freePort(): Promise<number> {
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

export interface Spawned {
  child: ChildProcess;
  port: number;
  logTail: () => string;
}

/** Spawns a node server and resolves with its port once a stdout/stderr line matches `ready`. */
export function spawnAndWait(args: string[], cwd: string, env: NodeJS.ProcessEnv, ready: RegExp, name: string): Promise<Spawned> {
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

export function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
}
