import { spawn, type ChildProcess } from 'node:child_process';
import { testDatabaseUrl } from './harness';

export interface SpawnedServer {
  proc: ChildProcess;
  url: string;
  /** What the process wrote to stderr so far (its log), if `captureStderr` was asked. */
  stderr(): string;
}

/** The real server as its own process, the way `npm start` runs it (`server/index.ts`, configured by environment). */
export async function spawnServer(dataDir: string, options: { env?: Record<string, string>; captureStderr?: boolean } = {}): Promise<SpawnedServer> {
  // In the vitest project "postgres", the data directory's own schema (test/server/harness.ts).
  const databaseUrl = await testDatabaseUrl(dataDir);
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: '/nonexistent',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', options.captureStderr ? 'pipe' : 'inherit'],
  });
  let err = '';
  proc.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/[\d.]+:\d+/.exec(out);
      if (match) resolve(match[0]);
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  return { proc, url, stderr: () => err };
}
