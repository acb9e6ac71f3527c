import { useEffect } from 'react';
import type { Collab } from '../editor/useCollab';
import { useAgreementEvents, type AgreementEvent } from '../events';
import { useAgreementCache, type AgreementCache } from './cache';

/** How long after the last document update the status is asked again (the checklist reads the text). */
export const EDIT_SETTLE_MS = 500;

/** What each event changes in the cache. */
export function applyEvent(cache: AgreementCache, event: AgreementEvent): void {
  switch (event.type) {
    case 'thread':
      cache.upsertThread(event.data);
      // An open shared thread holds the lock back (checklist).
      cache.refreshStatus();
      return;
    case 'participants':
      cache.participantsChanged();
      return;
    case 'parties':
      cache.setParties(event.data.parties);
      return;
    case 'status':
      cache.refreshStatus();
      return;
    case 'history':
      cache.refreshHistory();
      return;
    case 'authors':
      cache.mergeAuthors(event.data.authors);
      return;
    case 'ready':
      // The stream (re)opened: whatever happened meanwhile was not heard.
      cache.refreshAll();
      return;
    case 'notification':
      cache.refreshNotifications();
      return;
    case 'ping':
      return;
  }
}

/**
 * The one place that keeps an open agreement's cache current: it listens to
 * the event stream, and refetches the status once document edits have
 * settled on the server. Used once, by the editor page.
 */
export function useLiveCache(collab: Collab | null): void {
  const id = collab?.id ?? null;
  const cache = useAgreementCache(id ?? '');
  useAgreementEvents(id, (event) => applyEvent(cache, event));

  useEffect(() => {
    if (!collab) return;
    const { doc, monitor } = collab;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The server computes the checklist from what it stored: wait until our own edits got there.
    const settle = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => (monitor.getSnapshot().pending ? settle() : cache.refreshStatus()), EDIT_SETTLE_MS);
    };
    doc.on('update', settle);
    return () => {
      clearTimeout(timer);
      doc.off('update', settle);
    };
  }, [collab, cache]);
}
