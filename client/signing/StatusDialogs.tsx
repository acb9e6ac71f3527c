import { useT } from '../intl';
import { AuditDialog } from './AuditDialog';
import { LockDialog } from './LockDialog';
import { ReasonDialog } from './ReasonDialog';
import { SignDialog } from './SignDialog';
import { useStatusCard } from './StatusCardContext';
import { useLifecycleActions } from './useLifecycleActions';

/** The dialogs the status card opens, one at a time. */
export type StatusDialog = 'lock' | 'unlock' | 'cancel' | 'sign' | 'audit';

export function StatusDialogs({ open, onClose }: { open: StatusDialog | null; onClose: () => void }) {
  const { template } = useStatusCard();
  const actions = useLifecycleActions();
  const t = useT();
  switch (open) {
    case 'lock':
      return <LockDialog onClose={onClose} />;
    case 'unlock':
      return <ReasonDialog title={t('signing.unlockTitle')} help={t('signing.unlockHelp')} testId="unlock-dialog" onClose={onClose} run={actions.unlock} />;
    case 'cancel':
      return (
        <ReasonDialog title={t('signing.cancelTitle')} help={t('signing.cancelHelp')} testId="cancel-dialog" danger onClose={onClose} run={actions.cancel} />
      );
    case 'sign':
      return <SignDialog onClose={onClose} />;
    case 'audit':
      return <AuditDialog template={template} onClose={onClose} />;
    case null:
      return null;
  }
}
