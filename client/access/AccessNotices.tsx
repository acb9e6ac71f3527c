import { useParticipants } from '../data/queries';
import { useT } from '../intl';
import { useCanEdit, useReadOnlyReasons, useSession } from '../session';
import { useRightsNotices, type RightsNotice } from './AccessLayer';
import { usePartyNames } from '../editor/usePartyNames';
import type { Collab } from '../editor/useCollab';

/**
 * Above the sections: what your role lets you do when it is not editing
 * (read-only banner), and notices when your rights change while you are here.
 */
export function AccessNotices({ collab }: { collab: Collab }) {
  const t = useT();
  const parties = usePartyNames(collab.doc);
  const partyName = (id: string): string | null => parties.get(id) || null;
  const { me } = useSession();
  const { notices, dismissNotice } = useRightsNotices();
  const owner = useParticipants(collab.id).data?.find((p) => p.role === 'owner' && p.revokedAt === null);
  const role = me.participant.role;

  const text = (n: RightsNotice): string => {
    if (n.kind === 'role') return t('access.roleChanged', { role: t(`role.inSentence.${n.role}`) });
    if (n.kind === 'signatory') return n.signatory ? t('access.nowSignatory') : t('access.noLongerSignatory');
    return t('access.partyChanged', { party: partyName(n.partyId) ?? t('party.unnamed') });
  };

  return (
    <>
      {notices.map((n) => (
        <div key={n.id} className="notice access-notice" role="status" data-testid="role-notice" data-kind={n.kind}>
          <p>{text(n)}</p>
          <button type="button" className="button link" onClick={() => dismissNotice(n.id)}>
            {t('common.dismiss')}
          </button>
        </div>
      ))}
      {!me.can.edit && (
        <div className="notice read-only-banner" data-testid="read-only-banner" data-role={role}>
          <LockIcon className="read-only-icon" />
          <div>
            <p className="read-only-title">{t('access.readOnly', { role: t(`role.inSentence.${role}`) })}</p>
            <p className="small">
              {role === 'commenter' ? t('access.readOnlyCommenter') : t('access.readOnlyViewer')}
              {owner && owner.id !== me.participant.id ? ` ${t('access.readOnlyAsk', { owner: owner.name })}` : ''}
            </p>
          </div>
        </div>
      )}
    </>
  );
}

function LockIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm1.5 0h5V5a2.5 2.5 0 0 0-5 0v2Z"
      />
    </svg>
  );
}

/**
 * A small "Read-only" pill for the sticky toolbar, so the state stays in
 * sight while scrolling: for the role, or any other reason useCanEdit knows
 * (e.g. locked). Not shown for the moment a role change is being applied.
 */
export function ReadOnlyPill() {
  const t = useT();
  const { me } = useSession();
  const canEdit = useCanEdit();
  const reasons = useReadOnlyReasons().filter((r) => r !== 'rights-changing');
  if (canEdit || (me.can.edit && reasons.length === 0)) return null;
  const why = !me.can.edit ? t('access.readOnly', { role: t(`role.inSentence.${me.participant.role}`) }) : t('access.readOnlyLocked');
  return (
    <span className="read-only-pill" data-testid="read-only-pill" title={why}>
      <LockIcon />
      {t('access.readOnlyTitle')}
    </span>
  );
}
