import { useT } from '../intl';
import { ActionError } from './ActionError';
import { Dialog } from './Dialog';
import { useStatusCard } from './StatusCardContext';
import { useLifecycleActions } from './useLifecycleActions';
import { useStatusAction } from './useStatusAction';

/** The owner confirms locking the final version for signature. */
export function LockDialog({ onClose }: { onClose: () => void }) {
  const { signing } = useStatusCard();
  const actions = useLifecycleActions();
  const t = useT();
  const { busy, error, run } = useStatusAction(signing);
  const lock = async (): Promise<void> => {
    if (await run(actions.lock)) onClose();
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
