import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../server/start';
import type { AgreementDetail } from '../../shared/api';
import { fragmentName as f } from '../../shared/schema';
import {
  CLIENT_DIR,
  caretAtEnd,
  createAgreementVia,
  editorOf,
  editorText,
  inviteVia,
  openAs,
  openLink,
  screenshot,
  typeAtEnd,
  waitSaved,
  type OpenPage,
  type TestAgreement,
  startBrowserSuite,
  stopBrowserSuite,
  type Running,
} from './browserHarness';

let server: Running;
let dataDir: string;
let browser: Browser;
const opened: OpenPage[] = [];

/** Owned by Alice (first party); everyone else is invited as an editor of the second party. */
const OWNER = 'Alice';

function createAgreement(title: string): Promise<TestAgreement> {
  return createAgreementVia(server.url, {
    title,
    language: 'en',
    templateId: 'mou',
    owner: { name: OWNER, email: 'alice@example.org', partyIndex: 0 },
    parties: [
      { legalName: 'Community Employment Network', address: '12 King St, Toronto', mission: 'Employment services for job seekers with disabilities.' },
      { legalName: 'Réseau Emploi Québec', address: '45 rue Sainte-Catherine, Montréal', mission: 'Accompagnement vers l’emploi.' },
    ],
  });
}

/** Signs `name` in through their personal link (inviting them first unless they own it) in a fresh profile. */
async function open(agreement: TestAgreement, name: string): Promise<OpenPage> {
  const link = name === OWNER ? agreement.ownerLink : (await inviteVia(server.url, agreement, { name, role: 'editor' })).link;
  const p = await openLink(browser, server.url, link, name);
  opened.push(p);
  try {
    await editorOf(p.page, f('purpose')).waitFor({ timeout: 15_000 });
  } catch (err) {
    await screenshot(p.page, `failed-open-${name}`, true);
    throw new Error(`editor did not open for ${name}: ${p.errors.join(' | ')} ${(await p.page.content()).slice(-2000)}`, { cause: err });
  }
  await waitSaved(p.page);
  return p;
}

const textOf = editorText;
/** Polls with room for a loaded machine (vitest's default is one second). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 100 });

beforeAll(async () => {
  ({ server, dataDir, browser } = await startBrowserSuite('entente-browser-'));
}, 120_000);

afterAll(() =>
  stopBrowserSuite(
    { server, dataDir, browser },
    opened.map((p) => p.context),
  ),
);

describe('collaborative editor in the browser', { timeout: 60_000 }, () => {
  it('two people edit different and the same sections, converge, and see each other’s named carets', async () => {
    const agreement = await createAgreement('Employment partnership');
    const alice = await open(agreement, 'Alice');
    const bob = await open(agreement, 'Bob');

    await typeAtEnd(alice.page, f('purpose'), 'Collaborate on employment services.');
    await typeAtEnd(bob.page, f('duration'), 'Reviewed every spring.');
    // Same section: Alice writes, then both type at once at different places.
    await typeAtEnd(alice.page, f('context'), 'Alpha says hello.');
    await poll(() => textOf(bob.page, f('context'))).toBe('Alpha says hello.');
    // Both place their carets first: a click made while a remote edit is being applied can
    // be undone by y-prosemirror's selection restore (yjs/y-prosemirror#146).
    await editorOf(alice.page, f('context')).locator('p').first().click();
    await alice.page.keyboard.press('Control+Home');
    await caretAtEnd(bob.page, f('context'));
    await Promise.all([alice.page.keyboard.type('Preamble. ', { delay: 15 }), bob.page.keyboard.type(' Bravo agrees.', { delay: 15 })]);

    for (const fragment of [f('purpose'), f('duration'), f('context')]) {
      await poll(async () => (await textOf(alice.page, fragment)) === (await textOf(bob.page, fragment))).toBe(true);
    }
    expect(await textOf(bob.page, f('purpose'))).toBe('Collaborate on employment services.');
    expect(await textOf(alice.page, f('duration'))).toBe('Reviewed every spring.');
    expect(await textOf(alice.page, f('context'))).toBe('Preamble. Alpha says hello. Bravo agrees.');

    await poll(() => alice.page.locator(`[data-fragment="${f('context')}"] .collaboration-carets__label`, { hasText: 'Bob' }).count()).toBe(1);
    await poll(() => bob.page.locator(`[data-fragment="${f('context')}"] .collaboration-carets__label`, { hasText: 'Alice' }).count()).toBe(1);
    await poll(() => alice.page.locator('[data-testid="presence"] [data-peer="Bob"]').count()).toBe(1);
    await poll(() => alice.page.locator('[data-testid="presence"] [data-peer="Bob"]').getAttribute('data-section')).toBe('context');

    await waitSaved(alice.page);
    await waitSaved(bob.page);
    await alice.page.locator('#section-context').scrollIntoViewIfNeeded();
    await bob.page.locator('#section-context').scrollIntoViewIfNeeded();
    await screenshot(alice.page, 'a-alice-context');
    await screenshot(bob.page, 'a-bob-context');
    await screenshot(alice.page, 'a-alice-full', true);
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });

  it('keeps rich text and structured fields across a reload and in a fresh browser', async () => {
    const agreement = await createAgreement('Reload check');
    const alice = await open(agreement, 'Alice');
    const page = alice.page;
    const legalName = page.locator('[data-section="parties"] [data-party-index="0"] input[name="legalName"]');
    await legalName.fill('Employment Network of Ontario Inc.');
    await page.locator('select[name="terminationNoticeDays"]').selectOption('90');
    await page.locator('input[name="termYears"]').fill('2');
    await page.locator('[data-testid^="signatories-"]').first().getByRole('button').last().click();
    await page.locator('[data-section="signatories"] input[name="name"]').first().fill('Marie Tremblay');
    await typeAtEnd(page, f('purpose'), 'Improve outcomes for job seekers.');
    await page.locator('.title-field input').fill('Reload check (edited)');
    await waitSaved(page);

    await page.reload();
    await editorOf(page, f('purpose')).waitFor();
    await poll(() => textOf(page, f('purpose'))).toBe('Improve outcomes for job seekers.');
    await poll(() => legalName.inputValue()).toBe('Employment Network of Ontario Inc.');
    expect(await page.locator('select[name="terminationNoticeDays"]').inputValue()).toBe('90');

    // A fresh profile has no IndexedDB copy: everything must come from the server.
    const carol = await open(agreement, 'Carol');
    const fresh = carol.page;
    await poll(() => textOf(fresh, f('purpose'))).toBe('Improve outcomes for job seekers.');
    await poll(() => fresh.locator('[data-section="parties"] [data-party-index="0"] input[name="legalName"]').inputValue()).toBe(
      'Employment Network of Ontario Inc.',
    );
    expect(await fresh.locator('select[name="terminationNoticeDays"]').inputValue()).toBe('90');
    expect(await fresh.locator('input[name="termYears"]').inputValue()).toBe('2');
    expect(await fresh.locator('[data-section="signatories"] input[name="name"]').first().inputValue()).toBe('Marie Tremblay');
    expect(await fresh.locator('.title-field input').inputValue()).toBe('Reload check (edited)');
    await fresh.locator('#section-duration').scrollIntoViewIfNeeded();
    await screenshot(fresh, 'b-fresh-duration');
    expect(alice.errors).toEqual([]);
    expect(carol.errors).toEqual([]);
  });

  it('the owner adds a party, which appears in the other browser with its per-party sections, and removes it', async () => {
    const agreement = await createAgreement('Three parties');
    const alice = await open(agreement, 'Alice');
    const bob = await open(agreement, 'Bob');
    const perPartyBlocks = (page: Page, section: string) => page.locator(`[data-section="${section}"] .section-body [data-party]`);

    expect(await perPartyBlocks(bob.page, 'responsibilities').count()).toBe(2);
    await alice.page.getByTestId('add-party').click();
    const newName = alice.page.locator('[data-section="parties"] [data-party-index="2"] input[name="legalName"]');
    await newName.fill('Northern Skills Centre');

    for (const section of ['context', 'responsibilities', 'signatories']) {
      await poll(() => perPartyBlocks(bob.page, section).count()).toBe(3);
    }
    await poll(() => bob.page.locator('[data-section="parties"] [data-party-index="2"] input[name="legalName"]').inputValue()).toBe('Northern Skills Centre');
    await poll(() => bob.page.locator('[data-section="responsibilities"] h3', { hasText: 'Northern Skills Centre' }).count()).toBe(1);

    // Bob writes in the new party's responsibilities; Alice sees it.
    const partyId = await bob.page.locator('[data-section="responsibilities"] .section-body [data-party]').nth(2).getAttribute('data-party');
    expect(partyId).toBeTruthy();
    await typeAtEnd(bob.page, f('responsibilities', partyId ?? ''), 'Provides premises twice a week.');
    await poll(() => textOf(alice.page, f('responsibilities', partyId ?? ''))).toBe('Provides premises twice a week.');

    await bob.page.locator('#section-parties').scrollIntoViewIfNeeded();
    await screenshot(bob.page, 'c-bob-parties');
    await bob.page.locator('#section-responsibilities').scrollIntoViewIfNeeded();
    await screenshot(bob.page, 'c-bob-responsibilities');
    // Adding and removing parties is the owner's: Bob, an editor, has no buttons for it.
    expect(await bob.page.getByTestId('add-party').count()).toBe(0);
    expect(await bob.page.getByTestId('remove-party').count()).toBe(0);

    // Bob's party cannot be removed while he belongs to it (the server refuses it too): the owner sees why before trying.
    alice.page.on('dialog', (dialog) => void dialog.accept());
    const removeButton = (index: number) => alice.page.locator(`[data-section="parties"] [data-party-index="${index}"] [data-testid="remove-party"]`);
    await poll(() => removeButton(1).isDisabled()).toBe(true);
    expect(await removeButton(0).isDisabled()).toBe(true); // Alice's own
    await poll(() => alice.page.locator('[data-party-index="1"] [data-testid="party-represented"]').innerText()).toContain('still has participants');
    await alice.page.locator('#section-parties').scrollIntoViewIfNeeded();
    await screenshot(alice.page, 'c-alice-party-represented');

    // The new party has nobody yet: it goes, for both, with its per-party sections.
    await removeButton(2).click();
    for (const page of [alice.page, bob.page]) {
      await poll(() => page.locator('[data-section="parties"] .party-card').count()).toBe(2);
      await poll(() => perPartyBlocks(page, 'responsibilities').count()).toBe(2);
    }
    // At the template's minimum of two, no party can be removed.
    expect(await alice.page.getByTestId('remove-party').count()).toBe(0);
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });

  it('keeps the local caret in a text field while someone else edits it', async () => {
    const agreement = await createAgreement('Caret check');
    const alice = await open(agreement, 'Alice');
    const bob = await open(agreement, 'Bob');
    const field = (page: Page) => page.locator('[data-section="parties"] [data-party-index="1"] input[name="address"]');
    await field(alice.page).click();
    await field(alice.page).evaluate((el: HTMLInputElement) => el.setSelectionRange(2, 2));
    // Bob rewrites the start and the end of the address.
    await field(bob.page).fill('Siège: 45 rue Sainte-Catherine, Montréal (Québec)');
    await poll(() => field(alice.page).inputValue()).toBe('Siège: 45 rue Sainte-Catherine, Montréal (Québec)');
    expect(await field(alice.page).evaluate((el: HTMLInputElement) => [el.selectionStart, document.activeElement === el])).toEqual([9, true]);
    await alice.page.keyboard.type('A');
    await poll(() => field(bob.page).inputValue()).toBe('Siège: 45A rue Sainte-Catherine, Montréal (Québec)');
  });

  it('switches to French and creates an agreement from the home page, signed in as its owner', async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-CA' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    opened.push({ context, page, errors });
    await page.goto(`${server.url}/`);
    await page.getByTestId('lang-toggle').click();
    await poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await poll(() => page.locator('#agreements-heading').innerText()).toBe('Ententes');

    const form = page.getByTestId('new-agreement-form');
    await form.locator('input[name="title"]').fill('Protocole d’entente — services d’emploi');
    await form.locator('[data-testid="new-party-0"] input[name="legalName"]').fill('Centre d’emploi de Gatineau');
    await form.locator('[data-testid="new-party-1"] input[name="legalName"]').fill('Ottawa Employment Hub');
    await form.locator('input[name="ownerName"]').fill('Éloïse Gagnon');
    await form.locator('input[name="ownerEmail"]').fill('eloise@example.org');
    await screenshot(page, 'e-home-fr', true);
    await form.locator('button[type="submit"]').click();

    await page.waitForURL(/\/a\/[A-Za-z0-9_-]{22}$/);
    await editorOf(page, f('purpose')).waitFor();
    await waitSaved(page);
    expect(await page.locator('#section-purpose .guidance').innerText()).toContain('Parlez en termes généraux');
    expect(await page.locator('.title-field input').inputValue()).toBe('Protocole d’entente — services d’emploi');
    expect(await page.getByTestId('connection-status').innerText()).toBe('Toutes les modifications sont enregistrées');
    await poll(() => page.locator('[data-section="responsibilities"] h3', { hasText: 'Ottawa Employment Hub' }).count()).toBe(1);
    // Signed in as the owner, from the first party: the header says so.
    await poll(() => page.getByTestId('me').innerText()).toContain('Éloïse Gagnon');
    expect(await page.getByTestId('me').innerText()).toContain('Centre d’emploi de Gatineau');
    expect(await page.getByTestId('me-role').innerText()).toBe('Propriétaire');
    await screenshot(page, 'e-editor-fr');
    // Switching the UI language redraws guidance and placeholders in place.
    await page.getByTestId('lang-toggle').click();
    await poll(() => page.locator('#section-purpose .guidance').innerText()).toContain('Speak in general terms');
    await poll(() => editorOf(page, f('purpose')).locator('p').first().getAttribute('data-placeholder')).toBe('The purpose of the partnership…');
    expect(errors).toEqual([]);
  });

  it('shows offline and reconnecting states, and saves what was typed meanwhile once the server is back', async () => {
    const agreement = await createAgreement('Restart check');
    const alice = await open(agreement, 'Alice');
    const page = alice.page;
    const status = page.getByTestId('connection-status');

    await alice.context.setOffline(true);
    await poll(() => status.getAttribute('data-state')).toBe('offline');
    await alice.context.setOffline(false);
    await waitSaved(page);

    const port = server.port;
    await server.close();
    await poll(() => status.getAttribute('data-state')).toMatch(/^(reconnecting|offline)$/);
    await typeAtEnd(page, f('purpose'), 'Written while the server was down.');
    expect(await status.getAttribute('data-state')).toMatch(/^(reconnecting|offline)$/);
    await page.locator('#section-purpose').scrollIntoViewIfNeeded();
    await screenshot(page, 'f-server-down');

    server = await startServer({ port, dataDir, clientDir: CLIENT_DIR, log: () => undefined });
    await waitSaved(page, 20_000);
    const res = await fetch(`${server.url}/api/agreements/${agreement.id}`, { headers: { authorization: `Bearer ${agreement.token}` } });
    const detail = (await res.json()) as AgreementDetail;
    expect(detail.content.sections['purpose']).toBe('Written while the server was down.');
    // The socket and the live event stream were cut by the restart: those errors are expected.
    expect(alice.errors.filter((e) => !e.includes('WebSocket') && !e.startsWith('Failed to load resource: net::'))).toEqual([]);
  });

  it('shows the localized reason when the server refuses the agreement for good', async () => {
    // No such agreement: the session check answers 404 before any document is opened.
    const p = await openAs(browser, `${server.url}/a/AAAAAAAAAAAAAAAAAAAAAA`, 'Dana');
    opened.push(p);
    const refused = p.page.locator('[data-testid="access-refused"]');
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.getAttribute('data-status')).toBe('404');
    expect(await p.page.getByTestId('refusal').innerText()).toContain('This agreement does not exist.');
    expect(await p.page.locator('.ProseMirror').count()).toBe(0);
    await screenshot(p.page, 'd-refused');
  });
});
