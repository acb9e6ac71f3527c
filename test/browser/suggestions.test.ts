import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fragmentName as f } from '../../shared/schema';
import {
  caretAtEnd,
  createAgreementVia,
  editorOf,
  editorText,
  inviteVia,
  openLink,
  screenshot,
  startBrowserSuite,
  stopBrowserSuite,
  waitSaved,
  type BrowserSuite,
  type OpenPage,
} from './browserHarness';
import type { Page } from 'playwright-core';

/**
 * Suggesting mode in two browsers: Bruno (second party, editor) suggests in
 * the first party's part of the responsibilities and in the purpose; Alice
 * (owner, first party) sees each live with Bruno's name and colour, accepts
 * one, rejects another, and the third stays open.
 */

let suite: BrowserSuite;
const pages: OpenPage[] = [];
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 100 });

beforeAll(async () => {
  suite = await startBrowserSuite('entente-suggestions-');
}, 60_000);
afterAll(async () => {
  await stopBrowserSuite(
    suite,
    pages.map((p) => p.context),
  );
});

/**
 * Selects `length` characters from `offset` in a section's first paragraph with the keyboard, as a
 * person would, and lets ProseMirror take the selection in: it reads the DOM's selection on
 * selectionchange, so a key pressed at once could act on the old one. A view update landing
 * before it read it (a remote change, the add-ons' reconfiguration) writes ProseMirror's own
 * selection back, a collapsed one: a person would select again, and so does this, twice at most.
 */
async function selectByKeyboard(page: Page, fragment: string, offset: number, length: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await editorOf(page, fragment).locator('p').first().click();
    await page.keyboard.press('Home');
    for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
    // ProseMirror reads the selection on selectionchange, a task later; after a frame the DOM's is the one it holds.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
    if (selected.length === length || attempt === 3) return void expect(selected).toHaveLength(length);
  }
}

describe('suggesting mode', () => {
  it('party B suggests in party A’s section; A sees it live with B’s name, accepts one and rejects another', async () => {
    const a = await createAgreementVia(suite.server.url, {
      title: 'Suggestions',
      language: 'en',
      templateId: 'mou',
      owner: { name: 'Alice Martin', email: 'alice@example.org', partyIndex: 0 },
      parties: [{ legalName: 'Community Employment Network' }, { legalName: 'Réseau Emploi Québec' }],
    });
    const invited = await inviteVia(suite.server.url, a, { name: 'Bruno Tremblay', role: 'editor', partyIndex: 1 });
    const alice = await openLink(suite.browser, suite.server.url, a.ownerLink, 'alice');
    pages.push(alice);
    const bruno = await openLink(suite.browser, suite.server.url, invited.link, 'bruno');
    pages.push(bruno);
    const partyA = a.content.parties[0]?.id ?? '';
    const aliceResp = f('responsibilities', partyA);

    // Alice writes her party's part in Editing mode: plain text.
    for (const p of [alice.page, bruno.page]) {
      await editorOf(p, f('purpose')).waitFor({ timeout: 15_000 });
      await waitSaved(p);
    }
    await caretAtEnd(alice.page, aliceResp);
    await alice.page.keyboard.type('We host the sessions.', { delay: 10 });
    await poll(() => editorText(bruno.page, aliceResp)).toBe('We host the sessions.');

    // Bruno switches to Suggesting and proposes two changes in Alice's part and one in the purpose.
    await bruno.page.getByTestId('mode-suggesting').click();
    expect(await bruno.page.getByTestId('mode-suggesting').getAttribute('aria-checked')).toBe('true');
    await caretAtEnd(bruno.page, aliceResp);
    await bruno.page.keyboard.type(' Every month.', { delay: 10 });
    // Select "the " and delete it: struck through, not removed.
    await selectByKeyboard(bruno.page, aliceResp, 'We host '.length, 'the '.length);
    await bruno.page.keyboard.press('Backspace');
    await caretAtEnd(bruno.page, f('purpose'));
    await bruno.page.keyboard.type(' A third idea.', { delay: 10 });
    await waitSaved(bruno.page);

    // Alice sees all three live, underlined or struck through, in Bruno's party colour and with his name.
    const aliceEditor = editorOf(alice.page, aliceResp);
    await poll(() => aliceEditor.locator('ins.suggestion').allTextContents()).toEqual([' Every month.']);
    await poll(() => aliceEditor.locator('del.suggestion').allTextContents()).toEqual(['the ']);
    expect(await editorText(alice.page, aliceResp)).toBe('We host the sessions. Every month.');
    const by = aliceEditor.locator('ins.suggestion .suggestion-by');
    await poll(() => by.first().getAttribute('title')).toMatch(/^Suggested by Bruno Tremblay \(Réseau Emploi Québec\) on /);
    expect(await by.first().getAttribute('class')).toContain('suggestion-party-1');
    const cards = alice.page.getByTestId('suggestion-card');
    await poll(() => cards.count()).toBe(3);
    expect(await alice.page.getByTestId('suggestions').innerText()).toContain('3 open suggestions');
    await alice.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(alice.page, 'suggestions-open', true);
    await alice.page.getByTestId('suggestions').scrollIntoViewIfNeeded();
    await screenshot(alice.page, 'suggestions-cards');

    // Alice asks about the deletion on its card; Bruno answers there, live.
    const deletionCard = cards.filter({ hasText: 'Removes' });
    await deletionCard.getByTestId('reply-suggestion').click();
    await deletionCard.getByTestId('suggestion-reply-body').fill('Why drop “the”?');
    await deletionCard.getByTestId('suggestion-reply-send').click();
    const brunoCard = bruno.page.getByTestId('suggestion-card').filter({ hasText: 'Removes' });
    await poll(() => brunoCard.innerText()).toContain('Why drop “the”?');

    // Accept the added sentence, reject the deletion.
    await cards.filter({ hasText: 'Every month.' }).getByTestId('accept-suggestion').click();
    await poll(() => cards.count()).toBe(2);

    await cards.filter({ hasText: 'Removes' }).getByTestId('reject-suggestion').click();
    await poll(() => cards.count()).toBe(1);
    await poll(() => editorText(bruno.page, aliceResp)).toBe('We host the sessions. Every month.');
    expect(await aliceEditor.locator('ins.suggestion, del.suggestion').count()).toBe(0);
    await poll(() => editorOf(bruno.page, aliceResp).locator('ins.suggestion, del.suggestion').count()).toBe(0);
    // The third stays open, in the purpose.
    expect(await cards.first().innerText()).toContain('A third idea.');
    expect(await editorOf(alice.page, f('purpose')).locator('ins.suggestion').allTextContents()).toEqual([' A third idea.']);

    // Alice types in Editing mode while Bruno is in Suggesting: on his page her words arrive as they are, never as his suggestion.
    await caretAtEnd(alice.page, aliceResp);
    await alice.page.keyboard.type(' Alice adds this.', { delay: 10 });
    await poll(() => editorText(bruno.page, aliceResp)).toBe('We host the sessions. Every month. Alice adds this.');
    await waitSaved(bruno.page);
    expect(await editorOf(bruno.page, aliceResp).locator('ins.suggestion, del.suggestion').count()).toBe(0);
    expect(await cards.count()).toBe(1);

    // The authors view colours Alice's text by her party; the accepted sentence is Bruno's.
    await alice.page.getByTestId('show-authors').check();
    await poll(async () => (await aliceEditor.locator('.author-mark.author-party-1').allTextContents()).join('')).toBe(' Every month.');
    await screenshot(alice.page, 'suggestions-reviewed', true);

    // The open suggestion keeps the agreement from being locked: the checklist line names it.
    const check = alice.page.locator('[data-check="suggestions"]');
    await poll(() => check.getAttribute('data-ok')).toBe('false');
    expect(await check.innerText()).toContain('A third idea.');

    // A formatting change in Suggesting mode is a suggestion too: the plain words struck, the bold ones added.
    await selectByKeyboard(bruno.page, aliceResp, 'We '.length, 'host'.length);
    await bruno.page.keyboard.press('Control+b');
    await poll(() => aliceEditor.locator('del.suggestion').allTextContents()).toEqual(['host']);
    expect(await aliceEditor.locator('strong ins.suggestion').allTextContents()).toEqual(['host']);
    await poll(() => cards.count()).toBe(2);

    // Deleting the whole part in Suggesting mode strikes it all through; nothing is removed.
    await editorOf(bruno.page, aliceResp).click();
    await bruno.page.keyboard.press('Control+a');
    await bruno.page.keyboard.press('Backspace');
    await poll(async () => (await aliceEditor.locator('del.suggestion').allTextContents()).join('')).toContain('sessions.');
    expect(await editorText(alice.page, aliceResp)).toContain('We ');
    expect(await editorText(alice.page, aliceResp)).toContain('Alice adds this.');

    // In French: the switch, the cards and the counts.
    await alice.page.getByTestId('lang-toggle').click();
    await poll(() => alice.page.getByTestId('suggestions').innerText()).toContain('2 suggestions ouvertes');
    expect(await alice.page.getByTestId('mode-switch').innerText()).toContain('Suggestion');
    expect(await cards.first().innerText()).toMatch(/Suggestion de Bruno Tremblay \(Réseau Emploi Québec\), le \d/);
    await alice.page.getByTestId('suggestions').scrollIntoViewIfNeeded();
    await screenshot(alice.page, 'suggestions-fr');
    expect(alice.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 60_000);
});
