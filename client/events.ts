import { useEffect, useRef } from 'react';
import type { ThreadView } from '../shared/api';

/** Server-sent events of one agreement (GET /api/agreements/:id/events). */
export type AgreementEvent =
  | { type: 'thread'; thread: ThreadView }
  /** The participant list changed: refetch it. */
  | { type: 'participants' }
  /** Approvals, lock or signatures changed: refetch the status. */
  | { type: 'status' }
  /** The stream (re)opened: refetch everything, events may have been missed. */
  | { type: 'ready' };

type Listener = (event: AgreementEvent) => void;

/**
 * One EventSource per agreement, shared by every subscriber on the page: each
 * stream holds an HTTP/1.1 connection, and browsers allow only six per host,
 * so one per component (times open tabs) would soon starve ordinary requests.
 */
const streams = new Map<string, { source: EventSource; listeners: Set<Listener> }>();

function openStream(agreementId: string, listeners = new Set<Listener>()): { source: EventSource; listeners: Set<Listener> } {
  const source = new EventSource(`/api/agreements/${agreementId}/events`, { withCredentials: true });
  const emit = (event: AgreementEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };
  const parse = (data: string): unknown => {
    try {
      return JSON.parse(data);
    } catch {
      return null;
    }
  };
  source.addEventListener('ready', () => emit({ type: 'ready' }));
  source.addEventListener('participants', () => emit({ type: 'participants' }));
  source.addEventListener('status', () => emit({ type: 'status' }));
  source.addEventListener('thread', (e) => {
    const thread = parse((e as MessageEvent<string>).data);
    if (thread && typeof thread === 'object') emit({ type: 'thread', thread: thread as ThreadView });
  });
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
    queueMicrotask(() => stream?.listeners.has(listener) && listener({ type: 'ready' }));
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
  handler.current = onEvent;
  useEffect(() => {
    if (!agreementId) return;
    return subscribe(agreementId, (event) => handler.current(event));
  }, [agreementId]);
}
