import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useParticipants, useRightsNotices, type RightsNotice } from './AccessLayer';
import { useAccessStrings } from './i18n';
import { roleName } from './MeBadge';
import { usePartyNames } from './usePartyNames';
import type { Collab } from '../editor/useCollab';

/**
 * Above the sections: what your role lets you do when it is not editing
 * (read-only banner), and notices when your rights change while you are here.
 */
export function AccessNotices({ collab }: { collab: Collab }) {
  const { t } = useI18n();
  const parties = usePartyNames(collab.doc);
  const partyName = (id: string): string | null => parties.find((p) => p.id === id)?.legalName || null;
  const s = useAccessStrings();
  const { me } = useSession();
  const { notices, dismissNotice } = useRightsNotices();
  const { participants } = useParticipants();
  const owner = participants.status === 'ready' ? participants.participants.find((p) => p.role === 'owner' && p.revokedAt === null) : undefined;
  const role = me.participant.role;

  const text = (n: RightsNotice): string => {
    if (n.kind === 'role') return s.roleChanged(roleName(s, n.role));
    if (n.kind === 'signatory') return n.signatory ? s.nowSignatory : s.noLongerSignatory;
    return s.partyChanged(partyName(n.partyId) ?? t.unnamedParty);
  };

  return (
    <>
      {notices.map((n) => (
        <div key={n.id} className="notice access-notice" role="status" data-testid="role-notice" data-kind={n.kind}>
          <p>{text(n)}</p>
          <button type="button" className="button link" onClick={() => dismissNotice(n.id)}>
            {s.dismiss}
          </button>
        </div>
      ))}
      {!me.can.edit && (
        <div className="notice read-only-banner" data-testid="read-only-banner" data-role={role}>
          <span className="read-only-icon" aria-hidden="true">
            🔒
          </span>
          <div>
            <p className="read-only-title">{s.readOnly(roleName(s, role))}</p>
            <p className="small">
              {role === 'commenter' ? s.readOnlyCommenter : s.readOnlyViewer}
              {owner && owner.id !== me.participant.id ? ` ${s.readOnlyAsk(owner.name)}` : ''}
            </p>
          </div>
        </div>
      )}
    </>
  );
}
