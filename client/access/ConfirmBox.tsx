import { useT } from '../intl';

/** An inline "are you sure?" for a consequential action: a question, Cancel, and the action's own button. */
export function ConfirmBox({
  label,
  question,
  yes,
  testId,
  busy,
  onCancel,
  onYes,
}: {
  label: string;
  question: string;
  yes: string;
  /** `<testId>-confirm` on the box, `<testId>-yes` on the button. */
  testId: string;
  busy: boolean;
  onCancel: () => void;
  onYes: () => void;
}) {
  const t = useT();
  return (
    <div className="confirm-box" role="alertdialog" aria-label={label} data-testid={`${testId}-confirm`}>
      <p>{question}</p>
      <div className="confirm-actions">
        <button type="button" className="button small" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button small danger-button" data-testid={`${testId}-yes`} disabled={busy} onClick={onYes}>
          {yes}
        </button>
      </div>
    </div>
  );
}
