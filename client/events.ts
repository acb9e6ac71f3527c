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

/**
 * Subscribes to an agreement's live events. EventSource reconnects by itself;
 * each reconnection starts with `ready`, so subscribers refetch what they show.
 */
export function useAgreementEvents(agreementId: string | null, onEvent: (event: AgreementEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!agreementId) return;
    const source = new EventSource(`/api/agreements/${agreementId}/events`, { withCredentials: true });
    const parse = (data: string): unknown => {
      try {
        return JSON.parse(data);
      } catch {
        return null;
      }
    };
    source.addEventListener('ready', () => handler.current({ type: 'ready' }));
    source.addEventListener('participants', () => handler.current({ type: 'participants' }));
    source.addEventListener('status', () => handler.current({ type: 'status' }));
    source.addEventListener('thread', (e) => {
      const thread = parse((e as MessageEvent<string>).data);
      if (thread && typeof thread === 'object') handler.current({ type: 'thread', thread: thread as ThreadView });
    });
    return () => source.close();
  }, [agreementId]);
}
