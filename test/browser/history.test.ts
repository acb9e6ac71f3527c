import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fragmentName as f } from '../../shared/schema';
import {
  createAgreementVia,
  editorOf,
  editorText,
  inviteVia,
  openLink,
  screenshot,
  SHOTS_DIR,
  startBrowserSuite,
  stopBrowserSuite,
  typeAtEnd,
  waitSaved,
  type BrowserSuite,
} from './browserHarness';

/**
 * The drafting history in the browser: Alice (first party) names the version
 * she sends to Bruno's organisation, Bruno edits it, and Alice's "changes
 * since the version sent to us" shows Bruno's words marked with his name.
 */

let suite: BrowserSuite;
const pages: { close(): Promise<unknown> }[] = [];
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

async function open(link: string, name: string): Promise<Page> {
  const { context, page } = await openLink(suite.browser, suite.server.url, link, name);
  pages.push(context);
  await editorOf(page, f('purpose')).waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="history-panel"]').waitFor({ timeout: 15_000 });
  await waitSaved(page);
  return page;
}

beforeAll(async () => {
  suite = await startBrowserSuite('entente-history-');
}, 120_000);

afterAll(() => stopBrowserSuite(suite, pages));

describe('drafting history in the browser', { timeout: 120_000 }, () => {
  it('a named version, edits by the other party, and "changes since the version sent to us" marking their words with their name', async () => {
    const shots: Page[] = [];
    onTestFailed(async () => {
      for (const [i, p] of shots.entries()) await screenshot(p, `history-failed-${i}`, true).catch(() => undefined);
    });
    const a = await createAgreementVia(suite.server.url, {
      title: 'Employment services partnership',
      language: 'en',
      templateId: 'mou',
      owner: { name: 'Alice Martin', email: 'alice@example.org', partyIndex: 0 },
      parties: [
        { legalName: 'Community Employment Network', address: '12 King St, Toronto', mission: '' },
        { legalName: 'Réseau Emploi Québec', address: '45 rue Sainte-Catherine, Montréal', mission: '' },
      ],
    });
    const { link } = await inviteVia(suite.server.url, a, { name: 'Bruno Tremblay', role: 'editor', partyIndex: 1 });
    const alice = await open(a.ownerLink, 'alice');
    shots.push(alice);
    await typeAtEnd(alice, f('purpose'), 'The parties offer workshops in Sudbury.');
    await waitSaved(alice);

    // Alice names what she sends; the list shows it at the top.
    await alice.locator('[data-testid="version-name"]').fill('Sent to Réseau Emploi for review');
    await alice.locator('[data-testid="name-version"]').click();
    const first = alice.locator('[data-testid="history-item"]').first();
    await poll(() => first.locator('.history-name').textContent()).toBe('Sent to Réseau Emploi for review');

    const bruno = await open(link, 'bruno');
    shots.push(bruno);
    await poll(() => editorText(bruno, f('purpose'))).toBe('The parties offer workshops in Sudbury.');
    await editorOf(bruno, f('purpose')).locator('p').first().click();
    await bruno.keyboard.press('End');
    for (let i = 0; i < ' in Sudbury.'.length; i++) await bruno.keyboard.press('ArrowLeft');
    await bruno.keyboard.type(' for young people', { delay: 15 });
    await waitSaved(bruno);
    await poll(() => editorText(alice, f('purpose'))).toBe('The parties offer workshops for young people in Sudbury.');
    await alice.locator('[data-testid="history-panel"]').screenshot({ path: join(SHOTS_DIR, 'history-panel.png') });

    await alice.locator('[data-testid="since-sent"]').click();
    const dialog = alice.locator('[data-testid="compare-dialog"]');
    await dialog.waitFor();
    const purpose = dialog.locator('[data-testid="diff-section"][data-section="purpose"]');
    await poll(() => purpose.locator('[data-testid="diff-ins"]').allTextContents()).toEqual(['for young people ']);
    await poll(() => purpose.locator('[data-testid="diff-authors"]').textContent()).toBe('Changed by Bruno Tremblay');
    // The inserted words carry the name of who typed them (the server's authorship record).
    expect(await purpose.locator('[data-testid="diff-ins"]').first().getAttribute('data-by')).toBe('Bruno Tremblay');
    expect(await dialog.locator('[data-testid="diff-section"]').count()).toBe(1);
    await poll(() => dialog.locator('[data-testid="diff-unchanged"] summary').textContent()).toMatch(/unchanged sections/);
    await screenshot(alice, 'history-since-sent');
    await dialog.locator('.dialog-close').click();

    // The named version opens read-only, as it was sent.
    await alice.locator('[data-testid="named-only"]').check();
    await poll(() => alice.locator('[data-testid="history-item"]').count()).toBe(1);
    await alice.locator('[data-testid="open-version"]').click();
    const version = alice.locator('[data-testid="version-dialog"]');
    await poll(() => version.locator('[data-section="purpose"] .section-body').textContent()).toBe('The parties offer workshops in Sudbury.');
    await screenshot(alice, 'history-version');
  });
});
