import { useEffect, useRef } from 'react';
import { AgreementEventSchema } from '../shared/schemas/events';
import { EVENT_NAMES, type AgreementEvent, type EventName } from '../shared/events';

/**
 * Server-sent events of one agreement (GET /api/agreements/:id/events). The
 * names and payloads are shared/events.ts; each payload is checked against
 * AgreementEventSchema before anyone sees it. The one subscriber is the
 * data layer (client/data/useLiveCache.ts), which keeps the cache current.
 */
export type { AgreementEvent } from '../shared/events';

type Listener = (event: AgreementEvent) => void;
type Stream = { source: EventSource; listeners: Set<Listener> };

const READY: AgreementEvent = { type: 'ready', data: {} };

/** An event as received, or null (with a warning) when its payload is not what the name promises. */
function parse(name: EventName, data: unknown): AgreementEvent | null {
  let json: unknown;
  try {
    json = typeof data === 'string' ? JSON.parse(data) : null;
  } catch {
    json = undefined;
  }
  const result = AgreementEventSchema.safeParse({ type: name, data: json });
  if (result.success) return result.data;
  console.warn(`entente: ignored a malformed '${name}' event`, result.error.issues);
  return null;
}

/**
 * One EventSource per agreement, shared by every subscriber on the page: each
 * stream holds an HTTP/1.1 connection, and browsers allow only six per host,
 * so one per component (times open tabs) would soon starve ordinary requests.
 */
const streams = new Map<string, Stream>();

function openStream(agreementId: string, listeners = new Set<Listener>()): Stream {
  const source = new EventSource(`/api/agreements/${agreementId}/events`, { withCredentials: true });
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (e) => {
      const event = parse(name, e instanceof MessageEvent ? e.data : null);
      if (event) for (const listener of [...listeners]) listener(event);
    });
  }
  return { source, listeners };
}

function subscribe(agreementId: string, listener: Listener): () => void {
  let stream = streams.get(agreementId);
  if (!stream || stream.source.readyState === EventSource.CLOSED) {
    // None yet, or it gave up for good (e.g. refused): a fresh one, for everyone listening.
    stream = openStream(agreementId, stream?.listeners);
    streams.set(agreementId, stream);
  } else if (stream.source.readyState === EventSource.OPEN) {
    // Joining an open stream: its `ready` is past, so give this subscriber its own.
    const joined = stream;
    queueMicrotask(() => joined.listeners.has(listener) && listener(READY));
  }
  const { listeners } = stream;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    // Closed a tick later, so a remount (StrictMode, a parent re-keying) keeps the same stream.
    setTimeout(() => {
      const current = streams.get(agreementId);
      if (listeners.size > 0 || current?.listeners !== listeners) return;
      current.source.close();
      streams.delete(agreementId);
    }, 0);
  };
}

/**
 * Subscribes to an agreement's live events. EventSource reconnects by itself;
 * each reconnection starts with `ready`, so subscribers refetch what they show.
 */
export function useAgreementEvents(agreementId: string | null, onEvent: (event: AgreementEvent) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    if (!agreementId) return;
    return subscribe(agreementId, (event) => handler.current(event));
  }, [agreementId]);
}
