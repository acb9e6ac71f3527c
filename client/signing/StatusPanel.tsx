import { useMemo, useState, type ReactNode } from 'react';
import type { StatusView, ThreadView } from '../../shared/api';
import { isReady } from '../../shared/readiness';
import type { AgreementTemplate } from '../../shared/template';
import { cancelVersion, exportUrl, lockAgreement, reviewUrl, unlockAgreement } from '../api';
import { useThreads } from '../data/queries';
import { Link } from '../router';
import { AuditDialog } from './AuditDialog';
import { describeMissing, type DescribeContext } from './describe';
import { Dialog } from './Dialog';
import { SignDialog } from './SignDialog';
import { usePartyNames } from '../editor/usePartyNames';
import { useOptionalSession, useSigning, type Signing } from './SigningContext';
import { useDates, useT } from '../intl';
import { useLanguage } from '../language';
import { useStatusAction } from './useStatusAction';
import { Signers, StillToSign } from './Signers';
import { VersionMatchNote } from './VersionMatchNote';
import './signing.css';

/** Scrolls to a section and puts the focus there, for checklist links. */
function goToSection(key: string): void {
  const el = document.getElementById(`section-${key}`);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.classList.add('section-flash');
  setTimeout(() => el.classList.remove('section-flash'), 1600);
}

/**
 * The side-column card everyone sees: where the agreement stands, the
 * readiness checklist (live), the signatures, the signed copy, and the
 * owner's lock / unlock / cancel actions.
 */
export function StatusPanel({ template }: { template: AgreementTemplate | undefined }) {
  const signing = useSigning();
  const t = useT();
  if (!signing) return null;
  if (!signing.status) {
    return (
      <section className="side-card status-card" aria-labelledby="status-heading" data-testid="status-panel">
        <h2 id="status-heading">{t('signing.heading')}</h2>
        {signing.failed ? (
          <p className="error small">
            {t('signing.loadFailed')}{' '}
            <button type="button" className="button link" onClick={signing.refresh}>
              {t('common.retry')}
            </button>
          </p>
        ) : (
          <p className="muted small">…</p>
        )}
      </section>
    );
  }
  return <StatusCard signing={signing} status={signing.status} template={template} />;
}

type Open = null | 'lock' | 'unlock' | 'cancel' | 'sign' | 'audit';

function StatusCard({ signing, status, template }: { signing: Signing; status: StatusView; template: AgreementTemplate | undefined }) {
  const t = useT();
  const dates = useDates();
  const session = useOptionalSession();
  const me = session?.me;
  const [open, setOpen] = useState<Open>(null);
  const ready = isReady(status.checklist);
  const signatureCount = status.signatures.length;
  const manage = !!me?.can.manage;
  const mySignature = status.signatures.find((x) => x.participantId === me?.participant.id);
  const mustSign = status.signers.some((x) => x.participantId === me?.participant.id);
  const canSign = !!me?.can.sign && status.status === 'locked' && !mySignature && mustSign;

  return (
    <section className={`side-card status-card status-${status.status}`} aria-labelledby="status-heading" data-testid="status-panel" data-status={status.status}>
      <div className="status-title">
        <h2 id="status-heading">{t('signing.heading')}</h2>
        <span className={`status-badge badge-${status.status}`} data-testid="agreement-status" data-status={status.status}>
          {t(`signing.status.${status.status}`)}
        </span>
      </div>
      <p className="small status-help">{t(`signing.statusHelp.${status.status}`)}</p>
      {signing.failed && <p className="error small">{t('signing.loadFailed')}</p>}
      {/* The banner may be scrolled away: say it here too when this page's text is not the locked version. */}
      {signing.versionMatch === 'differs' && <VersionMatchNote />}

      {status.status === 'signed' && <SignedCopy signing={signing} status={status} />}

      {status.status === 'draft' && <Checklist signing={signing} status={status} template={template} />}

      {status.status !== 'draft' && <Signers signing={signing} status={status} />}
      {status.status === 'locked' && <StillToSign status={status} manage={manage} />}

      {canSign && (
        <button type="button" className="button primary block" data-testid="open-sign" onClick={() => setOpen('sign')}>
          {t('signing.sign')}
        </button>
      )}
      {mySignature && status.status === 'locked' && <p className="small ok-text">{t('signing.youSigned', { date: dates.dayTime(mySignature.signedAt) })}</p>}
      {status.status === 'locked' && (
        <a className="button link review-download" href={reviewUrl(signing.agreementId)} download data-testid="download-review">
          {t('signing.downloadReview')}
        </a>
      )}

      {manage && status.status === 'draft' && (
        <div className="owner-actions">
          <button type="button" className="button primary block" data-testid="lock" disabled={!ready} onClick={() => setOpen('lock')}>
            {t('signing.lock')}
          </button>
          <p className="muted small">{ready ? t('signing.lockHelp') : t('signing.lockDisabledHelp')}</p>
        </div>
      )}
      {manage && status.status === 'locked' && (
        <div className="owner-actions">
          {signatureCount === 0 ? (
            <button type="button" className="button block" data-testid="unlock" onClick={() => setOpen('unlock')}>
              {t('signing.unlock')}
            </button>
          ) : (
            <button type="button" className="button danger-outline block" data-testid="cancel-version" onClick={() => setOpen('cancel')}>
              {t('signing.cancelVersion')}
            </button>
          )}
        </div>
      )}

      <History status={status} />

      <div className="status-links">
        <button type="button" className="button link" data-testid="open-audit" onClick={() => setOpen('audit')}>
          {t('audit.link')}
        </button>
        <Link href="/verify">{t('verify.link')}</Link>
      </div>

      {open === 'lock' && <LockDialog signing={signing} onClose={() => setOpen(null)} />}
      {open === 'unlock' && (
        <ReasonDialog
          title={t('signing.unlockTitle')}
          help={t('signing.unlockHelp')}
          testId="unlock-dialog"
          onClose={() => setOpen(null)}
          run={(reason) => unlockAgreement(signing.agreementId, reason)}
          signing={signing}
        />
      )}
      {open === 'cancel' && (
        <ReasonDialog
          title={t('signing.cancelTitle')}
          help={t('signing.cancelHelp')}
          testId="cancel-dialog"
          danger
          onClose={() => setOpen(null)}
          run={(reason) => cancelVersion(signing.agreementId, reason)}
          signing={signing}
        />
      )}
      {open === 'sign' && <SignDialog onClose={() => setOpen(null)} />}
      {open === 'audit' && <AuditDialog template={template} onClose={() => setOpen(null)} />}
    </section>
  );
}

function Checklist({ signing, status, template }: { signing: Signing; status: StatusView; template: AgreementTemplate | undefined }) {
  const t = useT();
  const { lang } = useLanguage();
  const parties = usePartyNames(signing.doc);
  const threads = useThreadsById(signing.agreementId);
  const ctx: DescribeContext = { t, lang, template, parties, unnamedParty: t('party.unnamed'), threads };
  const ready = isReady(status.checklist);
  return (
    <div className="checklist-block">
      <h3 className="status-subheading">{t('signing.readinessHeading')}</h3>
      <ul className="checklist" data-testid="checklist" data-ready={ready}>
        {status.checklist.map((check) => {
          const missing = describeMissing(check, ctx);
          return (
            <li key={check.key} className={`check ${check.ok ? 'check-ok' : 'check-todo'}`} data-check={check.key} data-ok={check.ok}>
              <span className="check-mark" aria-label={check.ok ? t('signing.checkOk') : t('signing.checkMissing')} role="img">
                {check.ok ? '✓' : ''}
              </span>
              <div className="check-body">
                <span className="check-label">{t(`signing.check.${check.key}`)}</span>
                {missing.length > 0 && <MissingList items={missing} />}
              </div>
            </li>
          );
        })}
      </ul>
      {ready && <p className="small ok-text">{t('signing.readyAll')}</p>}
    </div>
  );
}

const SHOWN = 3;

function MissingList({ items }: { items: { text: string; section: string | null }[] }) {
  const [all, setAll] = useState(false);
  const t = useT();
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <ul className="missing-list">
      {shown.map((item, i) => (
        <li key={i}>
          {item.section ? (
            <button type="button" className="missing-link" onClick={() => item.section && goToSection(item.section)}>
              {item.text}
            </button>
          ) : (
            item.text
          )}
        </li>
      ))}
      {items.length > SHOWN && (
        <li>
          <button type="button" className="button link more-link" onClick={() => setAll(!all)}>
            {all ? t('signing.less') : t('signing.more', { n: items.length - SHOWN })}
          </button>
        </li>
      )}
    </ul>
  );
}

/** The threads by id, for the checklist to say where the open ones it names are (from the shared cache). */
function useThreadsById(agreementId: string): ReadonlyMap<string, ThreadView> {
  const { data } = useThreads(agreementId);
  return useMemo(() => new Map((data ?? []).map((x) => [x.id, x])), [data]);
}

function SignedCopy({ signing, status }: { signing: Signing; status: StatusView }) {
  const t = useT();
  const dates = useDates();
  return (
    <div className="signed-copy" data-testid="signed-copy">
      <p className="in-force" data-testid="in-force-from">
        {t('signing.inForceFrom', { date: dates.day(status.inForceFrom) })}
      </p>
      <h3 className="status-subheading">{t('signing.downloadsHeading')}</h3>
      <div className="download-buttons">
        <a className="button primary" href={exportUrl(signing.agreementId, 'pdf')} download data-testid="download-pdf">
          {t('signing.downloadPdf')}
        </a>
        <a className="button" href={exportUrl(signing.agreementId, 'docx')} download data-testid="download-docx">
          {t('signing.downloadDocx')}
        </a>
      </div>
      <p className="muted small">{t('signing.keepCopy')}</p>
    </div>
  );
}

function History({ status }: { status: StatusView }) {
  const t = useT();
  const dates = useDates();
  const closed = status.history.filter((v) => v.status === 'unlocked' || v.status === 'cancelled');
  if (closed.length === 0) return null;
  return (
    <details className="version-history">
      <summary className="small">{t('signing.history')}</summary>
      <ul className="small">
        {closed.map((v) => (
          <li key={v.number}>
            {t('signing.historyItem', { n: v.number, state: t(`signing.versionState.${v.status}`) })} · {dates.dayTime(v.closedAt)}
            {v.closeReason && <span className="muted"> — {v.closeReason}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ActionError({ error }: { error: string | null }): ReactNode {
  return error ? (
    <p className="error small" role="alert">
      {error}
    </p>
  ) : null;
}

function LockDialog({ signing, onClose }: { signing: Signing; onClose: () => void }) {
  const t = useT();
  const { busy, error, run } = useStatusAction(signing);
  const lock = async (): Promise<void> => {
    if (await run(() => lockAgreement(signing.agreementId))) onClose();
  };
  return (
    <Dialog title={t('signing.lockConfirmTitle')} onClose={onClose} testId="lock-dialog">
      <p>{t('signing.lockConfirm')}</p>
      <p className="muted small">{t('signing.lockHelp')}</p>
      <ActionError error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button primary" data-testid="confirm-lock" disabled={busy} onClick={() => void lock()}>
          {busy ? t('signing.locking') : t('signing.lock')}
        </button>
      </div>
    </Dialog>
  );
}

interface ReasonDialogProps {
  title: string;
  help: string;
  testId: string;
  danger?: boolean;
  signing: Signing;
  onClose: () => void;
  run: (reason: string) => Promise<StatusView>;
}

function ReasonDialog({ title, help, testId, danger, signing, onClose, run }: ReasonDialogProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const action = useStatusAction(signing);
  const { busy, error, setError } = action;
  const trimmed = useMemo(() => reason.trim(), [reason]);
  const submit = async (): Promise<void> => {
    if (trimmed.length < 3) {
      setError(t('signing.reasonTooShort'));
      return;
    }
    if (await action.run(() => run(trimmed))) onClose();
  };
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>{help}</p>
        <label className="field">
          <span>{t('signing.reason')}</span>
          <textarea name="reason" rows={3} maxLength={2000} placeholder={t('signing.reasonPlaceholder')} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
        </label>
        <ActionError error={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'danger' : 'primary'}`} data-testid="confirm-reason" disabled={busy || trimmed.length < 3}>
            {t('signing.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
