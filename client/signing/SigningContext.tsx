import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import * as Y from 'yjs';
import type { StatusView } from '../../shared/api';
import { useAgreementCache } from '../data/cache';
import { useStatus } from '../data/queries';
import { ReadOnlyReason, SessionContext, type Session } from '../session';
import type { SyncMonitor } from '../editor/syncMonitor';
import type { Collab } from '../editor/useCollab';
import { useVersionMatch, type VersionMatch } from './useVersionMatch';

/**
 * Where the open agreement stands (GET /status): approvals, readiness, lock,
 * signatures, for every signing component. The status lives in the shared
 * cache (client/data), which the event stream and document edits keep
 * current; this adds the document and what the signing UI derives from it.
 */
export interface Signing {
  agreementId: string;
  status: StatusView | null;
  /** The last fetch failed (kept status is still shown). */
  failed: boolean;
  refresh(): void;
  /** Shows a status an action answered with (newer than any fetch in flight). */
  apply(status: StatusView): void;
  doc: Y.Doc;
  monitor: SyncMonitor;
  /** While locked or signed: whether the text on this page is exactly the locked version. */
  versionMatch: VersionMatch;
  /** Drops this device's copy of the document and reloads it from the server. */
  reloadFromServer(): void;
}

export const SigningContext = createContext<Signing | null>(null);

/** The signing state of the open agreement, or null outside of one. */
export const useSigning = (): Signing | null => useContext(SigningContext);

/** The session when there is one (the signing UI stays out of the way otherwise). */
export const useOptionalSession = (): Session | null => useContext(SessionContext);

export function SigningProvider({ collab, children }: { collab: Collab; children: ReactNode }) {
  const { id: agreementId, doc, monitor, persistence } = collab;
  const query = useStatus(agreementId);
  const cache = useAgreementCache(agreementId);
  const status = query.data ?? null;
  // Until a fetch succeeds again (the status kept is still shown).
  const failed = query.isError || query.failureCount > 0;

  const frozenHash = status && status.status !== 'draft' ? (status.version?.hash ?? null) : null;
  const versionMatch = useVersionMatch(doc, monitor, frozenHash);
  const reloadFromServer = useCallback(() => {
    void persistence.clearData().finally(() => window.location.reload());
  }, [persistence]);

  const value = useMemo<Signing>(
    () => ({ agreementId, status, failed, refresh: cache.refreshStatus, apply: cache.setStatus, doc, monitor, versionMatch, reloadFromServer }),
    [agreementId, status, failed, cache, doc, monitor, versionMatch, reloadFromServer],
  );
  const frozen = status?.status === 'locked' || status?.status === 'signed';
  return (
    <SigningContext.Provider value={value}>
      {/* Locked or signed: the text is final, whatever the role (see useCanEdit). */}
      <ReadOnlyReason reason="locked" active={frozen}>
        {children}
      </ReadOnlyReason>
    </SigningContext.Provider>
  );
}

/** An empty document, for hooks that must run before (or outside) an open agreement. */
export const NO_DOC = new Y.Doc();

/** Waits until the server has confirmed every local change (or a few seconds pass). */
export function whenSaved(monitor: SyncMonitor, timeoutMs = 5000): Promise<void> {
  if (!monitor.getSnapshot().pending) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = monitor.subscribe(() => {
      if (!monitor.getSnapshot().pending) done();
    });
    function done(): void {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}
