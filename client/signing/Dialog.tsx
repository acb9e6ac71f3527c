import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../intl';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Wider, for tables. */
  wide?: boolean;
  testId?: string;
}

/**
 * A modal dialog on the native <dialog> element: focus stays inside, Escape
 * closes it, the page behind is inert. Mounted means open. Rendered in
 * document.body so the styles of wherever it was opened from do not leak in.
 */
export function Dialog({ title, onClose, children, wide, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const headingId = useId();
  const t = useT();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!el.open) el.showModal();
    const cancel = (event: Event): void => {
      event.preventDefault();
      onCloseRef.current();
    };
    el.addEventListener('cancel', cancel);
    return () => {
      el.removeEventListener('cancel', cancel);
      if (el.open) el.close();
    };
  }, []);

  return createPortal(
    <dialog ref={ref} className={`signing-dialog${wide ? ' wide' : ''}`} aria-labelledby={headingId} data-testid={testId}>
      <div className="signing-dialog-header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="dialog-close" aria-label={t('common.close')} title={t('common.close')} onClick={() => onCloseRef.current()}>
          ×
        </button>
      </div>
      {children}
    </dialog>,
    document.body,
  );
}
