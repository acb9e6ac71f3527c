/**
 * A load process: all clients of the documents it is given (writers and
 * readers of one document always live in the same process, so a receive time
 * and a send time come from the same performance.now() clock).
 *
 * Writers are Y.Docs that insert at the end of their own content in a shared
 * Y.Text, so their updates reference only their own items and stay valid
 * without applying anyone else's; each update goes out as one y-websocket
 * update message in its own frame. Every client (writers included) reads the
 * update and step-2 messages it receives, finds which writer updates they
 * carry with Y.parseUpdateMeta (several updates merged into one message are
 * all counted) and records the latency of the first arrival of each.
 *
 * Driven by the orchestrator over IPC: init → ready, start, window-start,
 * window-end, collect → result, close.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { isToLoad, type FromLoad, type LoadParams, type LoadResult, type ToLoad } from './ipc';
import { EMPTY_STEP1, EMPTY_STEP2, decodeIncoming, step1For, step2For, updateMessage } from './protocol';
import { Histogram } from './stats';

interface Writer {
  /** The server instance its socket is on. */
  instance: number;
  doc: Y.Doc;
  text: Y.Text;
  clientId: number;
  /** Own clock after the last insert (each inserted character is one clock). */
  nextClock: number;
  /** Start clock of each update sent, in order. */
  starts: number[];
  /** performance.now() just before each update was handed to the socket. */
  sentAt: number[];
  /** seen[update * clientsPerDoc + slot] = 1 once that client received that update. */
  seen: Uint8Array;
  windowStart: number;
  windowEnd: number;
  timer: NodeJS.Timeout | null;
  /** The update produced by the last local insert (set by the doc's update handler). */
  pending: Uint8Array | null;
}

interface Client {
  docIndex: number;
  /** Local document number in this process. */
  localDoc: number;
  slot: number;
  /** The server instance it connects to (slot modulo the instances). */
  instance: number;
  ws: WebSocket | null;
  synced: boolean;
  writer: Writer | null;
}

const INITIAL_UPDATES_CAPACITY = 512;
const TEXT = 'abcdefghijklmnopqrstuvwxyz';

let params: LoadParams | null = null;
const clients: Client[] = [];
const writers = new Map<number, { writer: Writer; localDoc: number }>();
const histogram = new Histogram();
/** Deliveries from a writer on one instance to a client on another. */
const crossHistogram = new Histogram();
/** Sampling every 1 ms: a sample of d ms means the loop was blocked for about d − 1 ms. */
const LOOP_RESOLUTION_MS = 1;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
const problems: string[] = [];
let writing = false;
/** From window-start until collect: the counters below only count then. */
let measuring = false;
let shuttingDown = false;
let deliveries = 0;
let duplicates = 0;
let updateMessages = 0;
let echoes = 0;

function send(msg: FromLoad): void {
  process.send?.(msg);
}

function problem(text: string): void {
  if (problems.length < 50) problems.push(text);
}

/** Index of the first start > clock (starts is increasing). */
function upperBound(starts: number[], clock: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) <= clock) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts every writer update carried by `update` as delivered to `client`. */
function account(client: Client, update: Uint8Array, now: number, clientsPerDoc: number): void {
  const meta = Y.parseUpdateMeta(update);
  let carried = false;
  for (const [clientId, from] of meta.from) {
    const entry = writers.get(clientId);
    if (!entry) continue; // content not written by a bench writer (e.g. a template)
    carried = true;
    const w = entry.writer;
    if (w === client.writer) {
      if (measuring) echoes += 1;
      continue;
    }
    if (entry.localDoc !== client.localDoc) {
      problem(`doc ${client.docIndex} client ${client.slot} received an update of another document`);
      continue;
    }
    const to = meta.to.get(clientId) ?? from;
    const { starts, sentAt, seen } = w;
    // The update holding clock `from` is the last one starting at or before it.
    for (let i = Math.max(0, upperBound(starts, from) - 1); i < starts.length && (starts[i] ?? 0) < to; i++) {
      const k = i * clientsPerDoc + client.slot;
      const inWindow = i >= w.windowStart && i < w.windowEnd;
      if (seen[k] === 1) {
        if (inWindow) duplicates += 1;
        continue;
      }
      seen[k] = 1;
      if (inWindow) {
        deliveries += 1;
        histogram.record(now - (sentAt[i] ?? now));
        if (w.instance !== client.instance) crossHistogram.record(now - (sentAt[i] ?? now));
      }
    }
  }
  if (carried && measuring) updateMessages += 1;
}

function onMessage(client: Client, data: WebSocket.RawData, isBinary: boolean, onSynced: () => void): void {
  const now = performance.now();
  const p = params;
  const ws = client.ws;
  if (!p || !ws) return;
  if (!isBinary || !(data instanceof Uint8Array)) {
    problem(`doc ${client.docIndex} client ${client.slot}: non-binary message`);
    return;
  }
  let msg;
  try {
    msg = decodeIncoming(data);
  } catch (err) {
    problem(`doc ${client.docIndex} client ${client.slot}: undecodable message (${String(err)})`);
    return;
  }
  switch (msg.kind) {
    case 'step1':
      ws.send(client.writer ? step2For(client.writer.doc, msg.stateVector) : EMPTY_STEP2);
      break;
    case 'step2':
      account(client, msg.update, now, p.clientsPerDoc);
      if (!client.synced) {
        client.synced = true;
        onSynced();
      }
      break;
    case 'update':
      account(client, msg.update, now, p.clientsPerDoc);
      break;
    case 'auth':
      problem(`doc ${client.docIndex} client ${client.slot}: permission denied (${msg.reason})`);
      break;
    case 'other':
      break; // awareness and anything else: ignored
  }
}

function makeWriter(clientsPerDoc: number, root: string, instance: number): Writer {
  const doc = new Y.Doc();
  const writer: Writer = {
    instance,
    doc,
    text: doc.getText(root),
    clientId: doc.clientID,
    nextClock: 0,
    starts: [],
    sentAt: [],
    seen: new Uint8Array(INITIAL_UPDATES_CAPACITY * clientsPerDoc),
    windowStart: Number.POSITIVE_INFINITY,
    windowEnd: Number.POSITIVE_INFINITY,
    timer: null,
    pending: null,
  };
  doc.on('update', (update: Uint8Array) => {
    writer.pending = update;
  });
  return writer;
}

function connect(client: Client, url: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (err: Error | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };
    const where = `doc ${client.docIndex} client ${client.slot}`;
    const timer = setTimeout(() => finish(new Error(`${where}: not synced within ${timeoutMs} ms (${url})`)), timeoutMs);
    const ws = new WebSocket(url);
    client.ws = ws;
    ws.on('open', () => {
      ws.send(client.writer ? step1For(client.writer.doc) : EMPTY_STEP1);
    });
    ws.on('message', (data, isBinary) => onMessage(client, data, isBinary, () => finish(null)));
    ws.on('unexpected-response', (_req, res) => {
      finish(new Error(`${where}: upgrade refused with HTTP ${res.statusCode ?? '?'} (${url})`));
      ws.terminate();
    });
    ws.on('error', (err) => {
      if (!done) finish(new Error(`${where}: ${err.message} (${url})`));
      else if (!shuttingDown) problem(`${where}: socket error ${err.message}`);
    });
    ws.on('close', (code, reason) => {
      const why = `closed with code ${code}${reason.length > 0 ? ` (${reason.toString()})` : ''}`;
      if (!done) finish(new Error(`${where}: ${why} before syncing (${url})`));
      else if (!shuttingDown) problem(`${where}: ${why}`);
    });
  });
}

async function connectAll(p: LoadParams): Promise<void> {
  p.docs.forEach((doc, localDoc) => {
    for (let slot = 0; slot < p.clientsPerDoc; slot++) {
      // Writers and readers alike alternate between the instances.
      const instance = slot % doc.urls.length;
      const writer = slot < p.writersPerDoc ? makeWriter(p.clientsPerDoc, p.root, instance) : null;
      if (writer) writers.set(writer.clientId, { writer, localDoc });
      clients.push({ docIndex: doc.index, localDoc, slot, instance, ws: null, synced: false, writer });
    }
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < clients.length) {
      const client = clients[next];
      next += 1;
      if (!client) break;
      const urls = p.docs[client.localDoc]?.urls ?? [];
      const url = urls[client.instance] ?? '';
      await connect(client, url, p.connectTimeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, p.connectConcurrency) }, worker));
}

function growSeen(w: Writer, clientsPerDoc: number): void {
  if ((w.starts.length + 1) * clientsPerDoc <= w.seen.length) return;
  const bigger = new Uint8Array(w.seen.length * 2);
  bigger.set(w.seen);
  w.seen = bigger;
}

function writeOnce(client: Client, w: Writer, p: LoadParams): void {
  const ws = client.ws;
  if (!ws || ws.readyState !== WebSocket.OPEN) return;
  const length = 1 + Math.floor(Math.random() * 8);
  const offset = Math.floor(Math.random() * TEXT.length);
  const str = (TEXT + TEXT).slice(offset, offset + length);
  w.pending = null;
  // At the end of its own content: the update references only this writer's items.
  w.text.insert(w.text.length, str);
  const update = w.pending;
  if (!update) return;
  growSeen(w, p.clientsPerDoc);
  w.starts.push(w.nextClock);
  w.nextClock += length;
  const message = updateMessage(update);
  w.sentAt.push(performance.now());
  ws.send(message);
}

function scheduleWriter(client: Client, w: Writer, p: LoadParams, first: boolean): void {
  const mean = 1000 / p.rate;
  // Uniform jitter around the mean interval (first tick: random phase).
  const delay = first ? Math.random() * mean : mean * (0.5 + Math.random());
  w.timer = setTimeout(() => {
    if (!writing) return;
    writeOnce(client, w, p);
    scheduleWriter(client, w, p, false);
  }, delay);
}

function startWriting(p: LoadParams): void {
  writing = true;
  for (const client of clients) {
    if (client.writer) scheduleWriter(client, client.writer, p, true);
  }
}

function windowStart(): void {
  for (const { writer } of writers.values()) writer.windowStart = writer.starts.length;
  measuring = true;
  loopDelay.reset();
  loopDelay.enable();
}

function windowEnd(): void {
  writing = false;
  for (const { writer } of writers.values()) {
    if (writer.timer) clearTimeout(writer.timer);
    writer.timer = null;
    writer.windowEnd = writer.starts.length;
  }
  loopDelay.disable();
}

function result(p: LoadParams): LoadResult {
  let updatesSent = 0;
  let warmupUpdates = 0;
  for (const { writer } of writers.values()) {
    const start = Math.min(writer.windowStart, writer.starts.length);
    const end = Math.min(writer.windowEnd, writer.starts.length);
    updatesSent += Math.max(0, end - start);
    warmupUpdates += start;
  }
  return {
    clients: clients.length,
    updatesSent,
    warmupUpdates,
    deliveries,
    expectedDeliveries: updatesSent * (p.clientsPerDoc - 1),
    duplicates,
    updateMessages,
    echoes,
    latency: histogram.toData(),
    crossLatency: crossHistogram.toData(),
    loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    loopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - LOOP_RESOLUTION_MS),
    problems,
  };
}

function shutdown(code: number): void {
  shuttingDown = true;
  writing = false;
  for (const client of clients) client.ws?.terminate();
  setTimeout(() => process.exit(code), 50);
}

async function handle(msg: ToLoad): Promise<void> {
  switch (msg.type) {
    case 'init': {
      params = msg.params;
      const t0 = performance.now();
      await connectAll(msg.params);
      send({ type: 'ready', clients: clients.length, ms: performance.now() - t0 });
      break;
    }
    case 'start':
      if (params) startWriting(params);
      break;
    case 'window-start':
      windowStart();
      break;
    case 'window-end':
      windowEnd();
      break;
    case 'collect':
      measuring = false;
      if (params) send({ type: 'result', result: result(params) });
      break;
    case 'close':
      shutdown(0);
      break;
  }
}

process.on('message', (msg: unknown) => {
  if (!isToLoad(msg)) return;
  handle(msg).catch((err: unknown) => {
    send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    shutdown(1);
  });
});
process.on('disconnect', () => shutdown(1));
