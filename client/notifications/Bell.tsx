import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { NotificationView } from '../../shared/notifySchemas';
import { HEADER_ME_SLOT } from '../Header';
import { useDates, useT, type Dates } from '../intl';
import type { Translate } from '../../shared/i18n/translate';
import { Link } from '../router';
import { MailSettings } from './MailSettings';
import { useMarkRead, useNotifications } from './queries';
import './notifications.css';

/** The bell in the page header: the unread count, live, and the list of what one was told. */
export function Bell({ agreementId }: { agreementId: string }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setSlot(document.getElementById(HEADER_ME_SLOT)), []);
  const t = useT();
  const dates = useDates();
  const [open, setOpen] = useState(false);
  const list = useNotifications(agreementId);
  const markRead = useMarkRead(agreementId);
  if (!slot) return null;
  const unread = list.data?.unread ?? 0;
  return createPortal(
    <div className="bell">
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-label={t('notify.bell', { count: unread })}
        onClick={() => setOpen(!open)}
        data-testid="bell"
        data-unread={unread}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <section className="bell-panel" aria-label={t('notify.heading')} data-testid="bell-panel">
          <header className="bell-head">
            <h2>{t('notify.heading')}</h2>
            {unread > 0 && (
              <button type="button" className="button link" onClick={() => markRead.mutate(undefined)} data-testid="mark-all-read">
                {t('notify.markAllRead')}
              </button>
            )}
          </header>
          {list.data?.notifications.length ? (
            <ul className="bell-list">
              {list.data.notifications.map((n) => (
                <li key={n.id} className={n.read ? 'is-read' : 'is-unread'} data-testid="notification" data-kind={n.kind}>
                  <Link href={`/a/${n.agreementId}`} onClick={() => !n.read && markRead.mutate([n.id])}>
                    {notificationText(t, dates, n)}
                  </Link>
                  <span className="small muted">{dates.ago(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t('notify.empty')}</p>
          )}
          <MailSettings agreementId={agreementId} />
        </section>
      )}
    </div>,
    slot,
  );
}

/** One line per notification, in the reader's language (the catalogue's `notify.text.<kind>`). */
export function notificationText(t: Translate, dates: Dates, n: NotificationView): string {
  const date = n.data.on ? dates.day(`${n.data.on}T12:00:00.000Z`) : '';
  const values = { title: n.agreementTitle, by: n.data.by ?? '', date, reminder: n.data.reminder ?? 'other' };
  switch (n.kind) {
    case 'invited':
      return t('notify.text.invited', values);
    case 'mentioned':
      return t('notify.text.mentioned', values);
    case 'approval_needed':
      return t('notify.text.approval_needed', values);
    case 'ready_to_sign':
      return t('notify.text.ready_to_sign', values);
    case 'signed':
      return t('notify.text.signed', values);
    case 'notice_given':
      return t('notify.text.notice_given', values);
    case 'ended':
      return t('notify.text.ended', values);
    case 'reminder':
      return t('notify.text.reminder', values);
  }
}
