import { describe, expect, it } from 'vitest';
import { PersonViewSchema, SignInMailSchema } from '../../../shared/schemas/person';
import { DashboardSchema } from '../../../shared/lifecycleSchemas';
import { createAgreement, invite, startTestServer, useCleanup, waitFor, type TestServer } from '../harness';
import { ManualClock } from '../lifecycle/manualClock';
import { TestSmtp, type Received } from '../notify/smtp';
import { Browser } from './browser';

const cleanup = useCleanup();
const PUBLIC_URL = 'https://entente.example.org';

async function withMail(clock = new ManualClock()): Promise<{ server: TestServer; smtp: TestSmtp; clock: ManualClock }> {
  const smtp = new TestSmtp();
  await smtp.start();
  cleanup.push(() => smtp.stop());
  const server = await startTestServer({ clock, publicUrl: PUBLIC_URL, mail: { smtpUrl: smtp.url, from: 'Entente <entente@example.org>' } });
  cleanup.push(() => server.dispose());
  return { server, smtp, clock };
}

const signInMails = (smtp: TestSmtp): Received[] => smtp.received.filter((m) => /sign-in|connexion/i.test(m.mail.subject ?? ''));
const tokenIn = (m: Received): string => {
  const found = new RegExp(`${PUBLIC_URL}/#signin=([A-Za-z0-9_-]{43})`).exec(m.mail.text ?? '');
  if (!found?.[1]) throw new Error(`no sign-in link in: ${m.mail.text}`);
  return found[1];
};
const ids = async (b: Browser) => DashboardSchema.parse((await b.json('/api/dashboard')).body).agreements.map((a) => a.id);
/** Long enough for the outbox worker to have sent anything it had. */
const settle = () => new Promise((r) => setTimeout(r, 400));

describe('signing in by e-mail', () => {
  it('mails a sign-in link only to an address the person proved, in their language; the link signs in once', async () => {
    const { server, smtp } = await withMail();
    const a = await createAgreement(server.url, { title: 'Entente X', owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 } });
    const paul = await invite(server.url, a, { role: 'editor', name: 'Paul' }); // invited as editor@example.org
    const laptop = new Browser(server.url);
    await laptop.open(paul.token);
    expect(PersonViewSchema.parse((await laptop.json('/api/person')).body)).toMatchObject({
      signedIn: true,
      mail: true,
      emails: [{ email: 'editor@example.org', proven: false }],
    });

    // The inviter typed the address; nobody proved it yet, so a sign-in request for it sends nothing (and says the same).
    const phone = new Browser(server.url);
    const asked = await phone.json('/api/person/sign-in', { method: 'POST', body: { email: 'Editor@Example.org', language: 'en' } });
    expect(asked).toEqual({ status: 202, body: { sent: true, expiresInMinutes: 30 } });
    expect(SignInMailSchema.parse(asked.body)).toEqual(asked.body);
    await settle();
    expect(signInMails(smtp)).toEqual([]);
    // Nor can someone else's address be sent a link from a signed-in browser.
    expect((await laptop.json('/api/person/email-link', { method: 'POST', body: { email: 'odile@example.org', language: 'en' } })).status).toBe(400);

    // Paul asks, from the laptop, for a link at the address he was invited under: in French, as his page is.
    expect((await laptop.json('/api/person/email-link', { method: 'POST', body: { email: 'editor@example.org', language: 'fr' } })).status).toBe(202);
    await waitFor(() => signInMails(smtp).length === 1, 'the sign-in e-mail');
    const first = signInMails(smtp)[0]!;
    expect(first.to).toEqual(['editor@example.org']);
    expect(first.mail.subject).toBe('Votre lien de connexion à Entente');
    expect(first.mail.text).toContain('pendant 30 minutes');
    // Opened on the phone: it signs in, and the address is now proven.
    const redeemed = await phone.json('/api/person/redeem', { method: 'POST', body: { token: tokenIn(first) } });
    expect(PersonViewSchema.parse(redeemed.body)).toMatchObject({ signedIn: true, emails: [{ email: 'editor@example.org', proven: true }] });
    expect(PersonViewSchema.parse(redeemed.body)).toEqual(redeemed.body);
    expect(await ids(phone)).toEqual([a.id]);
    expect((await phone.json('/api/person/redeem', { method: 'POST', body: { token: tokenIn(first) } })).status).toBe(410);

    // A third browser now signs in with the address alone, in English.
    const tablet = new Browser(server.url);
    expect((await tablet.json('/api/person/sign-in', { method: 'POST', body: { email: 'editor@example.org', language: 'en' } })).status).toBe(202);
    await waitFor(() => signInMails(smtp).length === 2, 'the second sign-in e-mail');
    const second = signInMails(smtp)[1]!;
    expect(second.mail.subject).toBe('Your sign-in link to Entente');
    expect(second.mail.text).toContain('for 30 minutes');
    expect((await tablet.json('/api/person/redeem', { method: 'POST', body: { token: tokenIn(second) } })).status).toBe(200);
    expect(await ids(tablet)).toEqual([a.id]);
    // A new agreement opened on the tablet shows on the laptop: one person, several browsers.
    const b = await createAgreement(server.url, { title: 'Entente Y', owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 } });
    await tablet.open((await invite(server.url, b, { role: 'viewer', name: 'Paul' })).token);
    expect((await ids(laptop)).sort()).toEqual([a.id, b.id].sort());
  });

  it('limits sign-in requests per address and per browser address, and expires a mailed link after 30 minutes', async () => {
    const { server, smtp, clock } = await withMail();
    const a = await createAgreement(server.url, { title: 'Entente X', owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 } });
    const laptop = new Browser(server.url);
    await laptop.open((await invite(server.url, a, { role: 'editor', name: 'Paul' })).token);
    await laptop.json('/api/person/email-link', { method: 'POST', body: { email: 'editor@example.org', language: 'en' } });
    await waitFor(() => signInMails(smtp).length === 1, 'the sign-in e-mail');
    clock.advance(30 * 60_000 + 1);
    const other = new Browser(server.url);
    expect(await other.json('/api/person/redeem', { method: 'POST', body: { token: tokenIn(signInMails(smtp)[0]!) } })).toMatchObject({
      status: 410,
      body: { error: 'sign_in_link_invalid' },
    });

    // Three e-mails to one address in a quarter of an hour, then 429; others' addresses still answer.
    const ask = (email: string) => other.json('/api/person/sign-in', { method: 'POST', body: { email, language: 'en' } });
    for (let i = 0; i < 3; i++) expect((await ask('someone@example.org')).status).toBe(202);
    expect(await ask('someone@example.org')).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
    // Ten requests from one network address, whatever the e-mail.
    for (let i = 0; i < 6; i++) expect((await ask(`n${i}@example.org`)).status).toBe(202);
    expect(await ask('n9@example.org')).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
    // A quarter of an hour later, it may ask again.
    clock.advance(15 * 60_000);
    expect((await ask('someone@example.org')).status).toBe(202);
    expect((await ask('not an address')).status).toBe(400);
  });

  it('without e-mail configured, says so (409) and the copied link is the way', async () => {
    const server = await startTestServer();
    cleanup.push(() => server.dispose());
    const b = new Browser(server.url);
    expect(await b.json('/api/person/sign-in', { method: 'POST', body: { email: 'x@example.org', language: 'en' } })).toMatchObject({
      status: 409,
      body: { error: 'mail_not_configured' },
    });
    expect(PersonViewSchema.parse((await b.json('/api/person')).body).mail).toBe(false);
  });
});
