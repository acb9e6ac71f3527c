import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fragmentName as f } from '../../shared/schema';
import {
  createMouVia,
  editorOf,
  editorText,
  openLink,
  startBrowserSuite,
  stopBrowserSuite,
  typeAtEnd,
  waitSaved,
  type BrowserSuite,
  type TestAgreement,
} from './browserHarness';

/**
 * The page's first section editor is built at once and the others once the
 * page is usable (client/editor/editorTurns.ts); until then a section shows
 * its text as it stands, and pressing on it builds its editor next.
 */

let suite: BrowserSuite;
let agreement: TestAgreement;
const contexts: BrowserContext[] = [];

/**
 * In the page: at the moment the first editor appears, how many rich-text
 * areas still wait, and their text; then, with `press`, presses that waiting
 * area. From inside the page, because from the test the press could come
 * after the page is usable (with no sync, 1.5 s after it opened), when every
 * area gets its editor anyway.
 */
const watchFirstEditor = (press?: string): string => `(() => {
  const toPress = () => ${press ? `document.querySelector('[data-fragment="${press}"] .rich-text-pending')` : 'null'};
  const seen = new MutationObserver(() => {
    if (!document.querySelector('.ProseMirror')) return;
    seen.disconnect();
    const waiting = [...document.querySelectorAll('[data-fragment] .rich-text-pending')];
    window.__atFirstEditor = { editors: document.querySelectorAll('.ProseMirror').length, waiting: waiting.map((w) => ({ fragment: w.parentElement.dataset.fragment, text: w.textContent })) };
    const pressed = toPress();
    window.__pressed = pressed !== null;
    pressed?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, isPrimary: true }));
  });
  seen.observe(document, { subtree: true, childList: true });
})()`;

interface AtFirstEditor {
  editors: number;
  waiting: { fragment: string; text: string }[];
}

beforeAll(async () => {
  suite = await startBrowserSuite('entente-editor-turns-');
  agreement = await createMouVia(suite.server.url, 'Turns');
}, 120_000);
afterAll(() => stopBrowserSuite(suite, contexts));

/** A browser profile signed in as the owner (its cookie, and later its IndexedDB copy of the document). */
async function signIn(): Promise<BrowserContext> {
  const opened = await openLink(suite.browser, suite.server.url, agreement.ownerLink, 'Alice');
  contexts.push(opened.context);
  await opened.page.close();
  return opened.context;
}

async function open(context: BrowserContext, blockSync = false, press?: string): Promise<Page> {
  const page = await context.newPage();
  // A socket that never answers: no first sync, so the page is not usable until its fallback.
  if (blockSync) await page.routeWebSocket(/\/sync\//, () => undefined);
  await page.addInitScript(watchFirstEditor(press));
  await page.goto(`${suite.server.url}/a/${agreement.id}`);
  return page;
}

describe('section editors', { timeout: 90_000 }, () => {
  it('are all built and synced once the page is usable, the first one before the others', async () => {
    const page = await open(await signIn());
    await waitSaved(page);
    const areas = await page.locator('[data-fragment]').count();
    expect(areas).toBeGreaterThan(3);
    await expect.poll(() => page.locator('[data-fragment] .ProseMirror').count(), { timeout: 15_000 }).toBe(areas);
    await expect.poll(() => page.locator('.rich-text-pending').count()).toBe(0);
    const first = (await page.evaluate('window.__atFirstEditor')) as AtFirstEditor;
    expect(first.editors).toBe(1);
    expect(first.waiting).toHaveLength(areas - 1);
    await typeAtEnd(page, f('purpose'), 'Typed once every editor is there.');
    await waitSaved(page);
    await page.close();
  });

  it('show their text while they wait, and one pressed on is built next, with the focus', async () => {
    // Text in a lower section, kept by the server and this browser.
    const context = await signIn();
    const writer = await open(context);
    await waitSaved(writer);
    await typeAtEnd(writer, f('duration'), 'Three years from signature.');
    await waitSaved(writer);
    await writer.close();

    const page = await open(context, true, f('duration'));
    await editorOf(page, f('purpose')).waitFor({ timeout: 15_000 });
    const first = (await page.evaluate('window.__atFirstEditor')) as AtFirstEditor;
    expect(first.editors).toBe(1);
    // The device's copy (IndexedDB) is shown as it stands, read-only, before its editor exists.
    expect(first.waiting.find((w) => w.fragment === f('duration'))?.text).toContain('Three years from signature.');
    // Pressed while it waited (watchFirstEditor).
    expect(await page.evaluate('window.__pressed')).toBe(true);
    await editorOf(page, f('duration')).waitFor({ timeout: 5_000 });
    expect(await editorText(page, f('duration'))).toContain('Three years from signature.');
    // It took the focus: what the reader types next goes in.
    await expect.poll(() => editorOf(page, f('duration')).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(' Renewable once.');
    expect(await editorText(page, f('duration'))).toContain('Three years from signature. Renewable once.');
    await page.close();
  });
});
