import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Me } from '../shared/api';
import { ApiFailure } from './apiFailure';
import { agreementKeys, useMe } from './data/queries';
import { isRefusal } from './data/queryClient';

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

/**
 * The session from the shared cache (client/data: GET /me, tried again while
 * the network fails). `refresh` asks again; so does the event stream when
 * participants change or the stream reopens.
 */
export function useSessionLoader(agreementId: string): SessionState {
  const me = useMe(agreementId);
  const client = useQueryClient();
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: agreementKeys.me(agreementId) }), [client, agreementId]);
  const session = useMemo(() => (me.data ? { me: me.data, refresh } : null), [me.data, refresh]);
  // Refused wins over what we had: revoked while the page was open.
  if (me.error instanceof ApiFailure && isRefusal(me.error)) return { state: 'refused', status: me.error.status, message: me.error.message };
  return session ? { state: 'ready', session } : { state: 'loading' };
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
