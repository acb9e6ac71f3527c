import type { SectionTemplate } from '../../shared/template';
import { approveSection } from '../api';
import { useI18n } from '../i18n';
import { usePartyNames } from '../editor/usePartyNames';
import { NO_DOC, useOptionalSession, useSigning, whenSaved } from './SigningContext';
import { useSigningText } from './strings';
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
  const { t } = useI18n();
  const { s, date, shortDate } = useSigningText();
  const names = usePartyNames(signing?.doc ?? NO_DOC);
  const { busy, error, run } = useStatusAction(signing);
  if (!signing?.status) return null;
  const { status } = signing;
  const valid = new Set(status.validApprovals);
  const parties = [...names.entries()];
  const me = session?.me;
  const myParty = me?.participant.partyId ?? '';
  const myPartyName = names.get(myParty) || t.unnamedParty;
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
    <div className="section-approvals" role="group" data-testid={`approvals-${section.key}`} aria-label={s.approvalsLabel}>
      <ul className="approval-list">
        {parties.map(([partyId, name]) => {
          const approval = status.approvals.find((a) => a.section === section.key && a.partyId === partyId);
          const ok = valid.has(`${section.key}:${partyId}`);
          const state = ok ? 'approved' : approval ? 'changed' : 'pending';
          const who = approval ? s.approvedBy(approval.participantName, shortDate(approval.approvedAt)) : s.notApproved;
          const fullWho = approval ? s.approvedBy(approval.participantName, date(approval.approvedAt)) : s.notApproved;
          return (
            <li key={partyId} className={`approval approval-${state}`} data-party={partyId} data-state={state} title={ok ? fullWho : approval ? s.changedSinceApproval : s.notApproved}>
              <span className="approval-mark" aria-hidden="true">
                {ok ? '✓' : approval ? '!' : ''}
              </span>
              <span className="approval-text">
                <span className="approval-party">{name || t.unnamedParty}</span>
                <span className="approval-who">{ok ? who : approval ? s.changedSinceApproval : s.notApproved}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {canApprove && !mine && (
        <button type="button" className="button small approve-button" data-testid={`approve-${section.key}`} disabled={busy} onClick={() => void approve()} title={s.approvalHelp}>
          {busy ? s.approving : mineStale ? s.approveAgain(myPartyName) : s.approveFor(myPartyName)}
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
