import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { HEADER_ME_SLOT } from '../Header';
import { roleName, useT } from '../intl';
import { initials, useIdentity } from '../identity';
import { useSession } from '../session';

/** Who you are on the open agreement (name, party, role), shown in the page header. */
export function MeBadge() {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setSlot(document.getElementById(HEADER_ME_SLOT)), []);
  const t = useT();
  const { me } = useSession();
  const { name, color, party } = useIdentity();
  if (!slot) return null;
  const partyLabel = party || t('party.unnamed');
  const role = roleName(t, me.participant.role);
  return createPortal(
    <div className="me" data-testid="me" data-role={me.participant.role} title={t('access.meLabel', { name, party: partyLabel, role })}>
      <span className="avatar small" style={{ backgroundColor: color }} aria-hidden="true">
        {initials(name)}
      </span>
      <span className="me-text">
        <span className="visually-hidden">{t('access.youAre')} </span>
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
              <span className="me-signatory">{t('access.signatory')}</span>
            </>
          )}
        </span>
      </span>
    </div>,
    slot,
  );
}
