import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAgreementVia,
  inviteVia,
  openAs,
  openLink,
  screenshot,
  startBrowserSuite,
  stopBrowserSuite,
  type BrowserSuite,
  type OpenPage,
} from './browserHarness';

/**
 * A person in a real browser: links opened in one profile are listed
 * together on its list page; its account area gives a one-time sign-in link
 * that a second profile opens (`/#signin=…`, spent once the reader says yes), and the
 * second profile then lists the same agreements; signing out there leaves it
 * signed in as nobody. Cookies are Chromium's own (httpOnly, SameSite=Lax).
 */

let suite: BrowserSuite;
const opened: OpenPage[] = [];

beforeAll(async () => {
  suite = await startBrowserSuite('entente-person-');
}, 120_000);

afterAll(() =>
  stopBrowserSuite(
    suite,
    opened.map((o) => o.context),
  ),
);

describe('a person, in the browser', () => {
  it('lists the agreements of every link opened, and signs in a second browser with a copied link', async () => {
    const url = suite.server.url;
    const invited = [];
    for (const title of ['Protocole Réseau Emploi', 'Entente Centre Phare']) {
      const a = await createAgreementVia(url, { title, language: 'en', owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 }, parties: [] });
      invited.push({ a, p: await inviteVia(url, a, { name: 'Paul Partenaire', email: 'paul@example.org', role: 'editor' }) });
    }
    const laptop = await openLink(suite.browser, url, invited[0]!.p.link, 'laptop');
    opened.push(laptop);
    await laptop.page.locator('.ProseMirror').first().waitFor({ timeout: 30_000 });
    await laptop.page.goto(`${url}/join/${invited[1]!.p.token}`);
    await laptop.page.locator('.ProseMirror').first().waitFor({ timeout: 30_000 });
    // One agreement cookie (the first link's) and the person's, whatever the number of links.
    const cookies = await laptop.context.cookies();
    expect(cookies.map((c) => c.name).sort()).toEqual([`entente_${invited[0]!.a.id}`, 'entente_person'].sort());
    expect(cookies.find((c) => c.name === 'entente_person')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await laptop.page.goto(url);
    await expect.poll(() => laptop.page.locator('[data-testid="dashboard-item"]').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => laptop.page.locator('[data-testid="account-signed-in"]').textContent()).toContain('your 2 agreements are listed');
    await laptop.page.locator('[data-testid="copy-sign-in-link"]').click();
    const field = laptop.page.locator('[data-testid="sign-in-link"]');
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(/\/#signin=[A-Za-z0-9_-]{43}$/);
    await screenshot(laptop.page, 'person-account-signed-in', true);

    const phone = await openAs(suite.browser, `${url}/`, 'phone');
    opened.push(phone);
    await phone.page.locator('[data-testid="account"]').waitFor();
    expect(await phone.page.locator('[data-testid="dashboard-item"]').count()).toBe(0);
    await phone.page.goto(link);
    // Spent only on the reader's yes: a page elsewhere could send anyone to a link of its own.
    await phone.page.locator('[data-testid="sign-in-confirm"]').waitFor();
    expect(phone.page.url()).toBe(`${url}/`);
    await screenshot(phone.page, 'person-confirm');
    await phone.page.locator('[data-testid="sign-in-confirm-button"]').click();
    await expect.poll(() => phone.page.locator('[data-testid="dashboard-item"]').count(), { timeout: 15_000 }).toBe(2);
    // The token is out of the address bar once spent.
    expect(phone.page.url()).toBe(`${url}/`);
    await phone.page.locator('[data-testid="account-signed-in"]').waitFor();
    await screenshot(phone.page, 'person-second-browser', true);

    // The same link again, in a third profile: refused, in words.
    const third = await openAs(suite.browser, link, 'third');
    opened.push(third);
    await third.page.locator('[data-testid="sign-in-confirm-button"]').click();
    await expect.poll(() => third.page.locator('[data-testid="sign-in-failed"]').textContent(), { timeout: 15_000 }).toContain('was used already');
    await screenshot(third.page, 'person-link-used');

    await phone.page.locator('[data-testid="sign-out"]').click();
    await expect.poll(() => phone.page.locator('[data-testid="dashboard-item"]').count(), { timeout: 15_000 }).toBe(0);
    await phone.page.locator('[data-testid="account"] h2', { hasText: 'Sign in' }).waitFor();
    expect(await phone.context.cookies()).toEqual([]);
    for (const o of [laptop, phone, third]) expect(o.errors.filter((e) => !/status of 4(01|10)/.test(e))).toEqual([]);
  }, 120_000);
});
