import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CreatedAgreement, ParticipantView, StatusView } from '../../shared/api';
import { addContact, addSignatory, fragmentName as f, getDuration, partiesOf } from '../../shared/schema';
import { activeSections } from '../../shared/included';
import { mouTemplate } from '../../shared/templates/mou';
import { connect, synced, tokenOf, waitFor } from '../server/harness';
import { paragraph } from '../server/fill';
import { pdfText } from '../server/pdfText';
import { SHOTS_DIR, editorOf, editorText, screenshot, waitSaved, type OpenPage, startBrowserSuite, stopBrowserSuite, type Running } from './browserHarness';
import { pdfPagesToPng } from './pdfShots';

/**
 * The end of drafting, in two browsers: a partner from each party approves
 * every section, the owner locks the final version, both sign it, and the
 * signed PDF they download is recognised by the public verify page.
 */

let server: Running;
let dataDir: string;
let browser: Browser;
const opened: OpenPage[] = [];

const OWNER = { name: 'Odile Owner', email: 'odile@example.org', title: 'Executive Director' };
const PARTNER = { name: 'Paul Partenaire', email: 'paul@example.org', title: 'Directeur général' };

interface Setup {
  agreement: CreatedAgreement;
  ownerToken: string;
  partnerToken: string;
  partyIds: string[];
}

async function rest<T>(token: string, path: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Over REST: an agreement between two parties, the owner (party 0) made a
 * signatory, a partner editor and signatory for party 1. Then the text is
 * written through a real y-websocket client, the way the editor writes it.
 */
async function setUp(title: string): Promise<Setup> {
  const res = await fetch(`${server.url}/api/agreements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      language: 'en',
      templateId: 'mou',
      owner: { name: OWNER.name, email: OWNER.email, partyIndex: 0 },
      parties: [
        { legalName: 'Community Employment Network', address: '12 King St, Toronto', mission: 'Employment services for job seekers with disabilities.' },
        { legalName: 'Réseau Emploi Québec', address: '45 rue Sainte-Catherine, Montréal', mission: 'Accompagnement vers l’emploi.' },
      ],
    }),
  });
  expect(res.status).toBe(201);
  const agreement = (await res.json()) as CreatedAgreement;
  const ownerToken = tokenOf(agreement.ownerLink);
  const partyIds = agreement.content.parties.map((p) => p.id);
  const base = `/api/agreements/${agreement.id}`;
  const partner = await rest<ParticipantView>(ownerToken, `${base}/participants`, 'POST', {
    name: PARTNER.name,
    email: PARTNER.email,
    partyId: partyIds[1],
    role: 'editor',
    signatory: true,
  });
  const ownerRow = (await rest<{ participants: ParticipantView[] }>(ownerToken, `${base}/participants`)).participants.find((p) => p.role === 'owner');
  await rest(ownerToken, `${base}/participants/${ownerRow?.id}`, 'PATCH', { signatory: true });

  const writer = connect(server.url.replace(/^http/, 'ws'), agreement.id, ownerToken);
  try {
    await synced(writer);
    const doc = writer.doc;
    doc.transact(() => {
      doc.getXmlFragment(f('purpose')).push([paragraph('Collaborate on employment services to improve outcomes for job seekers with disabilities.')]);
      doc.getXmlFragment(f('context')).push([paragraph('Together the parties reach more people across Ontario and Québec.')]);
      doc.getXmlFragment(f('duration')).push([paragraph('The parties meet twice a year to review the partnership.')]);
      getDuration(doc).set('termYears', 2);
      getDuration(doc).set('renewalReviewMonths', 6);
      getDuration(doc).set('terminationNoticeDays', 90);
      const people = [OWNER, PARTNER];
      partiesOf(doc).forEach(({ id }, i) => {
        doc.getXmlFragment(f('context', id)).push([paragraph(`Mission statement of party ${i + 1}.`)]);
        doc.getXmlFragment(f('responsibilities', id)).push([paragraph(`Party ${i + 1} provides two workshops of 20 participants each quarter.`)]);
        addContact(doc, id, i === 0 ? 'Programme manager' : 'Coordonnatrice des services');
        const person = people[i];
        if (person) addSignatory(doc, id, person.name, person.title);
      });
    });
    await waitFor(() => !writer.provider.wsconnected || writer.provider.synced, 'stored');
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    writer.destroy();
  }
  return { agreement, ownerToken, partnerToken: partner.link ? tokenOf(partner.link) : '', partyIds };
}

/** A fresh browser profile opening a personal link, as a real invitee would. */
async function openByLink(token: string, name: string, prepare?: (context: BrowserContext) => Promise<void>): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-CA', acceptDownloads: true });
  await prepare?.(context);
  // Older builds asked for a display name first; the personal link now says who you are.
  await context.addInitScript((n) => {
    try {
      if (!localStorage.getItem('entente:name')) localStorage.setItem('entente:name', n);
    } catch {
      // storage disabled
    }
  }, name);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const p = { context, page, errors };
  opened.push(p);
  await page.goto(`${server.url}/join/${token}`);
  try {
    await editorOf(page, f('purpose')).waitFor({ timeout: 15_000 });
    await waitSaved(page);
    await page.locator('[data-testid="status-panel"][data-status]').waitFor({ timeout: 10_000 });
  } catch (err) {
    await screenshot(page, `signing-failed-open-${name.split(' ')[0]}`, true);
    throw new Error(`agreement did not open for ${name}: ${errors.join(' | ')}`, { cause: err });
  }
  return p;
}

const poll = <T>(fn: () => Promise<T> | T, timeout = 10_000) => expect.poll(fn, { timeout, interval: 100 });
const statusOf = (page: Page) => page.locator('[data-testid="agreement-status"]').getAttribute('data-status');
const shot = (page: Page, name: string, fullPage = false) => screenshot(page, `signing-${name}`, fullPage);

/** Approves every section for the page's party, through the buttons under the section titles. */
async function approveAll(page: Page): Promise<void> {
  // The optional RACI matrix is left out, so it has no approve button (test/browser/partnership.test.ts adds one).
  for (const section of mouTemplate.sections.filter((s) => !s.optional)) {
    const button = page.locator(`[data-testid="approve-${section.key}"]`);
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await button.waitFor({ state: 'detached', timeout: 10_000 });
  }
}

beforeAll(async () => {
  ({ server, dataDir, browser } = await startBrowserSuite('entente-signing-'));
  mkdirSync(SHOTS_DIR, { recursive: true });
}, 120_000);

afterAll(() =>
  stopBrowserSuite(
    { server, dataDir, browser },
    opened.map((p) => p.context),
  ),
);

describe('approve, lock, sign and verify in the browser', { timeout: 120_000 }, () => {
  it('two parties approve every section, the owner locks, both sign, and the signed PDF verifies', async () => {
    const { agreement, ownerToken, partnerToken, partyIds } = await setUp('Employment partnership 2026');
    const owner = await openByLink(ownerToken, OWNER.name);
    const partner = await openByLink(partnerToken, PARTNER.name);

    // Draft: everyone sees the checklist; only approvals are missing, named by party and section.
    for (const { page } of [owner, partner]) {
      expect(await statusOf(page)).toBe('draft');
      await poll(() => page.locator('[data-check="approvals"]').getAttribute('data-ok')).toBe('false');
      for (const key of ['sectionsFilled', 'responsibilities', 'duration', 'signatories', 'noOpenThreads']) {
        await poll(() => page.locator(`[data-check="${key}"]`).getAttribute('data-ok')).toBe('true');
      }
    }
    await poll(() => partner.page.locator('[data-check="approvals"] .missing-list').innerText()).toContain('Réseau Emploi Québec has not approved');
    expect(await owner.page.locator('[data-testid="lock"]').isDisabled()).toBe(true);
    // Only the owner may lock.
    expect(await partner.page.locator('[data-testid="lock"]').count()).toBe(0);
    await shot(owner.page, 'draft-owner');

    // Each approves every section for their own party.
    await approveAll(partner.page);
    const purposeChips = owner.page.locator('[data-testid="approvals-purpose"] [data-state="approved"]');
    await poll(() => purposeChips.count()).toBe(1);
    await poll(() => owner.page.locator(`[data-testid="approvals-purpose"] [data-party="${partyIds[1]}"]`).innerText()).toContain(
      `Approved by ${PARTNER.name}`,
    );
    await approveAll(owner.page);

    for (const { page } of [owner, partner]) {
      await poll(() => page.locator('[data-testid="checklist"]').getAttribute('data-ready')).toBe('true');
      await poll(() => page.locator('[data-testid="approvals-duration"] [data-state="approved"]').count()).toBe(2);
    }
    await owner.page.locator('#section-purpose').scrollIntoViewIfNeeded();
    await shot(owner.page, 'approved-owner');

    // An edit clears that section's approvals, live, for everyone.
    const partnerEditor = editorOf(partner.page, f('purpose'));
    await partnerEditor.locator('p').last().click();
    await partner.page.keyboard.press('End');
    await partner.page.keyboard.type(' Reviewed yearly.', { delay: 10 });
    await waitSaved(partner.page);
    await poll(() => owner.page.locator('[data-testid="approvals-purpose"] [data-state="approved"]').count()).toBe(0);
    await poll(() => owner.page.locator('[data-testid="checklist"]').getAttribute('data-ready')).toBe('false');
    await poll(() => owner.page.locator('[data-check="approvals"] .missing-list').innerText()).toContain('Purpose');
    for (const { page } of [partner, owner]) {
      const button = page.locator('[data-testid="approve-purpose"]');
      await button.click();
      await button.waitFor({ state: 'detached' });
    }
    await poll(() => owner.page.locator('[data-testid="checklist"]').getAttribute('data-ready')).toBe('true');

    // The owner locks the final version.
    const lock = owner.page.locator('[data-testid="lock"]');
    await poll(() => lock.isEnabled()).toBe(true);
    await lock.click();
    await owner.page.locator('[data-testid="lock-dialog"]').waitFor();
    await shot(owner.page, 'lock-dialog');
    await owner.page.locator('[data-testid="confirm-lock"]').click();

    for (const { page } of [owner, partner]) {
      await page.locator('[data-testid="locked-banner"][data-status="locked"]').waitFor({ timeout: 10_000 });
      await poll(() => statusOf(page)).toBe('locked');
    }
    const hash = await owner.page.locator('[data-testid="banner-hash"]').getAttribute('data-hash');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const status = await rest<StatusView>(ownerToken, `/api/agreements/${agreement.id}/status`);
    expect(status.version?.hash).toBe(hash);
    expect(await partner.page.locator('[data-testid="banner-hash"]').getAttribute('data-hash')).toBe(hash);
    // Who must sign was recorded at lock: both pages list who still has to, with their party.
    for (const { page } of [owner, partner]) {
      await poll(() => page.locator('[data-testid="still-to-sign"]').innerText()).toBe(
        `Still to sign: ${OWNER.name} (Community Employment Network), ${PARTNER.name} (Réseau Emploi Québec)`,
      );
    }
    // Each page hashes the text it shows the way the server does: it is the locked version.
    for (const { page } of [owner, partner])
      await poll(() => page.locator('[data-testid="locked-banner"] [data-testid="version-match"]').getAttribute('data-match')).toBe('match');

    // Read-only for everyone: no approve buttons, editors not editable, typing changes nothing.
    for (const { page } of [owner, partner]) {
      await waitSaved(page);
      expect(await page.locator('[data-testid^="approve-"]').count()).toBe(0);
      await poll(() => editorOf(page, f('purpose')).getAttribute('contenteditable')).toBe('false');
    }
    const before = await editorText(partner.page, f('purpose'));
    await editorOf(partner.page, f('purpose')).click();
    await partner.page.keyboard.type('late change', { delay: 10 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await editorText(partner.page, f('purpose'))).toBe(before);
    expect(await editorText(owner.page, f('purpose'))).toBe(before);
    await owner.page.evaluate(() => window.scrollTo(0, 0));
    await shot(owner.page, 'locked-owner');
    await shot(partner.page, 'locked-partner');

    // Before signing, the partner downloads the locked version to read, marked as not signed.
    const [review] = await Promise.all([partner.page.waitForEvent('download'), partner.page.locator('[data-testid="download-review"]').click()]);
    expect(review.suggestedFilename()).toBe(`agreement-${agreement.id}-v1-for-review.pdf`);
    const reviewDir = mkdtempSync(join(tmpdir(), 'entente-review-'));
    await review.saveAs(join(reviewDir, 'review.pdf'));
    const reviewPdf = readFileSync(join(reviewDir, 'review.pdf'));
    const reviewText = await pdfText(reviewPdf);
    expect(reviewText).toContain('NOT SIGNED');
    expect(reviewText).toContain(hash ?? 'no hash');
    await pdfPagesToPng(browser, reviewPdf, join(SHOTS_DIR, 'signing-review'), { pages: 1 });
    rmSync(reviewDir, { recursive: true, force: true });

    // The partner signs: the dialog shows the exact version and its fingerprint.
    await partner.page.locator('[data-testid="open-sign"]').click();
    const dialog = partner.page.locator('[data-testid="sign-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="sign-hash"]').getAttribute('data-hash')).toBe(hash);
    expect(await dialog.locator('[data-testid="sign-title"]').innerText()).toBe('Employment partnership 2026');
    const dialogText = await dialog.innerText();
    expect(dialogText).toContain('Community Employment Network');
    expect(dialogText).toContain('Réseau Emploi Québec');
    expect(await dialog.locator('input[name="fullName"]').inputValue()).toBe(PARTNER.name);
    // The title comes from the agreement's own list of signatories.
    expect(await dialog.locator('input[name="title"]').inputValue()).toBe(PARTNER.title);
    const confirm = dialog.locator('[data-testid="confirm-sign"]');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('input[name="confirm"]').check();
    await shot(partner.page, 'sign-dialog');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => partner.page.locator(`[data-signer="${PARTNER.name}"]`).getAttribute('data-signed')).toBe('true');
    await poll(() => owner.page.locator(`[data-signer="${PARTNER.name}"]`).getAttribute('data-signed')).toBe('true');
    expect(await owner.page.locator(`[data-signer="${OWNER.name}"]`).getAttribute('data-signed')).toBe('false');
    for (const { page } of [owner, partner]) {
      await poll(() => page.locator('[data-testid="still-to-sign"]').innerText()).toBe(`Still to sign: ${OWNER.name} (Community Employment Network)`);
    }
    const panel = owner.page.locator('[data-testid="status-panel"]');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(tmpdir(), 'entente-status-still-to-sign.png') });
    // After a signature, the owner can no longer unlock: only cancel.
    expect(await owner.page.locator('[data-testid="unlock"]').count()).toBe(0);
    expect(await owner.page.locator('[data-testid="cancel-version"]').count()).toBe(1);
    await shot(owner.page, 'one-signed-owner');

    // The owner signs last, with their own title.
    await owner.page.locator('[data-testid="open-sign"]').click();
    const ownerDialog = owner.page.locator('[data-testid="sign-dialog"]');
    await ownerDialog.locator('input[name="title"]').fill(OWNER.title);
    await ownerDialog.locator('input[name="confirm"]').check();
    await ownerDialog.locator('[data-testid="confirm-sign"]').click();
    await ownerDialog.waitFor({ state: 'detached' });

    // Signed: in force from the last signature, downloads for everyone.
    for (const { page } of [owner, partner]) {
      await poll(() => statusOf(page)).toBe('signed');
      expect(await page.locator('[data-testid="still-to-sign"]').count()).toBe(0);
      await page.locator('[data-testid="locked-banner"][data-status="signed"]').waitFor();
      await poll(() => page.locator('[data-testid="in-force-from"]').innerText()).toMatch(/^In force from \w+ \d{1,2}, \d{4}$/);
    }
    await shot(owner.page, 'signed-owner');
    await shot(partner.page, 'signed-partner');

    const [download] = await Promise.all([partner.page.waitForEvent('download'), partner.page.locator('[data-testid="download-pdf"]').click()]);
    const dir = mkdtempSync(join(tmpdir(), 'entente-signed-'));
    const pdfPath = join(dir, download.suggestedFilename());
    await download.saveAs(pdfPath);
    expect(download.suggestedFilename()).toBe(`agreement-${agreement.id}-v1.pdf`);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const expected of [
      `${PARTNER.name}, ${PARTNER.title}`,
      `${OWNER.name}, ${OWNER.title}`,
      'Community Employment Network',
      'Réseau Emploi Québec',
      hash ?? '',
      agreement.id,
    ]) {
      expect(text).toContain(expected);
    }
    // The signatures section is never split across pages (pdfText separates pages with a form feed).
    const pageWithSignatories = text.split('\f').filter((page) => /^\s*Signatories$/m.test(page));
    expect(pageWithSignatories).toHaveLength(1);
    for (const name of [OWNER.name, PARTNER.name, 'In force since']) expect(pageWithSignatories[0]).toContain(name);
    copyFileSync(pdfPath, join(SHOTS_DIR, 'signing-signed.pdf'));
    // Every page renders in a browser's PDF reader too (PNGs to look at).
    expect(await pdfPagesToPng(browser, pdf, join(SHOTS_DIR, 'signing-pdf'))).toHaveLength(text.split('\f').length);

    // The Word copy downloads too (with the session cookie of the page).
    const docx = await owner.page.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), magic: String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0) };
    }, `/api/agreements/${agreement.id}/export.docx`);
    expect(docx).toEqual({ status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: 'PK' });

    // The audit log: every step, and an intact chain.
    await owner.page.locator('[data-testid="open-audit"]').click();
    const audit = owner.page.locator('[data-testid="audit-dialog"]');
    await poll(() => audit.locator('[data-testid="audit-chain"]').getAttribute('data-ok')).toBe('true');
    for (const action of ['created', 'invited', 'section_approved', 'locked', 'signed', 'completed', 'exported']) {
      expect(await audit.locator(`tr[data-action="${action}"]`).count()).toBeGreaterThan(0);
    }
    expect(await audit.locator('tr[data-action="signed"]').first().innerText()).toContain(`${PARTNER.name}, ${PARTNER.title}`);
    await shot(owner.page, 'audit');
    await owner.page.keyboard.press('Escape');
    await audit.waitFor({ state: 'detached' });

    // The public verify page, from the top bar, in a browser with no session at all.
    const stranger = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-CA' });
    const verify = await stranger.newPage();
    await verify.goto(`${server.url}/`);
    await verify.locator('[data-testid="verify-link"]').click();
    await verify.locator('[data-testid="verify-page"]').waitFor();
    await verify.locator('[data-testid="verify-file"]').setInputFiles(pdfPath);
    const result = verify.locator('[data-testid="verify-result"]');
    await poll(() => result.getAttribute('data-match')).toBe('true');
    expect(await result.getAttribute('data-matched')).toBe('pdf');
    expect(await result.locator('[data-testid="verify-title"]').innerText()).toBe('Employment partnership 2026');
    const signatures = await result.locator('[data-testid="verify-signatures"]').innerText();
    expect(signatures).toContain(PARTNER.name);
    expect(signatures).toContain(OWNER.name);
    await shot(verify, 'verify-match', true);

    // A copy altered by one byte does not match.
    const tampered = Buffer.from(pdf);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 100) ^ 1, tampered.length - 100);
    await verify.locator('[data-testid="verify-file"]').setInputFiles({ name: 'altered.pdf', mimeType: 'application/pdf', buffer: tampered });
    await poll(() => result.getAttribute('data-match')).toBe('false');
    await shot(verify, 'verify-nomatch', true);
    // The version fingerprint, pasted, matches as the signed version of the text.
    await verify.locator('[data-testid="verify-hash"]').fill(hash ?? '');
    await verify.locator('[data-testid="verify-hash"]').press('Enter');
    await poll(() => result.getAttribute('data-matched')).toBe('version');
    await stranger.close();
    rmSync(dir, { recursive: true, force: true });

    expect(owner.errors).toEqual([]);
    expect(partner.errors).toEqual([]);
  });

  it('the checklist asks to invite someone from a party that has nobody yet, then for a signatory once someone is there', async () => {
    const res = await fetch(`${server.url}/api/agreements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Nobody from the partner yet',
        language: 'en',
        templateId: 'mou',
        owner: { name: OWNER.name, email: OWNER.email, partyIndex: 0 },
        parties: [{ legalName: 'Community Employment Network' }, { legalName: 'Réseau Emploi Québec' }],
      }),
    });
    expect(res.status).toBe(201);
    const agreement = (await res.json()) as CreatedAgreement;
    const ownerToken = tokenOf(agreement.ownerLink);
    const owner = await openByLink(ownerToken, OWNER.name);
    const signatories = owner.page.locator('[data-check="signatories"] .missing-list');
    // The list shows three items and folds the rest: unfold it.
    await owner.page.locator('[data-check="signatories"] .more-link').click();
    await poll(() => signatories.innerText()).toContain('Invite someone from Réseau Emploi Québec');
    expect(await signatories.innerText()).toContain('A participant of Community Employment Network designated to sign');
    await owner.page.locator('[data-check="signatories"]').scrollIntoViewIfNeeded();
    await owner.page.locator('[data-testid="status-panel"]').screenshot({ path: join(tmpdir(), 'entente-status-invite.png') });

    // Once someone of that party is invited, the line asks for a signatory instead, live.
    await rest(ownerToken, `/api/agreements/${agreement.id}/participants`, 'POST', {
      name: 'Vera Viewer',
      email: 'vera@example.org',
      partyId: agreement.content.parties[1]?.id,
      role: 'viewer',
    });
    await poll(() => signatories.innerText()).toContain('A participant of Réseau Emploi Québec designated to sign');
    expect(await signatories.innerText()).not.toContain('Invite someone');
    expect(owner.errors).toEqual([]);
  });

  it('the owner unlocks with a reason (approvals cleared, editing resumes); after a signature only cancelling opens a new draft', async () => {
    const { ownerToken, partnerToken, agreement } = await setUp('Unlock check');
    const base = `/api/agreements/${agreement.id}`;
    for (const token of [ownerToken, partnerToken]) {
      for (const s of activeSections(mouTemplate, {})) await rest(token, `${base}/approvals`, 'POST', { section: s.key });
    }
    const owner = await openByLink(ownerToken, OWNER.name);
    await poll(() => owner.page.locator('[data-testid="checklist"]').getAttribute('data-ready')).toBe('true');
    await owner.page.locator('[data-testid="lock"]').click();
    await owner.page.locator('[data-testid="confirm-lock"]').click();
    await owner.page.locator('[data-testid="locked-banner"]').waitFor();
    await poll(() => editorOf(owner.page, f('purpose')).getAttribute('contenteditable')).toBe('false');

    await owner.page.locator('[data-testid="unlock"]').click();
    const dialog = owner.page.locator('[data-testid="unlock-dialog"]');
    const confirm = dialog.locator('[data-testid="confirm-reason"]');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('textarea[name="reason"]').fill('Correct the notice period');
    await shot(owner.page, 'unlock-dialog');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });

    await poll(() => statusOf(owner.page)).toBe('draft');
    await owner.page.locator('[data-testid="locked-banner"]').waitFor({ state: 'detached' });
    await poll(() => owner.page.locator('[data-check="approvals"]').getAttribute('data-ok')).toBe('false');
    await poll(() => owner.page.locator('[data-state="approved"]').count()).toBe(0);
    await poll(() => editorOf(owner.page, f('purpose')).getAttribute('contenteditable')).toBe('true');
    // In French, for the other half of the users.
    await owner.page.locator('[data-testid="lang-toggle"]').click();
    await poll(() => owner.page.locator('[data-testid="agreement-status"]').innerText()).toMatch(/ébauche/i);
    expect(await owner.page.locator('[data-check="approvals"]').innerText()).toContain('Chaque partie a approuvé chaque section');
    expect(await owner.page.locator('[data-testid="approve-purpose"]').innerText()).toBe('Approuver pour Community Employment Network');
    await owner.page.locator('.version-history summary').click();
    await shot(owner.page, 'unlocked-fr');
    await owner.page.locator('[data-testid="lang-toggle"]').click();
    expect(await owner.page.locator('.version-history').innerText()).toContain('Version 1: unlocked');
    expect(await owner.page.locator('.version-history').innerText()).toContain('Correct the notice period');
    const audit = await rest<{ entries: { action: string; details: Record<string, unknown> }[] }>(ownerToken, `${base}/audit`);
    expect(audit.entries.find((e) => e.action === 'unlocked')?.details['reason']).toBe('Correct the notice period');

    // Version 2 is locked and the partner signs: from then on the owner can only cancel, which opens a new draft.
    for (const token of [ownerToken, partnerToken]) {
      for (const s of activeSections(mouTemplate, {})) await rest(token, `${base}/approvals`, 'POST', { section: s.key });
    }
    const v2 = await rest<StatusView>(ownerToken, `${base}/lock`, 'POST');
    await rest(partnerToken, `${base}/sign`, 'POST', { fullName: PARTNER.name, title: PARTNER.title, versionHash: v2.version?.hash });
    await poll(() => owner.page.locator(`[data-signer="${PARTNER.name}"]`).getAttribute('data-signed')).toBe('true');
    expect(await owner.page.locator('[data-testid="unlock"]').count()).toBe(0);
    await owner.page.locator('[data-testid="cancel-version"]').click();
    const cancel = owner.page.locator('[data-testid="cancel-dialog"]');
    await cancel.locator('textarea[name="reason"]').fill('The partner’s budget changed');
    await shot(owner.page, 'cancel-dialog');
    await cancel.locator('[data-testid="confirm-reason"]').click();
    await cancel.waitFor({ state: 'detached' });
    await poll(() => statusOf(owner.page)).toBe('draft');
    await poll(() => editorOf(owner.page, f('purpose')).getAttribute('contenteditable')).toBe('true');
    const history = (await rest<StatusView>(ownerToken, `${base}/status`)).history;
    expect(history.map((v) => [v.number, v.status, v.closeReason])).toEqual([
      [1, 'unlocked', 'Correct the notice period'],
      [2, 'cancelled', 'The partner’s budget changed'],
    ]);
    expect(owner.errors).toEqual([]);
  });

  it('text typed as the lock happened is refused; the page says its copy differs and reloads the locked version', async () => {
    const { ownerToken, partnerToken, agreement } = await setUp('Race check');
    const base = `/api/agreements/${agreement.id}`;
    for (const token of [ownerToken, partnerToken]) {
      for (const s of activeSections(mouTemplate, {})) await rest(token, `${base}/approvals`, 'POST', { section: s.key });
    }
    // The partner's messages to the server are held back, as on a slow or failing network.
    let hold = false;
    const partner = await openByLink(partnerToken, PARTNER.name, (context) =>
      context.routeWebSocket(/\/sync\//, (ws) => {
        const upstream = ws.connectToServer();
        ws.onMessage((message) => {
          if (!hold) upstream.send(message);
        });
      }),
    );
    const page = partner.page;
    const before = await editorText(page, f('purpose'));
    hold = true;
    await editorOf(page, f('purpose')).locator('p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed while locking.', { delay: 10 });
    // Meanwhile the owner locks: the server never saw the partner's words.
    const locked = await rest<StatusView>(ownerToken, `${base}/lock`, 'POST');
    hold = false;
    await page.locator('[data-testid="locked-banner"]').waitFor({ timeout: 10_000 });
    // Reconnected, the page sends its words; the locked server refuses them. The page notices.
    await poll(() => page.locator('[data-testid="locked-banner"] [data-testid="version-match"]').getAttribute('data-match'), 15_000).toBe('differs');
    expect(await editorText(page, f('purpose'))).toContain('Typed while locking.');
    await page.locator('[data-testid="open-sign"]').click();
    const dialog = page.locator('[data-testid="sign-dialog"]');
    await dialog.locator('input[name="confirm"]').check();
    expect(await dialog.locator('[data-testid="confirm-sign"]').isDisabled()).toBe(true);
    await shot(page, 'differs-sign-dialog');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="status-panel"] [data-testid="version-match"]').getAttribute('data-match')).toBe('differs');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'differs-banner');

    await page.locator('[data-testid="status-panel"] [data-testid="version-match"] button').click();
    await page.waitForLoadState('load');
    await editorOf(page, f('purpose')).waitFor({ timeout: 15_000 });
    await poll(() => page.locator('[data-testid="locked-banner"] [data-testid="version-match"]').getAttribute('data-match'), 15_000).toBe('match');
    expect(await editorText(page, f('purpose'))).toBe(before);
    expect((await rest<StatusView>(ownerToken, `${base}/status`)).version?.hash).toBe(locked.version?.hash);
    // The test's route forwards the page's messages through a socket of its own inside the page; when the
    // server closes it at the lock, messages already on their way are sent on a closed socket and Chromium
    // logs this warning. It comes from the route, not the app (y-websocket checks readyState before sending).
    const routeNoise = 'WebSocket is already in CLOSING or CLOSED state.';
    expect(partner.errors.filter((e) => e !== routeNoise)).toEqual([]);
  });
});
