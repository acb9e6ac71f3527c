import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { StorageUnavailableError } from '../errors';
import { WORKER_SOURCE } from './workerSource';

export interface QueryAnswer {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/** PostgreSQL refused a statement (`code`: its SQLSTATE). Not reaching it at all is a StorageUnavailableError. */
export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'PostgresError';
  }
}

type Answer = { id: number } & ({ rows: Record<string, unknown>[]; rowCount: number } | { error: { message: string; code?: string } });

export interface SyncClientOptions {
  /** How long to wait for a connection before a statement fails. */
  connectTimeoutMs?: number;
  /** PostgreSQL's own statement_timeout. */
  statementTimeoutMs?: number;
  /** The longest the event loop is held for one answer, whatever happens to the worker or the network. */
  answerTimeoutMs?: number;
}

/**
 * PostgreSQL, answered synchronously: `pg` runs in a worker thread on its
 * own connection and the caller blocks (Atomics.wait) until the answer is
 * there. This is what lets PostgreSQL sit behind the same synchronous store
 * interface as SQLite: a store's statement returns its rows, a transaction
 * is a plain function, and nothing else runs on this instance in between.
 * The cost is one loopback round trip per statement on the event loop,
 * which the benchmark measures (bench/README.md).
 */
export class SyncClient {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;
  private readonly answerTimeoutMs: number;
  private closed = false;

  constructor(url: string, options: SyncClientOptions = {}) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.answerTimeoutMs = options.answerTimeoutMs ?? 15_000;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        pgPath: createRequire(import.meta.url).resolve('pg'),
        port: port2,
        shared: this.signal.buffer,
        url,
        connectTimeoutMs: options.connectTimeoutMs ?? 3_000,
        statementTimeoutMs: options.statementTimeoutMs ?? 10_000,
      },
      transferList: [port2],
    });
    // Never keeps the process alive on its own; errors surface as failed statements.
    this.worker.unref();
    this.worker.on('error', () => undefined);
  }

  /** One statement with `$n` parameters; `name` prepares it once per connection. */
  query(sql: string, params: readonly unknown[], name?: string): QueryAnswer {
    return this.call({ sql, params, name });
  }

  /** Several statements without parameters (migrations). */
  script(script: string): void {
    this.call({ script });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.postMessage({ close: true });
    this.port.close();
  }

  private call(request: object): QueryAnswer {
    if (this.closed) throw new StorageUnavailableError('the database connection is closed');
    const id = this.nextId++;
    const seen = Atomics.load(this.signal, 0);
    this.port.postMessage({ id, ...request });
    const deadline = Date.now() + this.answerTimeoutMs;
    let counter = seen;
    for (;;) {
      // Answers to requests that timed out earlier come first: skip them.
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const answer = m.message as Answer;
        if (answer.id !== id) continue;
        if ('error' in answer) throw failure(answer.error);
        return { rows: answer.rows.map(buffers), rowCount: answer.rowCount };
      }
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.signal, 0, counter, left) === 'timed-out') {
        // A connection that stopped answering (a network partition sends no reset) must not hold every later statement.
        this.port.postMessage({ reset: true });
        throw new StorageUnavailableError('the database did not answer in time');
      }
      counter = Atomics.load(this.signal, 0);
    }
  }
}

/**
 * No SQLSTATE: the connection failed (refused, reset, timed out). Class 08
 * (connection exception) and 57P01–57P03 (shutting down, starting up) are
 * the server saying the same.
 */
function failure(error: { message: string; code?: string }): Error {
  const { message, code } = error;
  if (code === undefined || code.startsWith('08') || /^57P0[123]$/.test(code)) return new StorageUnavailableError(`the database cannot be reached: ${message}`);
  return new PostgresError(message, code);
}

/** bytea comes back as Buffer, as from SQLite (structured cloning made it a plain Uint8Array). */
function buffers(row: Record<string, unknown>): Record<string, unknown> {
  for (const key in row) {
    const v = row[key];
    if (v instanceof Uint8Array && !Buffer.isBuffer(v)) row[key] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }
  return row;
}
