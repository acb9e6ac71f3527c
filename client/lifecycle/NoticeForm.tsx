import { useState } from 'react';
import { NOTICE_REASON_MAX } from '../../shared/lifecycleViews';
import { useT } from '../intl';

interface Props {
  noticeDays: number;
  pending: boolean;
  error: string | null;
  onGive: (reason: string) => Promise<unknown>;
}

/** Written notice of termination, with its reason (the owner or a designated signatory; the server decides). */
export function NoticeForm({ noticeDays, pending, error, onGive }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" className="button danger" onClick={() => setOpen(true)} data-testid="give-notice">
        {t('lifecycle.giveNotice')}
      </button>
    );
  }
  return (
    <form
      className="notice-form"
      data-testid="notice-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onGive(reason.trim()).catch(() => undefined);
      }}
    >
      <p className="small">{t('lifecycle.noticeHelp', { days: noticeDays })}</p>
      <label className="field">
        <span>{t('lifecycle.noticeReason')}</span>
        <textarea name="reason" rows={3} maxLength={NOTICE_REASON_MAX} required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button danger" disabled={pending || !reason.trim()} data-testid="confirm-notice">
          {t('lifecycle.confirmNotice')}
        </button>
      </div>
    </form>
  );
}
