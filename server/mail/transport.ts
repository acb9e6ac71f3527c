import nodemailer from 'nodemailer';

/** A message as the outbox hands it to SMTP. */
export interface Mail {
  /** Stable per outbox row, so a receiver can tell a retry after a crash from a new message. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
  /** The envelope sender (Return-Path), where bounces go: the message's VERP address when `BOUNCE_ADDRESS` is set. */
  envelopeFrom?: string;
}

export type SendMail = (mail: Mail) => Promise<void>;

/** Raised for an answer that will not change on retry (SMTP 5xx: unknown mailbox, refused). */
export class PermanentMailError extends Error {}

/**
 * nodemailer's waits, set rather than its defaults (2 min to connect, 10 min
 * of silence): a dead server is given up in at most this long per step. The
 * outbox's lease (server/mail/outbox.ts) is counted from these.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const;

/** Sends through `SMTP_URL` (smtp:// or smtps://, credentials in the URL) from `MAIL_FROM`, with nodemailer. */
export function smtpSender(smtpUrl: string, from: string): { send: SendMail; close: () => void } {
  const transport = nodemailer.createTransport(withTimeouts(smtpUrl), { from });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          attachments: mail.attachments,
          // From stays MAIL_FROM; only the envelope (MAIL FROM, the Return-Path) names the message.
          ...(mail.envelopeFrom ? { envelope: { from: mail.envelopeFrom, to: mail.to } } : {}),
        });
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        if (typeof code === 'number' && code >= 500) throw new PermanentMailError(error instanceof Error ? error.message : String(error));
        throw error;
      }
    },
    close: () => transport.close(),
  };
}

/** nodemailer reads a URL's query as transport options (its second argument holds message defaults only). */
function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [key, ms] of Object.entries(SMTP_TIMEOUTS)) if (!url.searchParams.has(key)) url.searchParams.set(key, String(ms));
  return url.toString();
}
