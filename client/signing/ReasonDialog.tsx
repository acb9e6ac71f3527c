import { useMemo, useState } from 'react';
import type { StatusView } from '../../shared/api';
import { useT } from '../intl';
import { ActionError } from './ActionError';
import { Dialog } from './Dialog';
import { useStatusCard } from './StatusCardContext';
import { useStatusAction } from './useStatusAction';

interface ReasonDialogProps {
  title: string;
  help: string;
  testId: string;
  danger?: boolean;
  onClose: () => void;
  /** The request, given the reason (which the audit log keeps). */
  run: (reason: string) => Promise<StatusView>;
}

/** Unlock or cancel: the owner must say why (3 characters at least, as the server checks). */
export function ReasonDialog({ title, help, testId, danger, onClose, run }: ReasonDialogProps) {
  const { signing } = useStatusCard();
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
          <textarea
            name="reason"
            rows={3}
            maxLength={2000}
            placeholder={t('signing.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={3}
          />
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
