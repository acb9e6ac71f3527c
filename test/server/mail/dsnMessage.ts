import nodemailer from 'nodemailer';

export interface DsnInput {
  /** The address the bounce is sent to: the envelope sender of the message it reports on. */
  to: string;
  recipient: string;
  action: 'failed' | 'delayed' | 'delivered';
  status: string;
  diagnostic?: string;
}

/**
 * A delivery status notification as a mail server writes one (RFC 3464):
 * multipart/report with a human part, the message/delivery-status fields
 * (per message, then per recipient; the diagnostic folded over two lines)
 * and the returned headers.
 */
export function dsnMessage(d: DsnInput): string {
  const boundary = 'dsn-boundary-42';
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.partner.example>',
    `To: ${d.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.partner.example.',
    d.action === 'delayed' ? 'Your message is delayed; delivery will be tried again.' : 'Your message could not be delivered.',
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.partner.example',
    'Arrival-Date: Wed, 2 Dec 2026 04:00:00 +0000',
    '',
    `Final-Recipient: rfc822; ${d.recipient}`,
    `Original-Recipient: rfc822;${d.recipient}`,
    `Action: ${d.action}`,
    `Status: ${d.status}`,
    'Remote-MTA: dns; inbox.partner.example',
    // Folded at its last space, as servers fold long fields.
    ...(d.diagnostic
      ? [`Diagnostic-Code: smtp; ${d.diagnostic.slice(0, d.diagnostic.lastIndexOf(' '))}`, `    ${d.diagnostic.slice(d.diagnostic.lastIndexOf(' ') + 1)}`]
      : []),
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    'From: Entente <entente@example.org>',
    `To: ${d.recipient}`,
    'Subject: Invitation',
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/**
 * Delivers raw mail over SMTP to 127.0.0.1:port with the null sender (`MAIL FROM:<>`,
 * as bounces are sent); rejects with the server's answer (its `responseCode`).
 */
export async function deliver(port: number, to: string, raw: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from: '', to: [to] }, raw });
  } finally {
    transport.close();
  }
}
