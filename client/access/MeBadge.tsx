import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Role } from '../../shared/api';
import { HEADER_ME_SLOT } from '../Header';
import { useI18n } from '../i18n';
import { initials, useIdentity } from '../identity';
import { useSession } from '../session';
import { useAccessStrings } from './i18n';

export const roleName = (s: ReturnType<typeof useAccessStrings>, role: string): string => s.role[role as Role] ?? role;

/** Who you are on the open agreement (name, party, role), shown in the page header. */
export function MeBadge() {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setSlot(document.getElementById(HEADER_ME_SLOT)), []);
  const { t } = useI18n();
  const s = useAccessStrings();
  const { me } = useSession();
  const { name, color, party } = useIdentity();
  if (!slot) return null;
  const partyLabel = party || t.unnamedParty;
  const role = roleName(s, me.participant.role);
  return createPortal(
    <div className="me" data-testid="me" data-role={me.participant.role} title={s.meLabel(name, partyLabel, role)}>
      <span className="avatar small" style={{ backgroundColor: color }} aria-hidden="true">
        {initials(name)}
      </span>
      <span className="me-text">
        <span className="visually-hidden">{s.youAre} </span>
        <span className="me-name" data-testid="me-name">
          {name}
        </span>
        <span className="me-detail">
          <span className="me-party">{partyLabel}</span>
          <span aria-hidden="true"> · </span>
          <span className="me-role" data-testid="me-role">
            {role}
          </span>
          {me.participant.signatory && (
            <>
              <span aria-hidden="true"> · </span>
              <span className="me-signatory">{s.signatory}</span>
            </>
          )}
        </span>
      </span>
    </div>,
    slot,
  );
}
