import { Fingerprint } from './Fingerprint';
import { VersionMatchNote } from './VersionMatchNote';
import { useSigning } from './SigningContext';
import { useDates, useT } from '../intl';
import { LockIcon } from '../icons';
import './signing.css';

/** Across the editor while the final version is locked or signed: which version, its fingerprint, since when. */
export function LockedBanner() {
  const status = useSigning()?.status;
  const t = useT();
  const dates = useDates();
  if (!status?.version || status.status === 'draft') return null;
  const { version } = status;
  const signed = status.status === 'signed';
  return (
    <div
      className={`locked-banner ${signed ? 'is-signed' : 'is-locked'}`}
      role="status"
      data-testid="locked-banner"
      data-status={status.status}
      data-version={version.number}
    >
      <span className="locked-icon" aria-hidden="true">
        {signed ? '✓' : <LockIcon size={18} strokeWidth={2.2} className="banner-icon" />}
      </span>
      <div className="locked-text">
        <p className="locked-title">
          {signed ? t('signing.signedBanner', { n: version.number }) : t('signing.lockedBanner', { n: version.number })}
          {signed && status.inForceFrom && <strong className="locked-in-force"> {t('signing.inForceFrom', { date: dates.day(status.inForceFrom) })}.</strong>}
        </p>
        <p className="locked-meta">
          <span className="muted">
            {t('signing.lockedSince', { date: dates.dayTime(version.lockedAt) })} · {t('signing.fingerprint')}
          </span>{' '}
          <Fingerprint hash={version.hash} testId="banner-hash" />
        </p>
        <VersionMatchNote />
      </div>
    </div>
  );
}
