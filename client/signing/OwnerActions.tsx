import { isReady } from '../../shared/readiness';
import { useT } from '../intl';
import { useStatusCard } from './StatusCardContext';
import type { StatusDialog } from './StatusDialogs';

/** The owner's lock (in draft, once ready), unlock (locked, nobody signed yet) or cancel (locked, someone signed). */
export function OwnerActions({ onOpen }: { onOpen: (dialog: StatusDialog) => void }) {
  const { status, manage } = useStatusCard();
  const t = useT();
  if (!manage) return null;
  if (status.status === 'draft') {
    const ready = isReady(status.checklist);
    return (
      <div className="owner-actions">
        <button type="button" className="button primary block" data-testid="lock" disabled={!ready} onClick={() => onOpen('lock')}>
          {t('signing.lock')}
        </button>
        <p className="muted small">{ready ? t('signing.lockHelp') : t('signing.lockDisabledHelp')}</p>
      </div>
    );
  }
  if (status.status !== 'locked') return null;
  return (
    <div className="owner-actions">
      {status.signatures.length === 0 ? (
        <button type="button" className="button block" data-testid="unlock" onClick={() => onOpen('unlock')}>
          {t('signing.unlock')}
        </button>
      ) : (
        <button type="button" className="button danger-outline block" data-testid="cancel-version" onClick={() => onOpen('cancel')}>
          {t('signing.cancelVersion')}
        </button>
      )}
    </div>
  );
}
