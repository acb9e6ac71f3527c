import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import * as Y from 'yjs';
import type { StatusView } from '../../shared/api';
import { partiesOf } from '../../shared/schema';
import { getStatus } from '../api';
import { useAgreementEvents } from '../events';
import { ReadOnlyReason, SessionContext, type Session } from '../session';
import type { SyncMonitor } from '../editor/syncMonitor';
import type { Collab } from '../editor/useCollab';
import { useVersionMatch, type VersionMatch } from './useVersionMatch';

/**
 * Where the open agreement stands (GET /status): approvals, readiness, lock,
 * signatures. One fetch shared by every signing component, refreshed live:
 * on 'status' and 'ready' events, when threads or participants change
 * (they move the checklist), and a moment after document edits (the
 * checklist reads the text).
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

const EDIT_SETTLE_MS = 700;

export function SigningProvider({ collab, children }: { collab: Collab; children: ReactNode }) {
  const { id: agreementId, doc, monitor, persistence } = collab;
  const [status, setStatus] = useState<StatusView | null>(null);
  const [failed, setFailed] = useState(false);
  /** Each fetch or applied answer takes a number; only the newest is shown. */
  const seq = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(() => {
    const n = ++seq.current;
    clearTimeout(retry.current);
    getStatus(agreementId).then(
      (s) => {
        if (n !== seq.current) return;
        setStatus(s);
        setFailed(false);
      },
      () => {
        if (n !== seq.current) return;
        setFailed(true);
        retry.current = setTimeout(() => refresh(), 3000);
      },
    );
  }, [agreementId]);

  const apply = useCallback((s: StatusView) => {
    seq.current++;
    setStatus(s);
    setFailed(false);
  }, []);

  useEffect(() => {
    refresh();
    return () => {
      // A counter, not a DOM node: bumping its latest value makes the answers in flight stale.
      // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
      seq.current++;
      clearTimeout(retry.current);
    };
  }, [refresh]);

  useAgreementEvents(agreementId, (event) => {
    if (event.type === 'status' || event.type === 'ready' || event.type === 'participants' || event.type === 'thread') refresh();
  });

  // Edits change what the checklist finds filled in: refetch once they have settled on the server.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => (monitor.getSnapshot().pending ? settle() : refresh()), EDIT_SETTLE_MS);
    };
    doc.on('update', settle);
    return () => {
      clearTimeout(timer);
      doc.off('update', settle);
    };
  }, [doc, monitor, refresh]);

  const frozenHash = status && status.status !== 'draft' ? (status.version?.hash ?? null) : null;
  const versionMatch = useVersionMatch(doc, monitor, frozenHash);
  const reloadFromServer = useCallback(() => {
    void persistence.clearData().finally(() => window.location.reload());
  }, [persistence]);

  const value = useMemo<Signing>(
    () => ({ agreementId, status, failed, refresh, apply, doc, monitor, versionMatch, reloadFromServer }),
    [agreementId, status, failed, refresh, apply, doc, monitor, versionMatch, reloadFromServer],
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

/** Legal names of the parties in the document, by party id, live. */
export function usePartyNames(doc: Y.Doc): ReadonlyMap<string, string> {
  const cache = useRef<{ key: string; names: Map<string, string> }>({ key: '', names: new Map() });
  const subscribe = useCallback(
    (onChange: () => void) => {
      doc.on('update', onChange);
      return () => doc.off('update', onChange);
    },
    [doc],
  );
  const read = (): Map<string, string> => {
    const entries = partiesOf(doc).map(({ id, map }) => [id, String(map.get('legalName') ?? '').trim()] as const);
    const key = JSON.stringify(entries);
    if (key !== cache.current.key) cache.current = { key, names: new Map(entries) };
    return cache.current.names;
  };
  return useSyncExternalStore(subscribe, read);
}

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
