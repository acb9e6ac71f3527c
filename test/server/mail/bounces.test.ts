import { connect as tcp } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MailFailuresSchema } from '../../../shared/notifySchemas';
import { verpAddress } from '../../../server/mail/verp';
import { api, createAgreement, invite, startTestServer, useCleanup, waitFor, type TestAgreement, type TestServer } from '../harness';
import { TestSmtp, type Received } from '../notify/smtp';
import { deliver, dsnMessage } from './dsnMessage';

const cleanup = useCleanup();
const BOUNCES = 'bounces@example.org';

/** The real server, its outbox sending to a real SMTP sink, and its bounce listener on a port of its own. */
async function setUp(): Promise<{ server: TestServer; smtp: TestSmtp; a: TestAgreement; invitation: Received; bouncePort: number }> {
  const smtp = new TestSmtp();
  await smtp.start();
  cleanup.push(() => smtp.stop());
  const server = await startTestServer({
    publicUrl: 'https://entente.example.org',
    mail: { smtpUrl: smtp.url, from: 'Entente <entente@example.org>', bounceAddress: BOUNCES, bounceSmtp: { port: 0, host: '127.0.0.1' } },
  });
  cleanup.push(() => server.dispose());
  const a = await createAgreement(server.url, { owner: { name: 'Odile', email: 'odile@example.org' } });
  await invite(server.url, a, { role: 'editor', name: 'Paul Partenaire' });
  await waitFor(() => smtp.received.some((m) => m.to.includes('editor@example.org')), 'the invitation');
  return { server, smtp, a, invitation: smtp.received.find((m) => m.to.includes('editor@example.org'))!, bouncePort: server.bouncePort! };
}

const failuresOf = async (server: TestServer, a: TestAgreement) =>
  MailFailuresSchema.parse(await (await api(server.url, a.token, `/api/agreements/${a.id}/mail-failures`)).json()).failures;

/** Resolves with the SMTP answer code a delivery got: 250 when accepted. */
const answer = (port: number, to: string, raw: string): Promise<number> =>
  deliver(port, to, raw).then(
    () => 250,
    (error: { responseCode?: number }) => error.responseCode ?? 0,
  );

describe('bounces after acceptance (VERP and delivery status notifications)', () => {
  it('sends each message from its own envelope address, and shows the owner the one a mail server bounced', async () => {
    const { server, a, invitation, bouncePort } = await setUp();
    // The visible sender stays MAIL_FROM; only the envelope (the Return-Path) names the message.
    expect(invitation.mail.from?.value).toEqual([{ name: 'Entente', address: 'entente@example.org' }]);
    expect(invitation.from).toMatch(/^bounces\+[0-9a-f]{32}@example\.org$/);
    const message = { to: invitation.from, recipient: 'editor@example.org' };

    // A delay changes nothing: the server is still trying.
    expect(
      await answer(bouncePort, invitation.from, dsnMessage({ ...message, action: 'delayed', status: '4.4.1', diagnostic: '421 4.4.1 Connection timed out' })),
    ).toBe(250);
    expect(await failuresOf(server, a)).toEqual([]);

    const diagnostic = '550 5.1.1 <editor@example.org>: Recipient address rejected: User unknown';
    expect(await answer(bouncePort, invitation.from, dsnMessage({ ...message, action: 'failed', status: '5.1.1', diagnostic }))).toBe(250);
    expect(await failuresOf(server, a)).toEqual([
      { to: 'editor@example.org', subject: invitation.mail.subject, attempts: 1, kind: 'bounced', error: `5.1.1 smtp; ${diagnostic}`, at: expect.any(String) },
    ]);
    // Only the owner sees it.
    const partner = await invite(server.url, a, { role: 'viewer' });
    expect((await api(server.url, partner.token, `/api/agreements/${a.id}/mail-failures`)).status).toBe(403);
  });

  it('refuses other recipients and unknown messages, and ignores garbage, without stopping', async () => {
    const { server, a, invitation, bouncePort } = await setUp();
    const failed = dsnMessage({ to: invitation.from, recipient: 'editor@example.org', action: 'failed', status: '5.1.1', diagnostic: '550 no such user here' });
    for (const other of [
      'postmaster@example.org',
      BOUNCES,
      'someone@elsewhere.example',
      verpAddress(BOUNCES, 'no-such-message'),
      invitation.from.replace('example.org', 'example.net'),
    ])
      expect(await answer(bouncePort, other, failed), other).toBe(550);
    // Read but not a DSN (an out-of-office reply to the Return-Path, bytes that are no message): accepted, nothing changes.
    expect(await answer(bouncePort, invitation.from, 'From: editor@example.org\r\nSubject: Out of office\r\n\r\nBack on Monday.\r\n')).toBe(250);
    expect(await answer(bouncePort, invitation.from, '\u0000\u00ff\u00fe garbage\r\n--\r\n\r\nContent-Type: multipart/report; boundary=\r\n')).toBe(250);
    // A message past the cap is refused.
    expect(await answer(bouncePort, invitation.from, `Subject: big\r\n\r\n${'x'.repeat(998)}\r\n`.repeat(5_300))).toBe(552);
    // Bytes that are not SMTP get an error answer; the listener goes on.
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = tcp(bouncePort, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (text.startsWith('220') && !text.includes('\r\n5')) socket.write('\u0000\u00ff GET / HTTP/1.1\r\n');
        if (/\r\n5\d\d/.test(text)) {
          socket.end();
          resolve(text);
        }
      });
      socket.on('error', reject);
    });
    expect(reply).toMatch(/\r\n5\d\d /);
    expect(await failuresOf(server, a)).toEqual([]);
    expect(await answer(bouncePort, invitation.from, failed)).toBe(250);
    expect((await failuresOf(server, a)).map((f) => f.kind)).toEqual(['bounced']);
  });
});
