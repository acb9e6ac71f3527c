import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { frenchDraft } from '../server/import/fixtures';
import { editorOf, screenshot, startBrowserSuite, stopBrowserSuite, waitSaved, type BrowserSuite, type OpenPage } from './browserHarness';

let suite: BrowserSuite;
const opened: OpenPage[] = [];

beforeAll(async () => {
  suite = await startBrowserSuite('entente-partnership-');
});
afterAll(() =>
  stopBrowserSuite(
    suite,
    opened.map((p) => p.context),
  ),
);

/** A French-speaking browser on the home page. */
async function openFrench(): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'fr-CA' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  opened.push({ context, page, errors });
  await page.goto(suite.server.url);
  return page;
}

const nb = (s: string | null): string => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('drafting a partnership agreement in French', () => {
  it('the advisor recommends it, the needs show beside their sections, then two tasks go into the RACI grid by keyboard and the budget adds up per party', async () => {
    const page = await openFrench();
    const form = page.getByTestId('new-agreement-form');
    await form.waitFor();
    // The advisor: shared funding, two organisations, services already established.
    await page.getByTestId('advisor').locator('summary').click();
    await page.locator('input[name="advisor-sharedFunding"]').first().check();
    await page.locator('input[name="advisor-organisations"]').first().check();
    await page.locator('input[name="advisor-services"]').first().check();
    const result = page.getByTestId('advisor-result');
    await expect.poll(() => result.getAttribute('data-recommended')).toBe('partnership');
    expect(nb(await result.textContent())).toContain('financement partagé');
    await screenshot(page, 'partnership-advisor', true);
    await page.getByTestId('advisor-use').click();
    await expect.poll(() => page.getByTestId('template-select').inputValue()).toBe('partnership');

    await page.locator('input[name="title"]').fill('Accord de partenariat — Emploi 2027');
    await page.getByTestId('new-party-0').locator('input[name="legalName"]').fill('Centre d’emploi Alpha');
    await page.getByTestId('new-party-1').locator('input[name="legalName"]').fill('Réseau Bêta');
    await page.locator('input[name="ownerName"]').fill('Odile Owner');
    await page.locator('input[name="ownerEmail"]').fill('odile@example.org');
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/\/a\//);
    const raci = page.getByTestId('raci-raci');
    await raci.waitFor({ timeout: 20_000 }).catch(async (err: unknown) => {
      await screenshot(page, 'partnership-failed-open', true);
      throw err;
    });
    await waitSaved(page);

    // Each party's needs before drafting (000): an answer shows beside the section it informs.
    const needs = page.getByTestId('needs');
    await needs.locator('summary').click();
    const firstParty = needs.locator('.needs-party').first();
    await firstParty.locator('[data-question="people"] textarea').fill('250 employés en Ontario');
    await expect.poll(async () => nb(await firstParty.locator('[data-question="workshops"]').textContent())).toContain('environ 13 ateliers');
    await firstParty.locator('[data-question="objectives"] textarea').fill('Former les facilitateurs et offrir les ateliers en région');
    const beside = page.getByTestId('needs-beside-results');
    await expect.poll(async () => nb(await beside.textContent())).toContain('Centre d’emploi Alpha — 250 employés en Ontario');
    await screenshot(page, 'partnership-needs');
    await beside.scrollIntoViewIfNeeded();
    await screenshot(page, 'partnership-needs-beside');

    // Two tasks, two roles, names typed in the grid's own fields.
    await raci.getByTestId('raci-add-task').click();
    await raci.getByTestId('raci-add-task').click();
    await raci.getByTestId('raci-add-role').click();
    await raci.getByTestId('raci-add-role').click();
    const taskNames = raci.locator('th.raci-task input');
    await taskNames.nth(0).fill('Formulaires d’admission');
    await taskNames.nth(1).fill('Recherche d’emploi');
    const roleNames = raci.locator('th.raci-role input');
    await roleNames.nth(0).fill('Responsable de l’admission');
    await roleNames.nth(1).fill('Gestionnaire de programme');

    // Keyboard only: R, →, A, ↓, A, ←, A — the second task then has two A and no R.
    await raci.locator('[data-cell="0:0"]').focus();
    for (const key of ['r', 'ArrowRight', 'a', 'ArrowDown', 'a', 'ArrowLeft', 'a']) await page.keyboard.press(key);
    const second = raci.locator('tbody tr').nth(1);
    await expect.poll(() => second.getAttribute('data-problems')).toBe('noR manyA');
    expect(nb(await second.locator('.raci-problem').first().textContent())).toContain('Tâche « Recherche d’emploi » : aucun responsable (R)');
    await expect.poll(async () => (await page.locator('[data-check="raci"]').getAttribute('data-ok')) ?? '').toBe('false');
    await screenshot(page, 'partnership-raci-broken');
    // Fix it from the keyboard: the focused cell (second task, first role) becomes R.
    await page.keyboard.press('r');
    await expect.poll(() => second.getAttribute('data-problems')).toBe('');
    await expect.poll(async () => (await page.locator('[data-check="raci"]').getAttribute('data-ok')) ?? '').toBe('true');
    expect(await raci.locator('td.raci-cell').allTextContents()).toEqual(['R', 'A', 'R', 'A']);

    // The budget annex: two lines, one per party, and the totals per party.
    const budget = page.getByTestId('budget-budget');
    await budget.getByTestId('budget-add-line').click();
    await budget.getByTestId('budget-add-line').click();
    const lines = budget.locator('tbody tr');
    await lines.nth(0).locator('input').first().fill('Animation des ateliers');
    await lines.nth(0).locator('select').first().selectOption({ label: 'Centre d’emploi Alpha' });
    await lines.nth(0).locator('input[data-field="amount"]').fill('5000');
    await lines.nth(1).locator('input').first().fill('Salle de formation');
    await lines.nth(1).locator('select').first().selectOption({ label: 'Réseau Bêta' });
    await lines.nth(1).locator('select').nth(1).selectOption('inKind');
    await lines.nth(1).locator('input[data-field="amount"]').fill('1 200,50');
    await expect.poll(async () => nb(await budget.getByTestId('budget-grand-total').textContent())).toBe('6 200,50 $');
    const totals = budget.getByTestId('budget-totals-budget');
    expect(nb(await totals.locator('tbody tr').nth(1).textContent())).toContain('1 200,50 $');
    await waitSaved(page);
    // The lawyer's review the guides advise: the owner records it from the checklist.
    const review = page.locator('[data-check="legalReview"]');
    expect(await review.getAttribute('data-ok')).toBe('false');
    await review.getByTestId('legal-reviewer').fill('Me Julie Gagnon, avocate');
    await review.locator('button[type="submit"]').click();
    await expect.poll(() => review.getAttribute('data-ok')).toBe('true');
    expect(nb(await review.textContent())).toContain('Relu par Me Julie Gagnon, avocate le ');
    await review.scrollIntoViewIfNeeded();
    await screenshot(page, 'partnership-legal-review');
    await raci.scrollIntoViewIfNeeded();
    await screenshot(page, 'partnership-raci-fixed');
    await budget.scrollIntoViewIfNeeded();
    await screenshot(page, 'partnership-budget');
    await screenshot(page, 'partnership-full', true);
  }, 120_000);

  it('a French Word draft becomes an MOU: matched headings fill their sections, the rest waits in “Importé, à trier”, table included', async () => {
    const page = await openFrench();
    const form = page.getByTestId('new-agreement-form');
    await form.waitFor();
    await page.locator('input[name="title"]').fill('PE importé de Word');
    await page.getByTestId('new-party-0').locator('input[name="legalName"]').fill('Agence A');
    await page.getByTestId('new-party-1').locator('input[name="legalName"]').fill('Agence B');
    await page.locator('input[name="ownerName"]').fill('Odile Owner');
    await page.locator('input[name="ownerEmail"]').fill('odile@example.org');
    await page.getByTestId('import-docx').setInputFiles({
      name: 'ebauche.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await frenchDraft(),
    });
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/\/a\//);
    const imported = page.getByTestId('imported-area');
    await imported.waitFor({ timeout: 20_000 });
    await waitSaved(page);
    expect(await imported.locator('table td').allTextContents()).toEqual(['Atelier', 'Date', 'Accueil', 'Avril']);
    expect(await editorOf(page, 'section:purpose').locator('strong').textContent()).toBe('améliorer les résultats');
    expect(await editorOf(page, 'section:duration').locator('ul li').count()).toBe(2);
    await imported.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-to-sort');
  }, 90_000);
});
