import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyAgreement } from '../server/signingFixture';
import { openLink, screenshot, startBrowserSuite, stopBrowserSuite, type BrowserSuite, type OpenPage } from './browserHarness';

/**
 * The calendar feed from the status panel of a signed agreement: the
 * partner makes the address, sees it once, a calendar app (here, node-ical
 * over fetch, with no session) reads the agreement's dates from it, and
 * revoking it stops it.
 */

let suite: BrowserSuite;
const opened: OpenPage[] = [];

beforeAll(async () => {
  suite = await startBrowserSuite('entente-calendar-');
}, 120_000);

afterAll(() =>
  stopBrowserSuite(
    suite,
    opened.map((o) => o.context),
  ),
);

describe('calendar feed, in the browser', () => {
  it('makes a feed address once, which a calendar app reads, and revokes it', async () => {
    const r = await readyAgreement(suite.server.url);
    const { version } = await r.lock();
    await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
    expect((await r.sign(r.a.token, 'Odile', version!.hash)).body.status).toBe('signed');

    const b = await openLink(suite.browser, suite.server.url, `/join/${r.partner.token}`, 'party B');
    opened.push(b);
    const panel = b.page.locator('[data-testid="calendar-feed"]');
    await panel.waitFor({ timeout: 30_000 });
    await b.page.locator('[data-testid="calendar-create-agreement"]').click();
    const field = b.page.locator('[data-testid="calendar-url-agreement"]');
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await b.page.locator('[data-testid="calendar-revoke-agreement"]').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'calendar-feed-made');

    const res = await fetch(url);
    expect(res.status).toBe(200);
    const events = Object.values(ical.sync.parseICS(await res.text())).filter((c): c is VEvent => c?.type === 'VEVENT');
    // The French agreement, and the partner chose no language: three review meetings, the renewal review, the end.
    expect(events.length).toBe(5);
    expect(events.map((e) => (typeof e.summary === 'string' ? e.summary : e.summary.val))).toContain('Fin de «\u00a0Protocole complet\u00a0»');

    await b.page.locator('[data-testid="calendar-revoke-agreement"]').click();
    await b.page.locator('[data-testid="calendar-create-agreement"]', { hasText: 'Créer une adresse de flux' }).waitFor();
    expect(await field.count()).toBe(0);
    expect((await fetch(url)).status).toBe(404);
  });
});
