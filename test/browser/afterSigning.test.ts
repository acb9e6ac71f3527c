import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyAgreement } from '../server/signingFixture';
import { openLink, screenshot, startBrowserSuite, typeAtEnd, waitSaved, stopBrowserSuite, type BrowserSuite, type OpenPage } from './browserHarness';

/**
 * After signing, in two browsers: party B's signatory gives notice of
 * termination from the status panel; party A's bell counts it at once
 * (through the event stream), their status panel says notice given, and
 * their dashboard lists the agreement as notice given with its end date.
 */

let suite: BrowserSuite;
const opened: OpenPage[] = [];

beforeAll(async () => {
  suite = await startBrowserSuite('entente-after-signing-');
}, 120_000);

afterAll(() =>
  stopBrowserSuite(
    suite,
    opened.map((o) => o.context),
  ),
);

describe('after signing, in the browser', () => {
  it('party B gives notice; party A sees the bell, the status and the dashboard change', async () => {
    const r = await readyAgreement(suite.server.url);
    const { version } = await r.lock();
    await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
    expect((await r.sign(r.a.token, 'Odile', version!.hash)).body.status).toBe('signed');

    const a = await openLink(suite.browser, suite.server.url, `/join/${r.a.token}`, 'party A');
    const b = await openLink(suite.browser, suite.server.url, `/join/${r.partner.token}`, 'party B');
    opened.push(a, b);
    for (const o of [a, b]) await o.page.locator('[data-testid="after-signing"][data-phase="in_force"]').waitFor({ timeout: 30_000 });
    const bell = a.page.locator('[data-testid="bell"]');
    const unreadBefore = Number(await bell.getAttribute('data-unread'));
    await screenshot(a.page, 'after-signing-in-force');
    // Before the renewal review, the owner's panel says from when they choose here to renew or let it expire; party B's does not.
    expect(await a.page.locator('[data-testid="renewal-choice-from"]').innerText()).toContain('vous choisissez ici de renouveler');
    expect(await b.page.locator('[data-testid="renewal-choice-from"]').count()).toBe(0);

    await b.page.locator('[data-testid="give-notice"]').click();
    await b.page.locator('[data-testid="notice-form"] textarea').fill('Le financement du programme prend fin.');
    await b.page.locator('[data-testid="confirm-notice"]').click();
    await b.page.locator('[data-testid="after-signing"][data-phase="notice_given"]').waitFor();
    await screenshot(b.page, 'after-signing-notice-given-b');

    // Party A: live, without reloading.
    await a.page.locator(`[data-testid="bell"][data-unread="${unreadBefore + 1}"]`).waitFor({ timeout: 10_000 });
    await a.page.locator('[data-testid="notice-given"]').waitFor({ timeout: 10_000 });
    expect(await a.page.locator('[data-testid="notice-given"]').innerText()).toContain('Le financement du programme prend fin.');
    await bell.click();
    const first = a.page.locator('[data-testid="notification"]').first();
    expect(await first.getAttribute('data-kind')).toBe('notice_given');
    expect(await first.innerText()).toContain('Paul Partenaire');
    // No SMTP on this server: the panel says e-mail is off, and everything above still works.
    await a.page.locator('[data-testid="mail-off"]').waitFor();
    await screenshot(a.page, 'after-signing-bell-a');

    await a.page.goto(`${suite.server.url}/`);
    const item = a.page.locator(`[data-testid="dashboard-item"][data-status="notice_given"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.innerText()).toContain('Notice takes effect');
    await a.page.locator('[data-testid="dashboard-status"]').selectOption('in_force');
    expect(await a.page.locator('[data-testid="dashboard-item"]').count()).toBe(0);
    await a.page.locator('[data-testid="dashboard-status"]').selectOption('all');
    await screenshot(a.page, 'after-signing-dashboard-a');

    // The owner proposes an amendment: a new draft opens, prefilled and linked to the signed original.
    await a.page.goto(`${suite.server.url}/a/${r.a.id}`);
    await a.page.locator('[data-testid="propose-amendment"]').click();
    await a.page.waitForURL((url) => url.pathname.startsWith('/a/') && !url.pathname.endsWith(r.a.id), { timeout: 15_000 });
    await a.page.locator('[data-testid="status-panel"][data-status="draft"]').waitFor({ timeout: 30_000 });
    expect(await a.page.locator('[data-testid="origin-note"]').innerText()).toContain('Protocole complet');
    await screenshot(a.page, 'after-signing-amendment-draft');
    // The amendment's page lists its original and, apart, itself in progress.
    expect(await a.page.locator('[data-testid="agreement-chain"]').innerText()).toContain('l’original, signé le');
    await a.page.locator('[data-testid="amendments-in-progress"]').waitFor();
    // What it changes: the words typed into the draft, against the signed original.
    await typeAtEnd(a.page, 'section:purpose', ' A third workshop each year.');
    await waitSaved(a.page);
    await a.page.locator('[data-testid="amendment-changes-open"]').click();
    const changes = a.page.locator('[data-testid="amendment-changes"] [data-testid="diff-section"][data-section="purpose"]');
    await changes.waitFor({ timeout: 15_000 });
    expect(await changes.locator('ins').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('third workshop')]));
    // The same changes as a redline to download: each link answers its file.
    for (const [id, type] of [
      ['amendment-redline-pdf', 'application/pdf'],
      ['amendment-redline-docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const href = await a.page.locator(`[data-testid="${id}"]`).getAttribute('href');
      expect(await a.page.evaluate(async (url) => (await fetch(url ?? '')).headers.get('content-type'), href)).toBe(type);
    }
    await screenshot(a.page, 'after-signing-amendment-changes');
    expect(a.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  }, 120_000);
});
