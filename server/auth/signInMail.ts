import { newRowId } from './tokens';
import { intlFor } from '../intl';
import type { Clock } from '../lifecycle/clock';
import type { OutboxStore } from '../mail/outboxStore';
import type { PersonMail } from './persons';

/**
 * Sign-in e-mails through the outbox (server/mail/outbox.ts), like every
 * notification: a slow SMTP server never holds the request, and a message is
 * retried, never lost. The words are the catalogue's `mail.signIn.*`.
 */
export function signInMail(d: { outbox: OutboxStore; clock: Pick<Clock, 'now'>; configured: boolean; queued: () => void }): PersonMail {
  return {
    configured: d.configured,
    send(to, language, link, minutes) {
      const intl = intlFor(language);
      const subject = intl.formatMessage({ id: 'mail.signIn.subject' });
      const body = intl.formatMessage({ id: 'mail.signIn.body' }, { minutes });
      const text = `${body}\n\n${link}\n\n${intl.formatMessage({ id: 'mail.signIn.notYou' })}\n\n— ${intl.formatMessage({ id: 'mail.footer' })}\n`;
      d.outbox.add(
        { id: newRowId(), notificationId: null, agreementId: null, to, subject, body: text, attachVersionId: null },
        new Date(d.clock.now()).toISOString(),
      );
      d.queued();
    },
  };
}
