import type { SectionTemplate } from '../../shared/template';
import { approveSection } from '../api/status';
import { usePartyNames } from '../editor/usePartyNames';
import { NO_DOC, useOptionalSession, useSigning, whenSaved } from './SigningContext';
import { useDates, useT } from '../intl';
import { useStatusAction } from './useStatusAction';
import './signing.css';

/**
 * Under a section's title: each party's approval of this section (who and
 * when, with a tick) and, for people who may approve, a button to approve
 * it for their own party. Edits clear a section's approvals on the server;
 * an approval whose content no longer matches shows as changed meanwhile.
 */
export function SectionApprovals({ section }: { section: SectionTemplate }) {
  const signing = useSigning();
  const session = useOptionalSession();
  const t = useT();
  const dates = useDates();
  const names = usePartyNames(signing?.doc ?? NO_DOC);
  const { busy, error, run } = useStatusAction(signing);
  if (!signing?.status) return null;
  const { status } = signing;
  const valid = new Set(status.validApprovals);
  const parties = [...names.entries()];
  const me = session?.me;
  const myParty = me?.participant.partyId ?? '';
  const myPartyName = names.get(myParty) || t('party.unnamed');
  const mine = valid.has(`${section.key}:${myParty}`);
  const mineStale = !mine && status.approvals.some((a) => a.section === section.key && a.partyId === myParty);
  const canApprove = !!me?.can.approve && status.status === 'draft' && names.has(myParty);

  const approve = async (): Promise<void> => {
    await run(async () => {
      // Approve what the server has: wait for our own last keystrokes to get there.
      await whenSaved(signing.monitor);
      return approveSection(signing.agreementId, section.key);
    });
  };

  return (
    <div className="section-approvals" role="group" data-testid={`approvals-${section.key}`} aria-label={t('signing.approvals')}>
      <ul className="approval-list">
        {parties.map(([partyId, name]) => {
          const approval = status.approvals.find((a) => a.section === section.key && a.partyId === partyId);
          const ok = valid.has(`${section.key}:${partyId}`);
          const state = ok ? 'approved' : approval ? 'changed' : 'pending';
          const who = approval
            ? t('signing.approvedBy', { name: approval.participantName, when: dates.dayTime(approval.approvedAt, { month: 'short', year: false }) })
            : t('signing.notApproved');
          const fullWho = approval
            ? t('signing.approvedBy', { name: approval.participantName, when: dates.dayTime(approval.approvedAt) })
            : t('signing.notApproved');
          return (
            <li
              key={partyId}
              className={`approval approval-${state}`}
              data-party={partyId}
              data-state={state}
              title={ok ? fullWho : approval ? t('signing.changedSinceApproval') : t('signing.notApproved')}
            >
              <span className="approval-mark" aria-hidden="true">
                {ok ? '✓' : approval ? '!' : ''}
              </span>
              <span className="approval-text">
                <span className="approval-party">{name || t('party.unnamed')}</span>
                <span className="approval-who">{ok ? who : approval ? t('signing.changedSinceApproval') : t('signing.notApproved')}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {canApprove && !mine && (
        <button
          type="button"
          className="button small approve-button"
          data-testid={`approve-${section.key}`}
          disabled={busy}
          onClick={() => void approve()}
          title={t('signing.approvalHelp')}
        >
          {busy ? t('signing.approving') : mineStale ? t('signing.approveAgain', { party: myPartyName }) : t('signing.approveFor', { party: myPartyName })}
        </button>
      )}
      {error && (
        <p className="error small approval-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
