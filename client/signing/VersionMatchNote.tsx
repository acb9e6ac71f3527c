import { useSigning } from './SigningContext';
import { useSigningText } from './strings';

/** Whether the text on this page is the locked version, and the way out when it is not. */
export function VersionMatchNote() {
  const signing = useSigning();
  const { s } = useSigningText();
  if (!signing) return null;
  const { versionMatch } = signing;
  if (versionMatch === 'none' || versionMatch === 'unavailable') return null;
  if (versionMatch === 'differs') {
    return (
      <p className="version-match differs" role="alert" data-testid="version-match" data-match={versionMatch}>
        <span>{s.matchDiffers}</span>{' '}
        <button type="button" className="button small" onClick={signing.reloadFromServer}>
          {s.reloadLocked}
        </button>
      </p>
    );
  }
  return (
    <p className={`version-match ${versionMatch}`} data-testid="version-match" data-match={versionMatch}>
      {versionMatch === 'match' ? `✓ ${s.matchOk}` : s.matchChecking}
    </p>
  );
}
