import { useSigning } from './SigningContext';
import { useT } from '../intl';

/** Whether the text on this page is the locked version, and the way out when it is not. */
export function VersionMatchNote() {
  const signing = useSigning();
  const t = useT();
  if (!signing) return null;
  const { versionMatch } = signing;
  if (versionMatch === 'none' || versionMatch === 'unavailable') return null;
  if (versionMatch === 'differs') {
    return (
      <p className="version-match differs" role="alert" data-testid="version-match" data-match={versionMatch}>
        <span>{t('signing.matchDiffers')}</span>{' '}
        <button type="button" className="button small" onClick={signing.reloadFromServer}>
          {t('signing.reloadLocked')}
        </button>
      </p>
    );
  }
  return (
    <p className={`version-match ${versionMatch}`} data-testid="version-match" data-match={versionMatch}>
      {versionMatch === 'match' ? `✓ ${t('signing.matchOk')}` : t('signing.matchChecking')}
    </p>
  );
}
