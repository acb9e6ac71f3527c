import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fragmentName as f } from '../../shared/schema';
import {
  editorOf,
  editorText,
  openAs,
  screenshot,
  typeAtEnd,
  waitSaved,
  type OpenPage,
  startBrowserSuite,
  stopBrowserSuite,
  type Running,
} from './browserHarness';

/**
 * Participants, roles and access, through the UI: the owner creates an
 * agreement from the home page, invites people from the participants panel,
 * and what each of them can do follows their role live — read-only for a
 * viewer, editable after a promotion, gone after a revocation.
 */

let server: Running;
let dataDir: string;
let browser: Browser;
const opened: OpenPage[] = [];

const XSS_NAME = `<img src=x onerror=alert(1)>'; DROP TABLE participants; --`;
const PARTY_A = 'Centre d’emploi de Gatineau';
const PARTY_B = 'Ottawa Employment Hub';

const poll = <T>(fn: () => Promise<T> | T, timeout = 10_000) => expect.poll(fn, { timeout, interval: 100 });

/** A fresh profile on a URL, tracked for cleanup; dialogs are recorded (and dismissed). */
async function fresh(url: string, label: string): Promise<OpenPage & { dialogs: string[] }> {
  const p = await openAs(browser, url, label);
  const dialogs: string[] = [];
  p.page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  opened.push(p);
  return { ...p, dialogs };
}

async function waitEditor(p: OpenPage, label: string): Promise<void> {
  try {
    await editorOf(p.page, f('purpose')).waitFor({ timeout: 15_000 });
    await waitSaved(p.page);
  } catch (err) {
    await screenshot(p.page, `access-failed-${label}`, true);
    throw new Error(`editor did not open for ${label}: ${p.errors.join(' | ')}`, { cause: err });
  }
}

const participantRow = (page: Page, name: string) => page.locator('[data-testid="participant-list"] > li', { hasText: name });

/** Invites someone through the owner's participants panel; returns the full personal link shown. */
async function inviteThroughPanel(
  page: Page,
  who: { name: string; email: string; party: string; role: 'editor' | 'commenter' | 'viewer'; signatory?: boolean },
): Promise<string> {
  const panel = page.getByTestId('participants-panel');
  await panel.getByTestId('invite-open').click();
  const form = panel.getByTestId('invite-form');
  await form.locator('input[name="inviteName"]').fill(who.name);
  await form.locator('input[name="inviteEmail"]').fill(who.email);
  await form.locator('select[name="inviteParty"]').selectOption({ label: who.party });
  await form.locator('select[name="inviteRole"]').selectOption(who.role);
  if (who.signatory) await form.locator('input[name="inviteSignatory"]').check();
  await form.getByTestId('invite-submit').click();
  const link = panel.getByTestId('new-link');
  await link.waitFor({ timeout: 10_000 });
  const url = await link.inputValue();
  expect(url).toMatch(new RegExp(`^${server.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/join/[A-Za-z0-9_-]+$`));
  await poll(() => participantRow(page, who.name).count()).toBe(1);
  return url;
}

beforeAll(async () => {
  ({ server, dataDir, browser } = await startBrowserSuite('entente-access-'));
}, 120_000);

afterAll(() =>
  stopBrowserSuite(
    { server, dataDir, browser },
    opened.map((p) => p.context),
  ),
);

describe('participants, roles and access in the browser', { timeout: 120_000 }, () => {
  it('owner creates and invites; a viewer is read-only until promoted; a revoked editor is shut out; names stay text', async () => {
    // The owner creates the agreement from the home page and lands in the editor, signed in.
    const owner = await fresh(`${server.url}/`, 'owner');
    await owner.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const o = owner.page;
    await o.getByTestId('new-agreement-form').waitFor();
    expect(await o.locator('[data-testid="agreement-list"] li').count()).toBe(0);
    const form = o.getByTestId('new-agreement-form');
    await form.locator('input[name="title"]').fill('Entente de services partagés');
    await form.locator('[data-testid="new-party-0"] input[name="legalName"]').fill(PARTY_A);
    await form.locator('[data-testid="new-party-1"] input[name="legalName"]').fill(PARTY_B);
    // Missing owner details are caught before the server is asked.
    await form.locator('button[type="submit"]').click();
    await poll(() => form.getByRole('alert').innerText()).toContain('Please give your name.');
    await form.locator('input[name="ownerName"]').fill('Odile Ouellet');
    await form.locator('input[name="ownerEmail"]').fill('odile@example.org');
    await form.locator('select[name="ownerParty"]').selectOption({ label: `Party 2 — ${PARTY_B}` });
    await screenshot(o, 'access-new-agreement', true);
    await form.locator('button[type="submit"]').click();
    await o.waitForURL(/\/a\/[A-Za-z0-9_-]{22}$/);
    await waitEditor(owner, 'owner');
    const agreementId = new URL(o.url()).pathname.split('/').pop() ?? '';
    const me = o.getByTestId('me');
    await poll(() => me.innerText()).toContain('Odile Ouellet');
    expect(await me.innerText()).toContain(PARTY_B);
    expect(await o.getByTestId('me-role').innerText()).toBe('Owner');
    expect(await o.getByTestId('read-only-banner').count()).toBe(0);
    await poll(() => participantRow(o, 'Odile Ouellet').getAttribute('data-role')).toBe('owner');

    // The invite form says what is missing before asking the server.
    await o.getByTestId('invite-open').click();
    await o.getByTestId('invite-submit').click();
    await poll(() => o.getByTestId('invite-error').innerText()).toBe('Give the person’s name.');
    await o.locator('input[name="inviteName"]').fill('Someone');
    await o.locator('input[name="inviteEmail"]').fill('not-an-email');
    await o.getByTestId('invite-submit').click();
    await poll(() => o.getByTestId('invite-error').innerText()).toBe('Give a valid email address.');
    await o.getByTestId('invite-form').getByRole('button', { name: 'Cancel' }).click();

    // Invites an editor, a viewer and someone with a hostile name, through the panel.
    const editorUrl = await inviteThroughPanel(o, { name: 'Étienne Éditeur', email: 'etienne@example.org', party: PARTY_A, role: 'editor', signatory: true });
    await screenshot(o, 'access-invited');
    const viewerUrl = await inviteThroughPanel(o, { name: 'Violette Viewer', email: 'violette@example.org', party: PARTY_A, role: 'viewer' });
    const xssUrl = await inviteThroughPanel(o, { name: XSS_NAME, email: 'mallory@example.org', party: PARTY_B, role: 'editor' });
    const editorRow = participantRow(o, 'Étienne Éditeur');
    expect(await editorRow.getAttribute('data-signatory')).toBe('true');
    expect(await editorRow.innerText()).toContain(PARTY_A);
    expect(await editorRow.innerText()).toContain('etienne@example.org');

    // A link is shown once, when it is issued: copied from that box, and the list has none to copy later.
    const shown = o.getByTestId('new-link-box');
    expect(await shown.innerText()).toContain('This link is shown only now');
    await shown.getByTestId('copy-link').click();
    await poll(() => shown.getByTestId('copy-link').innerText()).toContain('Copied');
    expect(await o.evaluate(() => navigator.clipboard.readText())).toBe(xssUrl);
    expect(await o.getByTestId('participant-list').getByTestId('new-link').count()).toBe(0);
    expect(await o.getByTestId('participant-list').innerText()).not.toContain('/join/');
    await shown.getByTestId('new-link-close').click();
    expect(await o.getByTestId('new-link-box').count()).toBe(0);

    // Each invitee opens their personal link in their own browser profile.
    const editor = await fresh(editorUrl, 'editor');
    await waitEditor(editor, 'editor');
    expect(new URL(editor.page.url()).pathname).toBe(`/a/${agreementId}`);
    expect(await editor.page.getByTestId('me-role').innerText()).toBe('Editor');
    const viewer = await fresh(viewerUrl, 'viewer');
    await waitEditor(viewer, 'viewer');
    const mallory = await fresh(xssUrl, 'mallory');
    await waitEditor(mallory, 'mallory');

    // The viewer sees an obvious read-only state and cannot change anything.
    const v = viewer.page;
    await v.getByTestId('read-only-banner').waitFor();
    expect(await v.getByTestId('read-only-banner').innerText()).toContain('Read-only: you are a viewer');
    expect(await editorOf(v, f('purpose')).getAttribute('contenteditable')).toBe('false');
    expect(await v.getByTestId('read-only-pill').isVisible()).toBe(true);
    expect(await o.getByTestId('read-only-pill').count()).toBe(0);
    expect(await v.locator('.title-field input').getAttribute('readonly')).not.toBeNull();
    expect(await v.locator('[data-section="parties"] input[name="legalName"]').first().getAttribute('readonly')).not.toBeNull();
    expect(await v.locator('select[name="terminationNoticeDays"]').isDisabled()).toBe(true);
    expect(await v.getByTestId('add-party').count()).toBe(0);
    expect(await v.locator('[data-section="signatories"] .item-list button').count()).toBe(0);
    expect(await v.getByTestId('invite-open').count()).toBe(0);
    expect(await v.getByTestId('role-select').count()).toBe(0);
    await editorOf(v, f('purpose')).click();
    await v.keyboard.type('Viewer was here', { delay: 10 });
    await v.locator('[data-section="parties"] input[name="legalName"]').first().click();
    await v.keyboard.type('XYZ');
    await v.locator('#section-purpose').scrollIntoViewIfNeeded();
    await screenshot(v, 'access-viewer-readonly');

    // The editor's typing reaches the owner; the viewer's never does.
    await typeAtEnd(editor.page, f('purpose'), 'Shared employment services.');
    await poll(() => editorText(o, f('purpose'))).toBe('Shared employment services.');
    await poll(() => editorText(v, f('purpose'))).toBe('Shared employment services.');
    expect(await o.locator('[data-section="parties"] input[name="legalName"]').first().inputValue()).toBe(PARTY_A);
    expect(await v.locator('[data-section="parties"] input[name="legalName"]').first().inputValue()).toBe(PARTY_A);
    // Presence shows names with party and role.
    await poll(() => o.locator('[data-testid="people-list"] [data-peer="Violette Viewer"]').innerText()).toContain(`${PARTY_A} · Viewer`);

    // The owner promotes the viewer: the viewer is told, and can edit at once.
    await participantRow(o, 'Violette Viewer').getByTestId('role-select').selectOption('editor');
    await poll(() => v.getByTestId('role-notice').innerText()).toContain('Your role changed: you are now an editor.');
    await poll(() => editorOf(v, f('purpose')).getAttribute('contenteditable')).toBe('true');
    expect(await v.getByTestId('read-only-banner').count()).toBe(0);
    expect(await v.getByTestId('read-only-pill').count()).toBe(0);
    expect(await v.getByTestId('me-role').innerText()).toBe('Editor');
    // The reconnection with the new rights brings back who else is here at once.
    await poll(() => v.locator('[data-testid="presence"] [data-peer="Odile Ouellet"]').count(), 5_000).toBe(1);
    await poll(() => v.locator('[data-section="parties"] input[name="legalName"]').first().getAttribute('readonly')).toBeNull();
    expect(await v.getByTestId('add-party').count()).toBe(0); // adding a party is the owner's
    expect(await o.getByTestId('add-party').count()).toBe(1);
    await v.locator('#section-purpose').scrollIntoViewIfNeeded();
    await screenshot(v, 'access-viewer-promoted');
    await typeAtEnd(v, f('purpose'), ' Promoted.');
    await poll(() => editorText(o, f('purpose'))).toBe('Shared employment services. Promoted.');

    // Violette's link leaked: the owner gives her a new one, after a warning. Her open page is
    // signed out, the old link opens nothing, and the new one (shown once) signs her in again.
    const violetteRow = participantRow(o, 'Violette Viewer');
    await violetteRow.getByTestId('new-link-open').click();
    expect(await violetteRow.getByTestId('new-link-confirm').innerText()).toContain('The old link will stop working');
    await violetteRow.getByTestId('new-link-yes').click();
    const renewed = violetteRow.getByTestId('new-link');
    await renewed.waitFor({ timeout: 10_000 });
    const violetteUrl = await renewed.inputValue();
    expect(violetteUrl).toMatch(/\/join\/[A-Za-z0-9_-]+$/);
    expect(violetteUrl).not.toBe(viewerUrl);
    expect(await violetteRow.getByTestId('new-link-box').innerText()).toContain('The old one no longer works');
    // When the clipboard is refused, the box says to copy the link from its field.
    await o.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    });
    await violetteRow.getByTestId('copy-link').click();
    await violetteRow.getByTestId('copy-fallback').waitFor();
    await screenshot(o, 'access-new-link');
    const signedOut = v.getByTestId('access-refused');
    await signedOut.waitFor({ timeout: 10_000 });
    expect(await signedOut.getAttribute('data-status')).toBe('401');
    expect(await signedOut.innerText()).toContain('Ask the owner of the agreement for a new link.');
    const oldLink = await fresh(viewerUrl, 'viewer-old-link');
    await oldLink.page.getByTestId('link-invalid').waitFor();
    await v.goto(violetteUrl);
    await waitEditor(viewer, 'viewer-new-link');
    expect(await v.getByTestId('me-role').innerText()).toBe('Editor');
    await poll(() => editorText(v, f('purpose'))).toBe('Shared employment services. Promoted.');

    // The owner revokes the editor (after a confirmation): the editor's page says so.
    await editorRow.getByTestId('revoke').click();
    expect(await editorRow.getByTestId('revoke-confirm').innerText()).toContain('Revoke access for Étienne Éditeur?');
    await screenshot(o, 'access-revoke-confirm');
    await editorRow.getByTestId('revoke-yes').click();
    await poll(() => editorRow.getAttribute('data-revoked')).toBe('true');
    const refused = editor.page.getByTestId('access-refused');
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.innerText()).toContain('Your access to this agreement was revoked.');
    expect(await editor.page.locator('.ProseMirror').count()).toBe(0);
    await screenshot(editor.page, 'access-editor-revoked');
    await o.getByTestId('participants-panel').scrollIntoViewIfNeeded();
    await screenshot(o, 'access-owner-panel');
    // The revoked link no longer signs anyone in.
    const again = await fresh(editorUrl, 'revoked-again');
    await again.page.getByTestId('link-invalid').waitFor();
    expect(again.page.url()).toBe(`${server.url}/?link=invalid`);
    await screenshot(again.page, 'access-link-invalid');

    // The hostile name is text everywhere: panel, presence, own header; nothing ran.
    const m = mallory.page;
    await poll(() => m.getByTestId('me-name').innerText()).toBe(XSS_NAME);
    await poll(() => participantRow(o, 'DROP TABLE').getByTestId('participant-name').innerText()).toBe(XSS_NAME);
    await poll(() => o.locator('[data-testid="people-list"] li', { hasText: 'DROP TABLE' }).count()).toBe(1);
    expect(await o.locator('[data-testid="people-list"] li', { hasText: 'DROP TABLE' }).locator('.person-name').innerText()).toContain(XSS_NAME);
    await editorOf(m, f('purpose')).click();
    await poll(() => o.locator(`[data-fragment="${f('purpose')}"] .collaboration-carets__label`, { hasText: 'DROP TABLE' }).count()).toBe(1);
    expect(await o.locator(`[data-fragment="${f('purpose')}"] .collaboration-carets__label`, { hasText: 'DROP TABLE' }).innerText()).toBe(XSS_NAME);
    for (const p of [o, m, v]) expect(await p.locator('img[src="x"], img[onerror]').count()).toBe(0);
    await participantRow(o, 'DROP TABLE').scrollIntoViewIfNeeded();
    await screenshot(o, 'access-xss-literal');
    for (const p of [owner, mallory, viewer]) expect(p.dialogs).toEqual([]);

    // The owner's list has the agreement; a stranger's browser has none and must use a link.
    await o.goto(`${server.url}/`);
    await poll(() => o.locator('[data-testid="agreement-list"] li').innerText()).toContain('Entente de services partagés');
    const stranger = await fresh(`${server.url}/a/${agreementId}`, 'stranger');
    await stranger.page.getByTestId('access-refused').waitFor();
    expect(await stranger.page.getByTestId('access-refused').getAttribute('data-status')).toBe('401');
    expect(await stranger.page.getByTestId('access-refused').innerText()).toContain('Open your personal link');
    await screenshot(stranger.page, 'access-sign-in');

    const unexpected = (p: OpenPage) =>
      p.errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 40') && !e.includes('WebSocket'));
    expect(unexpected(owner)).toEqual([]);
    expect(unexpected(viewer)).toEqual([]);
    expect(unexpected(mallory)).toEqual([]);
    expect(unexpected(editor)).toEqual([]);
  });

  it('the panel and notices speak French, and a commenter sees why they cannot edit', async () => {
    const res = await fetch(`${server.url}/api/agreements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Protocole',
        language: 'fr',
        owner: { name: 'Odile Ouellet', email: 'odile@example.org', partyIndex: 0 },
        parties: [{ legalName: PARTY_A }, { legalName: PARTY_B }],
      }),
    });
    const created = (await res.json()) as { id: string; ownerLink: string; content: { parties: { id: string }[] } };
    const token = created.ownerLink.split('/').pop() ?? '';
    const invite = await fetch(`${server.url}/api/agreements/${created.id}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Camille Commentatrice', email: 'camille@example.org', partyId: created.content.parties[1]?.id, role: 'commenter' }),
    });
    const camille = (await invite.json()) as { id: string; link: string };

    const c = await fresh(`${server.url}${camille.link}`, 'camille');
    await c.context.addInitScript(() => localStorage.setItem('entente:lang', 'fr'));
    await c.page.reload();
    await waitEditor(c, 'camille');
    await poll(() => c.page.getByTestId('read-only-banner').innerText()).toContain('Lecture seule');
    expect(await c.page.getByTestId('read-only-banner').innerText()).toContain('Commentateur');
    expect(await c.page.getByTestId('read-only-banner').innerText()).toContain('Odile Ouellet');
    expect(await c.page.getByTestId('me-role').innerText()).toBe('Commentateur');

    // The owner makes Camille a signatory and then a viewer over REST: she is told, in French.
    const patch = (body: unknown) =>
      fetch(`${server.url}/api/agreements/${created.id}/participants/${camille.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await patch({ signatory: true })).status).toBe(200);
    await poll(() => c.page.locator('[data-testid="role-notice"][data-kind="signatory"]').innerText()).toContain('Vous signez maintenant');
    expect((await patch({ role: 'viewer' })).status).toBe(200);
    await poll(() => c.page.locator('[data-testid="role-notice"][data-kind="role"]').innerText()).toMatch(/vous avez maintenant le rôle «\s*Lecteur\s*»/);
    await poll(() => c.page.getByTestId('me-role').innerText()).toBe('Lecteur');
    await screenshot(c.page, 'access-fr-notices');
    expect(c.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  });
});
