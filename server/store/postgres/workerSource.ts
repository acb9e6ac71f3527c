/*
 * The worker thread that talks to PostgreSQL with `pg`, as a CommonJS script
 * (a `.ts` worker file would need a loader that differs between `npm start`,
 * vitest and the benchmark; see also store/checkpointer.ts).
 *
 * It takes one request at a time from its port and, once answered, bumps
 * the shared counter and wakes the main thread, which is waiting on it
 * (Atomics.wait) in SyncClient.call. Requests:
 *   { id, sql, params, name? }  one statement (prepared under `name`)
 *   { id, script }               several statements, no parameters
 *   { reset: true }              (not queued) the caller gave up waiting: drop the
 *                                connection, so what hangs on it fails and the next
 *                                request connects afresh
 * Answers: { id, rows, rowCount } or { id, error: { message, code } }.
 */
export const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
const { port, shared, url, connectTimeoutMs, statementTimeoutMs } = workerData;
const signal = new Int32Array(shared);

// Numbers as SQLite gives them: bigint and numeric as JS numbers (counts,
// sequence numbers, epoch-free integers all fit), booleans as 1 / 0.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(16, (v) => (v === 't' ? 1 : 0));

let client = null;
async function connected() {
  if (client) return client;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, statement_timeout: statementTimeoutMs, keepAlive: true });
  // A lost connection fails the statement under way; the next one reconnects.
  c.on('error', () => { if (client === c) client = null; });
  await c.connect();
  client = c;
  return c;
}

// Structured cloning turns Buffers into plain Uint8Arrays: pg binds Buffers as bytea.
const toBuffer = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
const bind = (v) => (Array.isArray(v) ? v.map(toBuffer) : toBuffer(v));

async function answer(req) {
  try {
    const c = await connected();
    if (req.script !== undefined) {
      await c.query(req.script);
      return { id: req.id, rows: [], rowCount: 0 };
    }
    const result = await c.query({ name: req.name, text: req.sql, values: req.params.map(bind) });
    return { id: req.id, rows: result.rows, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    // An error the server sent leaves the connection usable; any other (refused, reset, timed out) does not.
    const fromServer = error && typeof error.severity === 'string';
    if (!fromServer && client) { client.end().catch(() => {}); client = null; }
    return { id: req.id, error: { message: String(error && error.message ? error.message : error), code: fromServer ? error.code : undefined } };
  }
}

let queue = Promise.resolve();
port.on('message', (req) => {
  if (req.reset) {
    const c = client;
    client = null;
    if (c && c.connection && c.connection.stream) c.connection.stream.destroy();
    return;
  }
  if (req.close) {
    queue = queue.then(async () => { if (client) await client.end().catch(() => {}); port.close(); });
    return;
  }
  queue = queue.then(async () => {
    const res = await answer(req);
    port.postMessage(res);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
`;
