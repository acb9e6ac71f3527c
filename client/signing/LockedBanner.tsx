import { Fingerprint } from './Fingerprint';
import { useSigning } from './SigningContext';
import { useSigningText } from './strings';
import './signing.css';

/** Across the editor while the final version is locked or signed: which version, its fingerprint, since when. */
export function LockedBanner() {
  const status = useSigning()?.status;
  const { s, date, dateOnly } = useSigningText();
  if (!status?.version || status.status === 'draft') return null;
  const { version } = status;
  const signed = status.status === 'signed';
  return (
    <div className={`locked-banner ${signed ? 'is-signed' : 'is-locked'}`} role="status" data-testid="locked-banner" data-status={status.status} data-version={version.number}>
      <span className="locked-icon" aria-hidden="true">
        {signed ? '✓' : '🔒'}
      </span>
      <div className="locked-text">
        <p className="locked-title">
          {signed ? s.signedBanner(version.number) : s.lockedBanner(version.number)}
          {signed && status.inForceFrom && <strong className="locked-in-force"> {s.inForceFrom(dateOnly(status.inForceFrom))}.</strong>}
        </p>
        <p className="locked-meta">
          <span className="muted">{s.lockedSince(date(version.lockedAt))} · {s.fingerprint}</span> <Fingerprint hash={version.hash} testId="banner-hash" />
        </p>
      </div>
    </div>
  );
}
