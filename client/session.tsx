import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../shared/api';
import { ApiFailure, getMe } from './api';

/**
 * Who the browser's session is on one agreement (from GET /me): name, party,
 * role and rights. The server decides everything; the UI only mirrors it.
 */
export interface Session {
  me: Me;
  /** Refetch after rights may have changed (role change, lock, reconnect). */
  refresh(): void;
}

export type SessionState =
  | { state: 'loading' }
  | { state: 'ready'; session: Session }
  /** 401: no session (open your personal link); 403: not a participant or revoked. */
  | { state: 'refused'; status: number; message: string };

export const SessionContext = createContext<Session | null>(null);

/** The current participant on the open agreement. Only valid below a SessionContext provider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of an open agreement');
  return session;
}

export function useSessionLoader(agreementId: string): SessionState {
  const [state, setState] = useState<SessionState>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let live = true;
    getMe(agreementId).then(
      (me) => live && setState({ state: 'ready', session: { me, refresh } }),
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiFailure && (err.status === 401 || err.status === 403 || err.status === 404)) {
          setState({ state: 'refused', status: err.status, message: err.message });
        } else {
          // Network trouble: keep what we had, try again shortly.
          setTimeout(() => live && refresh(), 2000);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [agreementId, generation, refresh]);
  return state;
}

/**
 * Why the document is read-only right now, besides the role (e.g. 'locked'
 * while the agreement is locked for signing, 'rights-changing' while the
 * session is refreshed after a role change). Nested providers add up.
 */
const ReadOnlyReasons = createContext<readonly string[]>([]);

/** Makes everything below read-only while `active`, for `reason`. */
export function ReadOnlyReason({ reason, active, children }: { reason: string; active: boolean; children: ReactNode }) {
  const outer = useContext(ReadOnlyReasons);
  const value = useMemo(() => (active ? [...outer, reason] : outer), [outer, active, reason]);
  return <ReadOnlyReasons.Provider value={value}>{children}</ReadOnlyReasons.Provider>;
}

/** The reasons (other than the role) the document is read-only; empty when none. */
export const useReadOnlyReasons = (): readonly string[] => useContext(ReadOnlyReasons);

/**
 * The one place that decides whether the UI lets the user change the
 * document: the role allows it (me.can.edit) and no ReadOnlyReason is
 * active. Editors, fields and add/remove buttons all ask here. The server
 * enforces the same independently.
 */
export function useCanEdit(): boolean {
  const session = useContext(SessionContext);
  const reasons = useContext(ReadOnlyReasons);
  return session?.me.can.edit === true && reasons.length === 0;
}
