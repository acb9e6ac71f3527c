import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fragmentName as f } from '../../shared/schema';
import {
  createAgreementVia,
  editorOf,
  editorText,
  inviteVia,
  openLink,
  screenshot,
  waitSaved,
  startBrowserSuite,
  stopBrowserSuite,
  type Running,
  type TestAgreement,
} from './browserHarness';

/**
 * Comment threads in the browser, between two partner organisations: Alice
 * owns the agreement (first party), Bruno edits for the second party, Vera
 * only views. Everyone signs in with their personal link.
 */

interface Person {
  name: string;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

let server: Running;
let dataDir: string;
let browser: Browser;
const people: Person[] = [];
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 100 });

function createAgreement(language: 'en' | 'fr' = 'en'): Promise<TestAgreement> {
  return createAgreementVia(server.url, {
    title: language === 'en' ? 'Employment services partnership' : 'Partenariat de services d’emploi',
    language,
    templateId: 'mou',
    owner: { name: 'Alice Martin', email: 'alice@example.org', partyIndex: 0 },
    parties: [
      { legalName: 'Community Employment Network', address: '12 King St, Toronto', mission: 'Employment services.' },
      { legalName: 'Réseau Emploi Québec', address: '45 rue Sainte-Catherine, Montréal', mission: 'Accompagnement vers l’emploi.' },
    ],
  });
}

async function invite(a: TestAgreement, name: string, role: 'editor' | 'commenter' | 'viewer', partyIndex: number): Promise<string> {
  const { link } = await inviteVia(server.url, a, { name, role, partyIndex });
  expect(link).toMatch(/^\/join\//);
  return link;
}

/** Opens a personal link in a fresh browser profile and waits for the agreement. */
async function openPerson(name: string, link: string): Promise<Person> {
  const { context, page, errors } = await openLink(browser, server.url, link, name);
  const person = { name, page, errors, close: () => context.close() };
  people.push(person);
  try {
    await editorOf(page, f('purpose')).waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="comments-sidebar"] .comment-tabs').waitFor({ timeout: 15_000 });
  } catch (err) {
    await screenshot(page, `comments-failed-open-${name}`, true);
    throw new Error(`agreement did not open for ${name}: ${errors.join(' | ')}`, { cause: err });
  }
  await waitSaved(page);
  return person;
}

const sidebar = (p: Person) => p.page.locator('[data-testid="comments-sidebar"]');
const threadIn = (p: Person, text: string) => sidebar(p).locator('[data-testid="thread"]', { hasText: text });
const highlights = (p: Person, fragment: string) => editorOf(p.page, fragment).locator('.comment-highlight');
/** The text each highlight in an editor covers, in order. */
const highlighted = (p: Person, fragment: string) => highlights(p, fragment).allTextContents();

/** Selects `length` characters ending `fromEnd` characters before the end of the editor's first paragraph. */
async function selectFromEnd(page: Page, fragment: string, fromEnd: number, length: number): Promise<void> {
  const paragraph = editorOf(page, fragment).locator('p').first();
  await paragraph.click();
  await page.keyboard.press('End');
  for (let i = 0; i < fromEnd; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowLeft');
}

/** Console errors other than refused requests the UI reports itself. */
const realErrors = (p: Person): string[] => p.errors.filter((e) => !/Failed to load resource/.test(e));

beforeAll(async () => {
  ({ server, dataDir, browser } = await startBrowserSuite('entente-comments-'));
}, 120_000);

afterAll(() => stopBrowserSuite({ server, dataDir, browser }, people));

describe('comment threads in the browser', { timeout: 120_000 }, () => {
  it('two partners discuss a selection live; the highlight follows the text; deleted text leaves an orphaned thread; internal threads stay internal; viewers only read', async () => {
    onTestFailed(async () => {
      for (const p of people) await screenshot(p.page, `comments-failed-${p.name}`, true).catch(() => undefined);
    });
    const agreement = await createAgreement();
    const brunoLink = await invite(agreement, 'Bruno Tremblay', 'editor', 1);
    const veraLink = await invite(agreement, 'Vera Lopes', 'viewer', 1);
    const alice = await openPerson('alice', agreement.ownerLink);
    const bruno = await openPerson('bruno', brunoLink);
    const purpose = f('purpose');

    // Alice writes, selects "collaborate" and comments on it, mentioning Bruno.
    const paragraph = editorOf(alice.page, purpose);
    await paragraph.click();
    await alice.page.keyboard.type('The parties collaborate on employment services.', { delay: 10 });
    await poll(() => editorText(bruno.page, purpose)).toBe('The parties collaborate on employment services.');
    await selectFromEnd(alice.page, purpose, ' on employment services.'.length, 'collaborate'.length);
    const commentButton = alice.page.locator('[data-testid="comment-selection"]');
    await commentButton.waitFor();
    await commentButton.click();
    const composer = alice.page.locator('[data-testid="new-thread"]');
    await composer.waitFor();
    await poll(() => composer.locator('.thread-quote').textContent()).toBe('collaborate');
    const box = composer.locator('textarea');
    await poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await alice.page.keyboard.type('Could we say “work together”? @Bru', { delay: 10 });
    await alice.page.locator('[data-testid="mention-list"] [role="option"]', { hasText: 'Bruno Tremblay' }).waitFor();
    await screenshot(alice.page, 'comments-alice-composer');
    await alice.page.keyboard.press('Enter'); // picks the suggestion
    await poll(() => box.inputValue()).toBe('Could we say “work together”? @Bruno Tremblay ');
    await alice.page.keyboard.type('what do you think?', { delay: 5 });
    await alice.page.keyboard.press('Control+Enter');
    await composer.waitFor({ state: 'detached' });

    const aliceThread = threadIn(alice, 'collaborate');
    await aliceThread.waitFor();
    await poll(() => aliceThread.locator('[data-visibility="shared"]').isVisible()).toBe(true);
    await poll(() => aliceThread.locator('mark.mention').textContent()).toBe('@Bruno Tremblay');
    await poll(() => highlighted(alice, purpose)).toEqual(['collaborate']);

    // Live in Bruno's sidebar, unread, with the count on the section header too.
    const brunoThread = threadIn(bruno, 'collaborate');
    await brunoThread.waitFor();
    await poll(() => brunoThread.locator('[data-testid="unread-badge"]').textContent()).toBe('1');
    await poll(() => bruno.page.locator('[data-section="purpose"] [data-testid="section-unread"]').textContent()).toBe('1');
    await poll(() => highlighted(bruno, purpose)).toEqual(['collaborate']);
    await brunoThread.scrollIntoViewIfNeeded();
    await screenshot(bruno.page, 'comments-bruno-unread');

    // Bruno types before the range and right after it: the highlight stays on "collaborate".
    const brunoParagraph = editorOf(bruno.page, purpose).locator('p').first();
    await brunoParagraph.click();
    await bruno.page.keyboard.press('Home');
    await bruno.page.keyboard.type('In 2026, ', { delay: 10 });
    await bruno.page.keyboard.press('End');
    for (let i = 0; i < ' on employment services.'.length; i++) await bruno.page.keyboard.press('ArrowLeft');
    await bruno.page.keyboard.type(' closely', { delay: 10 });
    const expected = 'In 2026, The parties collaborate closely on employment services.';
    await poll(() => editorText(alice.page, purpose)).toBe(expected);
    await poll(() => highlighted(bruno, purpose)).toEqual(['collaborate']);
    await poll(() => highlighted(alice, purpose)).toEqual(['collaborate']);

    // Clicking the highlight opens the thread (and reads it); Bruno replies.
    await highlights(bruno, purpose).first().click();
    await poll(() => brunoThread.getAttribute('class')).toMatch(/is-open/);
    await poll(() => brunoThread.locator('[data-testid="unread-badge"]').count()).toBe(0);
    await poll(() => bruno.page.locator('[data-section="purpose"] [data-testid="section-unread"]').count()).toBe(0);
    await brunoThread.locator('[data-testid="reply-button"]').click();
    await poll(() => brunoThread.locator('[data-testid="reply-composer"] textarea').evaluate((el) => el === document.activeElement)).toBe(true);
    await bruno.page.keyboard.type('Yes, “work together” reads better.', { delay: 5 });
    await brunoThread.locator('[data-testid="reply-composer"] button[type="submit"]').click();
    await poll(() => brunoThread.locator('[data-testid="comment"]').count()).toBe(2);

    // Alice sees the reply live.
    await poll(() => aliceThread.locator('[data-testid="comment-body"]').allTextContents()).toEqual([
      'Could we say “work together”? @Bruno Tremblay what do you think?',
      'Yes, “work together” reads better.',
    ]);
    await poll(() => aliceThread.locator('[data-testid="comment"]').nth(1).textContent()).toContain('Bruno Tremblay');

    // Alice edits her comment; the marker shows for Bruno.
    await aliceThread.locator('[data-testid="comment"]').first().locator('[data-testid="edit-comment"]').click();
    const editBox = aliceThread.locator('[data-testid="edit-composer"] textarea');
    await editBox.fill('Could we say “work together” instead? @Bruno Tremblay');
    await aliceThread.locator('[data-testid="edit-composer"] button[type="submit"]').click();
    await poll(() => brunoThread.locator('[data-testid="comment"]').first().locator('[data-testid="edited"]').count()).toBe(1);

    // Bruno deletes his reply: a marker stays in its place, for both.
    bruno.page.once('dialog', (dialog) => void dialog.accept());
    await brunoThread.locator('[data-testid="comment"]').nth(1).locator('[data-testid="delete-comment"]').click();
    await poll(() => aliceThread.locator('[data-testid="comment"]').nth(1).locator('[data-testid="deleted"]').count()).toBe(1);
    await poll(() => brunoThread.locator('[data-testid="comment"]').nth(1).textContent()).toContain('Comment deleted');

    // Clicking the quote shows and selects the commented text.
    await aliceThread.locator('[data-testid="thread-quote"]').click();
    await poll(() => alice.page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('collaborate');
    await screenshot(alice.page, 'comments-alice-thread');

    // An internal thread of Alice's party on a whole section never reaches Bruno.
    await alice.page.locator('[data-section="duration"] [data-testid="comment-section"]').click();
    await alice.page.locator('[data-testid="visibility-party"]').check();
    await alice.page.locator('[data-testid="new-thread"] textarea').fill('Internal: our budget cap is 10 k$.');
    await alice.page.locator('[data-testid="new-thread"] button[type="submit"]').click();
    const internal = threadIn(alice, 'budget cap');
    await internal.waitFor();
    await poll(() => internal.locator('[data-visibility="party"]').isVisible()).toBe(true);
    // A shared thread after it: once Bruno has that one, he would have had the internal one.
    await alice.page.locator('[data-section="context"] [data-testid="comment-section"]').click();
    await alice.page.locator('[data-testid="new-thread"] textarea').fill('Is the context complete?');
    await alice.page.locator('[data-testid="new-thread"] button[type="submit"]').click();
    await threadIn(bruno, 'Is the context complete?').waitFor();
    expect(await sidebar(bruno).textContent()).not.toContain('budget');
    expect(await bruno.page.locator('[data-section="duration"] [data-testid="section-comments"]').textContent()).not.toContain('1');

    // Bruno rewrites the sentence: the commented text is gone, the thread stays with its quote.
    await editorOf(bruno.page, purpose).click();
    await bruno.page.keyboard.press('Control+A');
    await bruno.page.keyboard.type('The parties work together on employment services.', { delay: 5 });
    for (const p of [alice, bruno]) {
      await poll(() => threadIn(p, 'collaborate').getAttribute('data-orphaned')).toBe('true');
      await poll(() => threadIn(p, 'collaborate').locator('[data-testid="orphaned"]').textContent()).toContain('collaborate');
      await poll(() => highlights(p, purpose).count()).toBe(0);
    }
    await waitSaved(bruno.page);
    await screenshot(alice.page, 'comments-alice-orphaned');

    // Bruno resolves it; Alice sees who resolved it.
    await threadIn(bruno, 'collaborate').locator('[data-testid="resolve"]').click();
    await alice.page.locator('.comment-tab[data-tab="resolved"]').click();
    await threadIn(alice, 'collaborate').locator('.thread-summary').click();
    await poll(() => threadIn(alice, 'collaborate').locator('[data-testid="resolution"]').textContent()).toContain('Resolved by Bruno Tremblay');

    // Vera (viewer) reads the shared threads but cannot write.
    const vera = await openPerson('vera', veraLink);
    await threadIn(vera, 'Is the context complete?').waitFor();
    await poll(() => sidebar(vera).locator('[data-testid="comments-read-only"]').isVisible()).toBe(true);
    expect(await vera.page.locator('[data-testid="comment-section"]').count()).toBe(0);
    await threadIn(vera, 'Is the context complete?').locator('.thread-summary').click();
    await poll(() => threadIn(vera, 'Is the context complete?').getAttribute('class')).toMatch(/is-open/);
    expect(await sidebar(vera).locator('[data-testid="reply-button"], [data-testid="resolve"], textarea').count()).toBe(0);
    expect(await sidebar(vera).textContent()).not.toContain('budget');
    // Selecting text shows no Comment button for her.
    await editorOf(vera.page, purpose)
      .getByText('together', { exact: false })
      .dblclick({ position: { x: 130, y: 8 } });
    await poll(() => vera.page.evaluate(() => window.getSelection()?.toString().trim() ?? '')).not.toBe('');
    await vera.page.waitForTimeout(300);
    expect(await vera.page.locator('[data-testid="comment-selection"]').count()).toBe(0);
    await screenshot(vera.page, 'comments-vera-viewer');

    for (const p of [alice, bruno, vera]) expect(realErrors(p), p.name).toEqual([]);
  });
  it('en français : mentions au clavier, fil sur une section, et commentaires fermés quand l’entente est verrouillée', async () => {
    onTestFailed(async () => {
      for (const p of people) await screenshot(p.page, `comments-failed-${p.name}`, true).catch(() => undefined);
    });
    const agreement = await createAgreement('fr');
    await invite(agreement, 'Bruno Tremblay', 'editor', 1);
    const brigitteLink = await invite(agreement, 'Brigitte Roy', 'commenter', 1);
    const alice = await openPerson('alice-fr', agreement.ownerLink);
    const page = alice.page;
    await poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');

    // A commenter cannot edit the text, but selects a word with the mouse and comments on it.
    await editorOf(page, f('purpose')).click();
    await page.keyboard.type('Les parties collaborent aux services d’emploi.', { delay: 5 });
    const brigitte = await openPerson('brigitte-fr', brigitteLink);
    await poll(() => editorText(brigitte.page, f('purpose'))).toBe('Les parties collaborent aux services d’emploi.');
    expect(await editorOf(brigitte.page, f('purpose')).getAttribute('contenteditable')).toBe('false');
    await editorOf(brigitte.page, f('purpose'))
      .getByText('collaborent', { exact: false })
      .dblclick({ position: { x: 120, y: 8 } });
    await poll(() => brigitte.page.evaluate(() => window.getSelection()?.toString().trim())).toBe('collaborent');
    await brigitte.page.locator('[data-testid="comment-selection"]').click();
    await brigitte.page.locator('[data-testid="new-thread"] textarea').fill('Pourquoi pas « coopèrent » ?');
    await brigitte.page.locator('[data-testid="new-thread"] button[type="submit"]').click();
    await poll(() => highlighted(brigitte, f('purpose'))).toEqual(['collaborent']);
    await poll(() => highlighted(alice, f('purpose'))).toEqual(['collaborent']);
    await poll(() => threadIn(alice, 'coopèrent').locator('[data-testid="unread-badge"]').textContent()).toBe('1');
    await brigitte.close();

    // Ctrl+Alt+M comments on the selection too; Esc drops the draft.
    await selectFromEnd(page, f('purpose'), ' d’emploi.'.length, 'services'.length);
    await page.keyboard.press('Control+Alt+KeyM');
    await poll(() => page.locator('[data-testid="new-thread"] .thread-quote').textContent()).toBe('services');
    await poll(() => page.locator('[data-testid="new-thread"] textarea').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await poll(() => page.locator('[data-testid="new-thread"]').count()).toBe(0);

    // A thread on the whole Duration section, mentioning the second suggestion with the keyboard.
    await page.locator('[data-section="duration"] [data-testid="comment-section"]').click();
    const box = page.locator('[data-testid="new-thread"] textarea');
    await poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Trente jours suffisent ? @b', { delay: 10 });
    const options = page.locator('[data-testid="mention-list"] [role="option"]');
    await poll(() => options.allTextContents()).toEqual(['Bruno TremblayRéseau Emploi Québec · Éditeur', 'Brigitte RoyRéseau Emploi Québec · Commentateur']);
    await page.keyboard.press('ArrowDown');
    await poll(() => options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape'); // closes the list, keeps the draft
    await poll(() => options.count()).toBe(0);
    await poll(() => page.locator('[data-testid="new-thread"]').count()).toBe(1);
    await page.keyboard.type('ri', { delay: 10 });
    await poll(() => options.allTextContents()).toEqual(['Brigitte RoyRéseau Emploi Québec · Commentateur']);
    await page.keyboard.press('Tab');
    await poll(() => box.inputValue()).toBe('Trente jours suffisent ? @Brigitte Roy ');
    await screenshot(page, 'comments-fr-composer');
    await page.keyboard.press('Control+Enter');
    const thread = threadIn(alice, 'Trente jours');
    await thread.waitFor();
    await poll(() => thread.locator('.thread-section-target').textContent()).toBe('§ Section entière');
    await poll(() => thread.locator('mark.mention').textContent()).toBe('@Brigitte Roy');
    await poll(() => page.locator('[data-section="duration"] .section-comment-count').textContent()).toContain('1');

    // The server refuses a comment once the agreement is locked (409): the reason is shown.
    await page.route('**/api/agreements/*/threads/*/comments', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'locked', message: 'The agreement is locked: comments are closed.' }),
      }),
    );
    await thread.locator('[data-testid="reply-button"]').click();
    await poll(() => thread.locator('[data-testid="reply-composer"] textarea').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Une réponse trop tard', { delay: 5 });
    await page.keyboard.press('Control+Enter');
    await poll(() => thread.locator('[role="alert"]').textContent()).toBe('L’entente est verrouillée\u00a0: les commentaires sont fermés.');
    await poll(() => thread.locator('[data-testid="reply-composer"] textarea').inputValue()).toBe('Une réponse trop tard');
    await page.unroute('**/api/agreements/*/threads/*/comments');

    // Locked (as the status says): threads stay readable, nothing to write with.
    await page.route('**/api/agreements/*/status', async (route) => {
      const response = await route.fetch();
      const status = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...status, status: 'locked' } });
    });
    await page.reload();
    await threadIn(alice, 'Trente jours').waitFor();
    await poll(() => sidebar(alice).locator('[data-testid="comments-locked"]').textContent()).toBe(
      'L’entente est verrouillée\u00a0: les commentaires sont fermés.',
    );
    await poll(() => page.locator('[data-testid="comment-section"]').count()).toBe(0);
    await threadIn(alice, 'Trente jours').locator('.thread-summary').click();
    await poll(() => threadIn(alice, 'Trente jours').getAttribute('class')).toMatch(/is-open/);
    expect(await sidebar(alice).locator('[data-testid="reply-button"], [data-testid="resolve"], [data-testid="edit-comment"]').count()).toBe(0);
    await screenshot(page, 'comments-fr-locked');
    expect(realErrors(alice)).toEqual([]);
  });
});
