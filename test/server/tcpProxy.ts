import { Worker } from 'node:worker_threads';

export interface TcpProxy {
  port: number;
  /** The link goes down: live connections are cut and new ones refused. */
  cut(): Promise<void>;
  /** The link is back, on the same port. */
  restore(): Promise<void>;
  /** Live connections stop carrying anything, without closing (a partition: no reset ever comes); new ones work. */
  freeze(): Promise<void>;
  close(): Promise<void>;
}

/*
 * In a thread of its own: the server under test may hold its event loop
 * while it waits for the database (server/store/postgres/syncClient.ts),
 * and the bytes it waits for pass through here.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const sockets = new Set();
let server = null;
let port = 0;
function listen(done) {
  server = net.createServer((client) => {
    const upstream = net.createConnection(workerData.target);
    for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => {}); }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  server.listen(port, '127.0.0.1', () => { port = server.address().port; done(); });
}
function stop(done) {
  for (const s of sockets) s.destroy();
  if (!server) return done();
  const s = server; server = null; s.close(() => done());
}
listen(() => parentPort.postMessage({ port }));
parentPort.on('message', (cmd) => {
  const reply = () => parentPort.postMessage({ done: cmd });
  if (cmd === 'cut') stop(reply);
  else if (cmd === 'restore') listen(reply);
  else if (cmd === 'freeze') { for (const s of sockets) { s.unpipe(); s.pause(); } reply(); }
  else if (cmd === 'close') stop(() => { reply(); parentPort.close(); });
});
`;

/** A TCP relay to `target` that a test can cut and restore, as a network fault or a database going away would. */
export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const worker = new Worker(SOURCE, { eval: true, workerData: { target } });
  const port = await new Promise<number>((resolve) => worker.once('message', (m: { port: number }) => resolve(m.port)));
  const send = (cmd: string): Promise<void> =>
    new Promise((resolve) => {
      worker.once('message', () => resolve());
      worker.postMessage(cmd);
    });
  let closed = false;
  return {
    port,
    cut: () => send('cut'),
    restore: () => send('restore'),
    freeze: () => send('freeze'),
    async close() {
      if (closed) return;
      closed = true;
      await send('close');
      await worker.terminate();
    },
  };
}
