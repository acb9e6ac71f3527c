import { describe, expect, it } from 'vitest';
import { NotificationListSchema } from '../../../shared/notifySchemas';
import { sha256 } from '../../../server/signing/hash';
import { api, startTestServer, tokenOf, useCleanup, waitFor, type TestServer } from '../harness';
import { readyAgreement } from '../signingFixture';
import { ManualClock } from '../lifecycle/manualClock';
import { TestSmtp } from './smtp';

const cleanup = useCleanup();
const PUBLIC_URL = 'https://entente.example.org';

async function serverWithMail(smtp: TestSmtp, clock = new ManualClock(), dataDir?: string): Promise<TestServer> {
  const server = await startTestServer({ clock, dataDir, publicUrl: PUBLIC_URL, mail: { smtpUrl: smtp.url, from: 'Entente <entente@example.org>' } });
  cleanup.push(() => server.dispose());
  return server;
}

const bodyOf = (r: { mail: { text?: string } }): string => r.mail.text ?? '';

describe('e-mail through the outbox, to a real SMTP server', () => {
  it('sends the invitation with the personal link, and the signed PDF to every party, in each one’s language', async () => {
    const smtp = new TestSmtp();
    await smtp.start();
    cleanup.push(() => smtp.stop());
    const server = await serverWithMail(smtp);
    const r = await readyAgreement(server.url);
    // The partner was invited by the fixture: their e-mail carries their own link, in the agreement's language (French).
    await waitFor(() => smtp.received.some((m) => m.to.includes('editor@example.org')), 'the invitation');
    const invitation = smtp.received.find((m) => m.to.includes('editor@example.org'))!;
    expect(invitation.mail.subject).toBe('Invitation à rédiger «\u00a0Entente PAM\u00a0»');
    expect(bodyOf(invitation)).toContain(`${PUBLIC_URL}/join/${r.partner.token}`);

    // The partner wants English e-mails, and no e-mail when a version awaits their signature (the app still says so).
    const prefs = await r.call(r.partner.token, '/mail-preferences', 'PUT', { language: 'en', off: ['ready_to_sign'] });
    expect(prefs.body).toEqual({ language: 'en', off: ['ready_to_sign'], configured: true });
    const { version } = await r.lock();
    await waitFor(() => smtp.received.some((m) => m.mail.subject?.includes('signature')), 'ready for signature');
    expect(smtp.received.filter((m) => m.mail.subject?.includes('signature')).map((m) => [m.to, m.mail.subject])).toEqual([
      [['odile@example.org'], 'Prête pour votre signature\u00a0: «\u00a0Protocole complet\u00a0»'],
    ]);
    await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
    expect((await r.sign(r.a.token, 'Odile', version!.hash)).body.status).toBe('signed');
    const pdf = await api(server.url, r.a.token, `/api/agreements/${r.a.id}/export.pdf`);
    const pdfHash = pdf.headers.get('x-content-sha256');
    await waitFor(() => smtp.received.filter((m) => m.mail.attachments.length > 0).length === 2, 'the signed PDF to both');
    const signed = smtp.received.filter((m) => m.mail.attachments.length > 0);
    expect(signed.flatMap((m) => m.to).sort()).toEqual(['editor@example.org', 'odile@example.org']);
    for (const m of signed) {
      expect(m.mail.attachments[0]!.contentType).toBe('application/pdf');
      expect(sha256(m.mail.attachments[0]!.content)).toBe(pdfHash);
      expect(bodyOf(m)).toContain(`${PUBLIC_URL}/a/${r.a.id}`);
    }
    expect(signed.find((m) => m.to.includes('editor@example.org'))!.mail.subject).toBe('Signed: “Protocole complet”');
    expect(signed.find((m) => m.to.includes('odile@example.org'))!.mail.subject).toBe('Signée\u00a0: «\u00a0Protocole complet\u00a0»');
    expect(smtp.received.filter((m) => m.to.includes('editor@example.org') && m.mail.subject?.includes('signature'))).toEqual([]);
    const bell = NotificationListSchema.parse((await r.call(r.partner.token, '/notifications')).body);
    expect(bell.notifications.map((n) => n.kind)).toEqual(expect.arrayContaining(['approval_needed', 'ready_to_sign', 'signed']));
    expect(bell.unread).toBe(bell.notifications.length);
    const read = NotificationListSchema.parse((await r.call(r.partner.token, '/notifications/read', 'POST', {})).body);
    expect(read.unread).toBe(0);
  });

  it('keeps messages while the SMTP server is down, sends each once when it is back, also across a restart', async () => {
    const smtp = new TestSmtp();
    await smtp.start();
    const port = smtp.port;
    await smtp.stop();
    const clock = new ManualClock();
    const server = await serverWithMail(smtp, clock);
    // A request answers at once although SMTP is down.
    const started = Date.now();
    const r = await readyAgreement(server.url);
    expect(Date.now() - started).toBeLessThan(20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toEqual([]);
    // Stop this process with the invitation still waiting; the next one finds it.
    await server.close();
    await smtp.start(port);
    cleanup.push(() => smtp.stop());
    const again = await serverWithMail(smtp, clock, server.dataDir);
    clock.advance(31_000);
    await waitFor(() => smtp.received.some((m) => m.to.includes('editor@example.org')), 'the invitation, once SMTP is back');
    // Time goes on: nothing is sent twice.
    clock.advance(24 * 3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.filter((m) => m.to.includes('editor@example.org') && m.mail.subject?.startsWith('Invitation'))).toHaveLength(1);
    const failures = await api(again.url, r.a.token, `/api/agreements/${r.a.id}/mail-failures`);
    expect(await failures.json()).toEqual({ configured: true, failures: [] });
  });

  it('shows the owner a message SMTP refused for good', async () => {
    const smtp = new TestSmtp();
    await smtp.start();
    cleanup.push(() => smtp.stop());
    smtp.refuse.add('nobody@refused.invalid');
    const server = await serverWithMail(smtp);
    const r = await readyAgreement(server.url);
    const refused = await r.call<{ link: string }>(r.a.token, '/participants', 'POST', {
      name: 'Nadia Nowhere',
      email: 'nobody@refused.invalid',
      partyId: r.a.content.parties[1]!.id,
      role: 'viewer',
      signatory: false,
    });
    expect(refused.status).toBe(201);
    expect(tokenOf(refused.body.link)).toBeTruthy();
    const failuresOf = async (token: string) => api(server.url, token, `/api/agreements/${r.a.id}/mail-failures`);
    let failures: { failures: { to: string; error: string; attempts: number }[] } = { failures: [] };
    for (let i = 0; i < 100 && failures.failures.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      failures = (await (await failuresOf(r.a.token)).json()) as typeof failures;
    }
    expect(failures.failures).toEqual([
      expect.objectContaining({ to: 'nobody@refused.invalid', attempts: 1, kind: 'refused', error: expect.stringContaining('550') }),
    ]);
    expect((await failuresOf(r.partner.token)).status).toBe(403);
  });

  it('tells every party of a notice and sends each reminder once, as the clock reaches it', async () => {
    const smtp = new TestSmtp();
    await smtp.start();
    cleanup.push(() => smtp.stop());
    const clock = new ManualClock();
    const server = await serverWithMail(smtp, clock);
    const r = await readyAgreement(server.url);
    const { version } = await r.lock();
    await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
    await r.sign(r.a.token, 'Odile', version!.hash);
    // Two weeks before the first review meeting (six months after signing): one reminder each.
    const reminders = () => smtp.received.filter((m) => m.mail.subject?.startsWith('Rencontre de suivi'));
    clock.advance(170 * 86_400_000);
    await waitFor(() => reminders().length === 2, 'the review meeting reminders');
    clock.advance(3 * 86_400_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      reminders()
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['editor@example.org', 'odile@example.org']);
    expect(bodyOf(reminders()[0]!)).toContain('faire le point sur le partenariat');

    expect((await r.call(r.partner.token, '/notice', 'POST', { reason: 'Fin du financement' })).status).toBe(201);
    const bell = NotificationListSchema.parse((await r.call(r.a.token, '/notifications')).body);
    expect(bell.notifications[0]).toMatchObject({ kind: 'notice_given', data: { by: 'Paul Partenaire', reason: 'Fin du financement' }, read: false });
    await waitFor(() => smtp.received.some((m) => m.mail.subject?.startsWith('Avis de résiliation')), 'the notice by e-mail');
    // The one who gave notice is not told of it.
    expect(smtp.received.filter((m) => m.mail.subject?.startsWith('Avis de résiliation')).map((m) => m.to)).toEqual([['odile@example.org']]);
  });
});
