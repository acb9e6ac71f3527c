import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fragmentName as f } from '../../shared/schema';
import { createMouVia, editorOf, editorText, startBrowserSuite, stopBrowserSuite, waitSaved, type BrowserSuite, type TestAgreement } from './browserHarness';

/**
 * Each section editor gets its add-ons (table editing, highlights, Suggesting
 * mode's rewrite) from their own chunk once the page is usable
 * (client/editor/useAddOns.ts). What that must not cost: a direct edit by
 * someone in Suggesting mode, or the same person announced to every peer
 * once per section.
 */

let suite: BrowserSuite;
let agreement: TestAgreement;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  suite = await startBrowserSuite('entente-editor-add-ons-');
  agreement = await createMouVia(suite.server.url, 'Add-ons');
}, 120_000);
afterAll(() => stopBrowserSuite(suite, contexts));

/** A browser profile signed in as the owner, with no page open yet. */
async function ownerProfile(): Promise<BrowserContext> {
  const context = await suite.browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-CA' });
  contexts.push(context);
  const res = await context.request.get(`${suite.server.url}${agreement.ownerLink}`, { maxRedirects: 0 });
  expect(res.status()).toBeLessThan(400);
  return context;
}

/** Whether every section editor is built and has its add-ons (the chunk fetched, and a moment to add them). */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.rich-text-pending').count(), { timeout: 15_000 }).toBe(0);
  await page.waitForTimeout(1500);
}

describe('section editor add-ons', { timeout: 90_000 }, () => {
  it('a page that opens announces its person to the others a couple of times, not once per section', async () => {
    const context = await ownerProfile();
    const page = await context.newPage();
    let awarenessSent = 0;
    page.on('websocket', (ws) =>
      ws.on('framesent', (frame) => {
        // y-websocket's first byte: 1 is an awareness update (0 sync, 3 a query of awareness).
        if (typeof frame.payload !== 'string' && frame.payload[0] === 1) awarenessSent += 1;
      }),
    );
    await page.goto(`${suite.server.url}/a/${agreement.id}`);
    await waitSaved(page);
    const sections = await page.locator('[data-fragment]').count();
    expect(sections).toBeGreaterThan(3);
    await settled(page);
    // The person, then their caret's place (none yet): before, each section's editor sent both, twice.
    expect(awarenessSent).toBeGreaterThan(0);
    expect(awarenessSent).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('in Suggesting mode an editor stays read-only until the rewrite is there, then typing makes a suggestion', async () => {
    const context = await ownerProfile();
    const mode = await context.request.put(`${suite.server.url}/api/agreements/${agreement.id}/default-mode`, { data: { mode: 'suggesting' } });
    expect(mode.status()).toBe(200);
    const page = await context.newPage();
    // The rewrite's chunk is held back until released.
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await page.route(/\/assets\/suggestRewrite-[^/]+\.js$/, async (route) => {
      held += 1;
      await released;
      await route.continue();
    });
    await page.goto(`${suite.server.url}/a/${agreement.id}`);
    const purpose = editorOf(page, f('purpose'));
    await purpose.waitFor({ timeout: 15_000 });
    await expect.poll(() => held, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await purpose.getAttribute('contenteditable')).toBe('false');
    // A press and keys meanwhile change nothing: no edit can reach the document unmarked.
    await purpose.click();
    await page.keyboard.type('Direct');
    expect(await editorText(page, f('purpose'))).not.toContain('Direct');

    release();
    await expect.poll(() => purpose.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true');
    await purpose.click();
    await page.keyboard.type('Proposed wording.', { delay: 15 });
    await expect.poll(() => page.locator(`[data-fragment="${f('purpose')}"] .suggestion-insertion`).allTextContents()).toContain('Proposed wording.');
    await waitSaved(page);
    await page.close();
  });
});
