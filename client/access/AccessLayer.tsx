import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Bell } from '../deferred';
import type { Me } from '../../shared/api';
import { CloseCode } from '../../shared/closeCodes';
import type { Collab } from '../editor/useCollab';
import { usePartyNames } from '../editor/usePartyNames';
import { IdentityContext, colorFor, type Identity } from '../identity';
import { ReadOnlyReason, useSession } from '../session';
import { useMarkRevoked } from './AccessGate';
import { MeBadge } from './MeBadge';

/** A change to the current participant's rights, shown until dismissed. */
export type RightsNotice =
  | { id: number; kind: 'role'; role: Me['participant']['role'] }
  | { id: number; kind: 'signatory'; signatory: boolean }
  | { id: number; kind: 'party'; partyId: string };

interface AccessValue {
  notices: RightsNotice[];
  dismissNotice(id: number): void;
}

const AccessContext = createContext<AccessValue | null>(null);

function useAccess(): AccessValue {
  const value = useContext(AccessContext);
  if (!value) throw new Error('useAccess outside of an open agreement');
  return value;
}

/** Notices about the current participant's own rights changing (role, signatory, party). */
export function useRightsNotices(): Pick<AccessValue, 'notices' | 'dismissNotice'> {
  const { notices, dismissNotice } = useAccess();
  return { notices, dismissNotice };
}

/**
 * Everything about who you are on an open agreement, below the session:
 * - your presence (awareness `user`: name, colour, party, role) and header badge;
 * - rights changing live: a socket closed with 4001 refreshes the session
 *   (so does a `participants` event, in client/data); 4410 means revoked;
 *   4401/4403 recheck.
 * The participant list is in the shared cache (client/data `useParticipants`).
 */
export function AccessLayer({ collab, children }: { collab: Collab; children: ReactNode }) {
  const session = useSession();
  const { me, refresh } = session;
  const markRevoked = useMarkRevoked();
  const parties = usePartyNames(collab.doc);
  const awareness = collab.provider.awareness;

  const partyName = parties.get(me.participant.partyId) ?? '';
  const identity = useMemo<Identity>(
    () => ({ name: me.participant.name, color: colorFor(me.participant.id), partyId: me.participant.partyId, party: partyName, role: me.participant.role }),
    [me.participant.name, me.participant.id, me.participant.partyId, me.participant.role, partyName],
  );

  useEffect(() => {
    awareness.setLocalStateField('user', identity);
  }, [awareness, identity]);

  // After a 4001 the old rights are gone but the new ones are not known yet: no edits meanwhile.
  const [rightsChanging, setRightsChanging] = useState(false);
  useEffect(() => setRightsChanging(false), [me]);

  useEffect(() => {
    const provider = collab.provider;
    const onClose = (event: CloseEvent | null): void => {
      if (!event) return;
      if (event.code === CloseCode.RightsChanged) {
        setRightsChanging(true);
        refresh();
      } else if (event.code === CloseCode.Revoked) {
        markRevoked();
      } else if (event.code === CloseCode.Unauthenticated || event.code === CloseCode.Forbidden) {
        refresh();
      }
    };
    provider.on('connection-close', onClose);
    return () => provider.off('connection-close', onClose);
  }, [collab.provider, refresh, markRevoked]);

  // What changed about me since the last session: say so.
  const [notices, setNotices] = useState<RightsNotice[]>([]);
  const previous = useRef(me.participant);
  const manages = me.can.manage;
  const nextNoticeId = useRef(1);
  useEffect(() => {
    const before = previous.current;
    const now = me.participant;
    previous.current = now;
    // The owner changes these only by their own hand: no need to tell them.
    if (before.id !== now.id || manages) return;
    const added: RightsNotice[] = [];
    if (before.role !== now.role) added.push({ id: nextNoticeId.current++, kind: 'role', role: now.role });
    if (before.signatory !== now.signatory) added.push({ id: nextNoticeId.current++, kind: 'signatory', signatory: now.signatory });
    if (before.partyId !== now.partyId) added.push({ id: nextNoticeId.current++, kind: 'party', partyId: now.partyId });
    if (added.length > 0) setNotices((list) => [...list.filter((n) => !added.some((a) => a.kind === n.kind)), ...added]);
  }, [me.participant, manages]);
  const dismissNotice = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const value = useMemo<AccessValue>(() => ({ notices, dismissNotice }), [notices, dismissNotice]);

  return (
    <AccessContext.Provider value={value}>
      <IdentityContext.Provider value={identity}>
        <ReadOnlyReason reason="rights-changing" active={rightsChanging}>
          <MeBadge />
          <Bell agreementId={collab.id} />
          {children}
        </ReadOnlyReason>
      </IdentityContext.Provider>
    </AccessContext.Provider>
  );
}
