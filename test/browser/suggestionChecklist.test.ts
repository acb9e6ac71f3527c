import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentName as f } from '../../shared/schema';
import { connect, synced, waitFor } from '../server/harness';
import {
  createAgreementVia,
  editorOf,
  inviteVia,
  openLink,
  screenshot,
  startBrowserSuite,
  stopBrowserSuite,
  type BrowserSuite,
  type OpenPage,
} from './browserHarness';

/**
 * The readiness checklist while suggestions are open: it counts them, names
 * what each one changes, and each item takes the reader to it in the text.
 */

let suite: BrowserSuite;
const pages: OpenPage[] = [];
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

beforeAll(async () => {
  suite = await startBrowserSuite('entente-suggestion-checklist-');
}, 60_000);
afterAll(async () => {
  await stopBrowserSuite(
    suite,
    pages.map((p) => p.context),
  );
});

describe('the checklist and open suggestions', () => {
  it('says "2 open suggestions", names each, and each item scrolls to it in the editor', { timeout: 90_000 }, async () => {
    const a = await createAgreementVia(suite.server.url, {
      title: 'Suggestions checklist',
      language: 'en',
      templateId: 'mou',
      owner: { name: 'Alice Martin', email: 'alice@example.org', partyIndex: 0 },
      parties: [{ legalName: 'Community Employment Network' }, { legalName: 'Réseau Emploi Québec' }],
    });
    const bruno = await inviteVia(suite.server.url, a, { name: 'Bruno Tremblay', role: 'editor', partyIndex: 1 });
    const alice = await openLink(suite.browser, suite.server.url, a.ownerLink, 'alice');
    pages.push(alice);
    await editorOf(alice.page, f('purpose')).waitFor({ timeout: 15_000 });

    // Bruno's client writes the marks as y-prosemirror stores them: one insertion, one deletion.
    const client = connect(suite.server.url.replace(/^http/, 'ws'), a.id, bruno.token);
    try {
      await synced(client);
      client.doc.transact(() => {
        const p = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        p.insert(0, [text]);
        client.doc.getXmlFragment(f('purpose')).push([p]);
        text.insert(0, 'Work together ');
        text.insert(text.length, 'every week', { deletion: { id: 'sug-del' } });
        text.insert(text.length, 'every month', { insertion: { id: 'sug-ins' } });
      });
      await waitFor(() => client.provider.synced, 'sent');

      const check = alice.page.locator('[data-check="suggestions"]');
      await poll(() => check.getAttribute('data-ok')).toBe('false');
      await poll(() => check.locator('.check-label').innerText()).toBe('2 open suggestions');
      const items = check.locator('.missing-list button.missing-link');
      await poll(() => items.allInnerTexts()).toEqual(['Suggestion in Purpose: remove “every week”', 'Suggestion in Purpose: add “every month”']);
      await items.nth(1).scrollIntoViewIfNeeded();
      await screenshot(alice.page, 'suggestion-checklist');

      // Under the checklist, the draft to download with its suggestions marked.
      await alice.page.getByTestId('draft-downloads').scrollIntoViewIfNeeded();
      await screenshot(alice.page, 'suggestion-draft-downloads');
      for (const [id, type] of [
        ['download-draft-pdf', 'application/pdf'],
        ['download-draft-docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ] as const) {
        const href = (await alice.page.getByTestId(id).getAttribute('href')) ?? '';
        const res = await alice.page.request.get(new URL(href, suite.server.url).toString());
        expect([res.status(), res.headers()['content-type']]).toEqual([200, type]);
      }

      // The item goes to the suggestion in the text.
      await alice.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await items.nth(1).click();
      const target = alice.page.locator('[data-suggestion="sug-ins"]').first();
      await poll(() => target.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
      await screenshot(alice.page, 'suggestion-checklist-went');

      // Accepted (the mark removed, the deleted words gone), the line passes.
      client.doc.transact(() => {
        const text = (client.doc.getXmlFragment(f('purpose')).get(0) as Y.XmlElement).get(0) as Y.XmlText;
        text.format('Work together every week'.length, 'every month'.length, { insertion: null });
        text.delete('Work together '.length, 'every week'.length);
      });
      await poll(() => check.getAttribute('data-ok')).toBe('true');
      expect(await check.locator('.check-label').innerText()).toBe('No open suggestions');
    } finally {
      client.destroy();
    }
  });
});
