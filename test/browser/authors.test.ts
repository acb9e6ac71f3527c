import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { fragmentName as f } from '../../shared/schema';
import {
  createAgreementVia,
  editorOf,
  inviteVia,
  openLink,
  screenshot,
  startBrowserSuite,
  stopBrowserSuite,
  typeAtEnd,
  waitSaved,
  type BrowserSuite,
  type OpenPage,
} from './browserHarness';

/**
 * "Show authors" in the browser: Alice (first party) types in the page,
 * Bruno (second party) writes from a y-websocket client of his own; with the
 * toggle on, each one's text takes their party's colour and says who wrote
 * it, on hover (title) and at the caret (a live note).
 */

let suite: BrowserSuite;
let alice: OpenPage | undefined;
let bruno: { doc: Y.Doc; provider: WebsocketProvider } | undefined;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 100 });

beforeAll(async () => {
  suite = await startBrowserSuite('entente-authors-');
}, 60_000);
afterAll(async () => {
  bruno?.provider.destroy();
  bruno?.doc.destroy();
  await stopBrowserSuite(suite, alice ? [alice.context] : []);
});

describe('show authors', () => {
  it("colours each party's text and says who wrote it, on hover and at the caret", async () => {
    const a = await createAgreementVia(suite.server.url, {
      title: 'Authors',
      language: 'en',
      templateId: 'mou',
      owner: { name: 'Alice Martin', email: 'alice@example.org', partyIndex: 0 },
      parties: [{ legalName: 'Community Employment Network' }, { legalName: 'Réseau Emploi Québec' }],
    });
    const invited = await inviteVia(suite.server.url, a, { name: 'Bruno Tremblay', role: 'editor', partyIndex: 1 });
    alice = await openLink(suite.browser, suite.server.url, a.ownerLink, 'alice');
    const { page } = alice;
    const purpose = editorOf(page, f('purpose'));
    await purpose.waitFor({ timeout: 15_000 });
    await waitSaved(page);
    await typeAtEnd(page, f('purpose'), 'Alice drafted this.');

    // Bruno writes a paragraph of his own, over a real socket.
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${suite.server.url.replace(/^http/, 'ws')}/sync`, a.id, doc, {
      params: { token: invited.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    bruno = { doc, provider };
    await poll(() => provider.synced).toBe(true);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Bruno proposed that.')]);
    doc.getXmlFragment(f('purpose')).push([paragraph]);
    await poll(() => purpose.textContent()).toContain('Bruno proposed that.');

    await page.getByTestId('show-authors').check();
    const aliceMark = purpose.locator('.author-mark.author-party-0');
    const brunoMark = purpose.locator('.author-mark.author-party-1');
    await poll(async () => (await aliceMark.allTextContents()).join('')).toContain('Alice drafted this.');
    await poll(async () => (await brunoMark.allTextContents()).join('')).toBe('Bruno proposed that.');
    expect(await brunoMark.first().getAttribute('title')).toMatch(/^Written by Bruno Tremblay \(Réseau Emploi Québec\) on /);
    expect(await aliceMark.first().getAttribute('title')).toMatch(/^Written by Alice Martin \(Community Employment Network\) on /);
    // The legend names both parties.
    await expect.poll(() => page.locator('.authors-legend li').allTextContents()).toEqual(['Community Employment Network', 'Réseau Emploi Québec']);

    // Keyboard: the caret in Bruno's text, and the live note says it in words.
    await brunoMark.first().click();
    await page.keyboard.press('Home');
    const note = page.locator('[data-fragment="section:purpose"] [data-testid="author-note"]');
    await poll(() => note.textContent()).toMatch(/^Written by Bruno Tremblay \(Réseau Emploi Québec\)/);
    expect(await note.getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('ArrowUp');
    await poll(() => note.textContent()).toMatch(/^Written by Alice Martin/);

    // Bruno keeps typing: his new words take his colour as they arrive.
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length, ' And more.');
    await poll(async () => (await brunoMark.allTextContents()).join('')).toBe('Bruno proposed that. And more.');
    // And Alice's own typing takes hers once it is in the shared document.
    await typeAtEnd(page, f('purpose'), ' Mine too.');
    await poll(async () => (await brunoMark.allTextContents()).join('')).toBe('Bruno proposed that. And more.');
    await poll(async () => (await aliceMark.allTextContents()).join('|')).toContain('Mine too.');
    await screenshot(page, 'authors-on');

    await page.getByTestId('show-authors').uncheck();
    await poll(() => purpose.locator('.author-mark').count()).toBe(0);
    expect(alice.errors).toEqual([]);
  });
});
