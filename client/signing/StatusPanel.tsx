import { useState } from 'react';
import type { StatusView } from '../../shared/api';
import type { AgreementTemplate } from '../../shared/template';
import { useT } from '../intl';
import { Link } from '../router';
import { Checklist } from './Checklist';
import { DraftDownloads } from './DraftDownloads';
import { myPart } from './myPart';
import { OwnerActions } from './OwnerActions';
import { SignedCopy } from './SignedCopy';
import { AfterSigning } from '../lifecycle/AfterSigning';
import { OriginNote } from '../lifecycle/FollowUps';
import { SignerActions } from './SignerActions';
import { Signers } from './Signers';
import { StillToSign } from './StillToSign';
import { StatusCardContext, useStatusCard } from './StatusCardContext';
import type { StatusDialog } from './StatusDialogs';
import { StatusDialogs } from '../deferred';
import { useOptionalSession, useSigning, type Signing } from './SigningContext';
import { VersionHistory } from './VersionHistory';
import { VersionMatchNote } from './VersionMatchNote';
import './signing.css';

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
  return <StatusCardProvider signing={signing} status={signing.status} template={template} />;
}

function StatusCardProvider({ signing, status, template }: { signing: Signing; status: StatusView; template: AgreementTemplate | undefined }) {
  const me = useOptionalSession()?.me;
  return (
    <StatusCardContext.Provider value={{ signing, status, template, ...myPart(status, me) }}>
      <StatusCard />
    </StatusCardContext.Provider>
  );
}

function StatusCard() {
  const { signing, status } = useStatusCard();
  const t = useT();
  const [open, setOpen] = useState<StatusDialog | null>(null);
  return (
    <section
      className={`side-card status-card status-${status.status}`}
      aria-labelledby="status-heading"
      data-testid="status-panel"
      data-status={status.status}
    >
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

      {status.status === 'signed' && <SignedCopy />}
      {status.status === 'signed' && <AfterSigning agreementId={signing.agreementId} />}
      {status.status !== 'signed' && <OriginNote agreementId={signing.agreementId} />}
      {status.status === 'draft' && <Checklist />}
      {status.status === 'draft' && <DraftDownloads />}
      {status.status !== 'draft' && <Signers />}
      {status.status === 'locked' && <StillToSign />}

      <SignerActions onSign={() => setOpen('sign')} />
      <OwnerActions onOpen={setOpen} />
      <VersionHistory />

      <div className="status-links">
        <button type="button" className="button link" data-testid="open-audit" onClick={() => setOpen('audit')}>
          {t('audit.link')}
        </button>
        <Link href="/verify">{t('verify.link')}</Link>
      </div>

      {/* Each dialog's code loads when one is first opened (client/deferred.tsx). */}
      {open && <StatusDialogs open={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
