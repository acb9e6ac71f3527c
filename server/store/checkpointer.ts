import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDb } from './sqlite';

/** How often the WAL is copied back into the database file: often, so each copy is small. */
const INTERVAL_MS = 250;
/**
 * Past this size the WAL is truncated from the event loop. A passive
 * checkpoint rarely lets the WAL start over while commits keep coming (every
 * commit appends a whole page: about 2.5 MB/s under the benchmark's load).
 */
const DEFAULT_MAX_WAL_BYTES = 32 * 1024 * 1024;

/*
 * The worker's code, as a CommonJS script: a `.ts` worker file would need a
 * loader that differs between `npm start`, vitest and the benchmark.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const pageSize = db.pragma('page_size', { simple: true });
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result && result.log * pageSize > workerData.maxWalBytes) parentPort.postMessage({ truncate: true });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Runs a last checkpoint and closes the worker's connection. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL from a worker thread. SQLite would otherwise do it
 * inside whichever commit crosses 1,000 pages, on the event loop, with two
 * fsyncs: a pause of milliseconds for every client of every document.
 * Readers and the writer carry on while a passive checkpoint runs.
 */
export function startCheckpointer(db: SqliteDb, log: (message: string) => void, maxWalBytes = DEFAULT_MAX_WAL_BYTES): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: db.name, intervalMs: INTERVAL_MS, maxWalBytes } });
  worker.unref();
  let stopping: Promise<void> | undefined;
  // Without the worker, SQLite's own checkpoints (inside commits) keep the WAL bounded.
  const fallBack = (): void => {
    try {
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    } catch (error) {
      log(`turning SQLite's own checkpoints back on failed: ${String(error)}`);
    }
  };
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      if (stopping === undefined) {
        log(`WAL checkpointer exited unexpectedly (code ${code}); SQLite checkpoints inside commits from now on`);
        fallBack();
      }
      resolve();
    }),
  );
  worker.on('message', (message: { truncate?: boolean; error?: string }) => {
    try {
      if (message.error !== undefined) log(`WAL checkpoint failed: ${message.error}`);
      // Nearly everything is already copied, so this is short: the rest, two fsyncs, a truncate.
      else if (message.truncate && db.open) truncateWal(db, log);
    } catch (error) {
      log(`WAL truncate failed: ${String(error)}`);
    }
  });
  worker.on('error', (error) => {
    log(`WAL checkpointer stopped: ${String(error)}`);
    fallBack();
  });
  return {
    stop() {
      stopping ??= (async () => {
        worker.postMessage('stop');
        await exited;
      })();
      return stopping;
    },
  };
}

/**
 * Never waits: if the worker is in the middle of a checkpoint, SQLite's busy
 * handler would put the event loop to sleep. It is tried again after the
 * worker's next checkpoint instead.
 */
function truncateWal(db: SqliteDb, log: (message: string) => void): void {
  const timeout = db.pragma('busy_timeout', { simple: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    log(`WAL truncate failed: ${String(error)}`);
  } finally {
    db.pragma(`busy_timeout = ${Number(timeout)}`);
  }
}
