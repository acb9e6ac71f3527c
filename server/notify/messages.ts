import { langOf } from '../../shared/i18n';
import { intlFor } from '../intl';
import { formatDay } from '../../shared/i18n/dates';
import type { NotificationData, NotificationKind } from '../../shared/notifySchemas';

export { intlFor };

export interface MailContext {
  title: string;
  /** Where the reader acts: their personal link (an invitation) or the agreement's page. */
  link: string;
}

/**
 * The subject and text of a notification's e-mail, in the reader's language,
 * from the shared catalogue (`mail.subject.<kind>`, `mail.body.<kind>`).
 * Plain text: every client shows it, and a link in it is the whole link.
 */
export function mailText(language: string, kind: NotificationKind, data: NotificationData, ctx: MailContext): { subject: string; text: string } {
  const intl = intlFor(langOf(language));
  const values = {
    title: ctx.title,
    link: ctx.link,
    by: data.by ?? '',
    reason: data.reason ?? '',
    section: data.section ?? '',
    reminder: data.reminder ?? 'other',
    // A calendar day at noon UTC, so it reads as that day.
    date: data.on ? formatDay(intl, `${data.on}T12:00:00.000Z`) : '',
  };
  const subject = intl.formatMessage({ id: `mail.subject.${kind}` }, values);
  const body = intl.formatMessage({ id: `mail.body.${kind}` }, values);
  return { subject, text: `${body}\n\n${ctx.link}\n\n— ${intl.formatMessage({ id: 'mail.footer' })}\n` };
}
