/**
 * Messages between the orchestrator (fanout.ts) and a load process (load.ts),
 * over the node IPC channel of a forked child.
 */
import type { HistogramData } from './stats';

export interface LoadDoc {
  /** Index of the document in the whole run (for messages only). */
  index: number;
  /** One URL per server instance: client `slot` of the document connects to urls[slot % urls.length]. */
  urls: string[];
}

export interface LoadParams {
  docs: LoadDoc[];
  clientsPerDoc: number;
  writersPerDoc: number;
  /** Updates per second per writer. */
  rate: number;
  /** Name of the shared Y.Text the writers insert into. */
  root: string;
  /** Websocket handshakes in flight at once, per load process. */
  connectConcurrency: number;
  connectTimeoutMs: number;
}

export type ToLoad =
  { type: 'init'; params: LoadParams } | { type: 'start' } | { type: 'window-start' } | { type: 'window-end' } | { type: 'collect' } | { type: 'close' };

export interface LoadResult {
  clients: number;
  /** Updates sent by writers inside the measured window. */
  updatesSent: number;
  /** Updates sent before the window (warm-up). */
  warmupUpdates: number;
  /** First arrivals of window updates at a client other than their writer. */
  deliveries: number;
  /** Window updates × (clients per document − 1). */
  expectedDeliveries: number;
  /** Window updates a client received more than once. */
  duplicates: number;
  /** Messages that carried a writer update, all clients, during the window and drain (echoes included). */
  updateMessages: number;
  /** Messages that brought a writer its own update back (the server echoing it), window and drain. */
  echoes: number;
  latency: HistogramData;
  /** Of those, deliveries to a client on another server instance than the writer's (several instances only). */
  crossLatency: HistogramData;
  /** Event-loop delay of the load process during the window, ms. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Sockets that closed or failed after they had synced. */
  problems: string[];
}

export type FromLoad = { type: 'ready'; clients: number; ms: number } | { type: 'result'; result: LoadResult } | { type: 'error'; message: string };

const TO_LOAD = new Set(['init', 'start', 'window-start', 'window-end', 'collect', 'close']);
const FROM_LOAD = new Set(['ready', 'result', 'error']);

function typeOf(msg: unknown): string | null {
  if (typeof msg !== 'object' || msg === null || !('type' in msg)) return null;
  return typeof msg.type === 'string' ? msg.type : null;
}

/** Both ends are this benchmark: checking the tag is enough. */
export function isToLoad(msg: unknown): msg is ToLoad {
  const t = typeOf(msg);
  return t !== null && TO_LOAD.has(t);
}

export function isFromLoad(msg: unknown): msg is FromLoad {
  const t = typeOf(msg);
  return t !== null && FROM_LOAD.has(t);
}
