import { Fingerprint } from './Fingerprint';
import { VersionMatchNote } from './VersionMatchNote';
import { useSigning } from './SigningContext';
import { useDates, useT } from '../intl';
import './signing.css';

function LockIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="4" y="10.5" width="16" height="10.5" rx="2" />
      <path d="M8 10.5V7a4 4 0 0 1 8 0v3.5" />
    </svg>
  );
}

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
        {signed ? '✓' : <LockIcon />}
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
