import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CreateAgreementInput, CreatedAgreement, ParticipantView } from '../../shared/api';
import { startServer } from '../../server/start';
import { clientBuildIsStale } from '../../scripts/clientSources.mjs';
import { launchChromium } from './launchChromium';

/** Helpers for the browser tests: build the client, launch Chromium (see launchChromium.ts), open pages. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the client is built; ENTENTE_CLIENT_DIR lets parallel runs build without stepping on each other. */
export const CLIENT_DIR = process.env.ENTENTE_CLIENT_DIR ?? join(ROOT, 'dist/client');
export const SHOTS_DIR = join(tmpdir(), 'entente-shots');

/** Runs `vite build` when dist/client is missing or older than its sources (about a second). */
export function ensureClientBuilt(): void {
  if (!clientBuildIsStale(ROOT, join(CLIENT_DIR, 'index.html'))) return;
  // As `npm start` builds it: vitest's NODE_ENV=test would give React's development files, tested here and then
  // served by `npm start`, which finds this build newer than the sources.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', CLIENT_DIR], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Browser console errors and page errors seen so far. */
  errors: string[];
}

/**
 * A fresh browser profile (own cookies, localStorage and IndexedDB) on a URL.
 * Who you are comes from the session: open a personal link (`${server.url}${link}`,
 * see openLink) to sign in; `name` only labels the page in failures.
 */
export async function openAs(browser: Browser, url: string, _name: string): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-CA' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(url);
  return { context, page, errors };
}

/** The token of a personal link ('/join/<token>'): the last path segment. */
export const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/') + 1);

export interface TestAgreement extends CreatedAgreement {
  /** The owner's personal-link token (for `authorization: Bearer` REST calls). */
  token: string;
}

/** Creates an agreement over REST (as its owner) and returns it with the owner's token. */
export async function createAgreementVia(baseUrl: string, input: CreateAgreementInput): Promise<TestAgreement> {
  const res = await fetch(`${baseUrl}/api/agreements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as CreatedAgreement;
  return { ...created, token: tokenOf(created.ownerLink) };
}

/** An MOU between two parties, owned by Alice of the first: what the page-load tests open. */
export function createMouVia(baseUrl: string, title: string, language: 'en' | 'fr' = 'en'): Promise<TestAgreement> {
  return createAgreementVia(baseUrl, {
    title,
    language,
    templateId: 'mou',
    owner: { name: 'Alice', email: 'alice@example.org', partyIndex: 0 },
    parties: [{ legalName: 'Community Employment Network' }, { legalName: 'Réseau Emploi Québec' }],
  });
}

export interface Invitee {
  name: string;
  email?: string;
  role: 'editor' | 'commenter' | 'viewer';
  /** Index of their party in the agreement (default: the second party). */
  partyIndex?: number;
  signatory?: boolean;
}

/** Invites someone over REST with the owner's token; returns the participant with their link and token. */
export async function inviteVia(baseUrl: string, agreement: TestAgreement, who: Invitee): Promise<ParticipantView & { link: string; token: string }> {
  const partyId = agreement.content.parties[who.partyIndex ?? 1]?.id ?? agreement.content.parties[0]?.id;
  const res = await fetch(`${baseUrl}/api/agreements/${agreement.id}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${agreement.token}` },
    body: JSON.stringify({
      name: who.name,
      email: who.email ?? `${who.name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.org`,
      partyId,
      role: who.role,
      signatory: who.signatory ?? false,
    }),
  });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${await res.text()}`);
  const view = (await res.json()) as ParticipantView;
  const link = view.link ?? '';
  return { ...view, link, token: tokenOf(link) };
}

/** Opens a personal link in a fresh profile: /join sets the session cookie and lands on the agreement. */
export function openLink(browser: Browser, baseUrl: string, link: string, label = link): Promise<OpenPage> {
  return openAs(browser, `${baseUrl}${link}`, label);
}

/** The editable element of the rich-text editor bound to a fragment. */
export const editorOf = (page: Page, fragment: string) => page.locator(`[data-fragment="${fragment}"] .ProseMirror`);

/** An editor's text, one line per block, without the remote carets' name labels. */
export function editorText(page: Page, fragment: string): Promise<string> {
  return editorOf(page, fragment).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return Array.from(copy.children, (block) => block.textContent ?? '').join('\n');
  });
}

/** Waits until the connection indicator says everything is saved. */
export async function waitSaved(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-testid="connection-status"][data-state="saved"]').waitFor({ timeout });
}

/** Clicks at the end of an editor's text and types, slowly enough to look human. */
/** Puts the caret at the end of a section's text. */
export async function caretAtEnd(page: Page, fragment: string): Promise<void> {
  const lastBlock = editorOf(page, fragment).locator(':scope > *').last();
  const box = await lastBlock.boundingBox();
  if (!box) throw new Error(`no editor for ${fragment}`);
  await lastBlock.click({ position: { x: box.width - 2, y: box.height / 2 } });
  await page.keyboard.press('End');
}

export async function typeAtEnd(page: Page, fragment: string, text: string): Promise<void> {
  await caretAtEnd(page, fragment);
  await page.keyboard.type(text, { delay: 15 });
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage });
}

export type Running = Awaited<ReturnType<typeof startServer>>;

/** What every browser test file starts: the built client, a real server on a fresh data dir, Chromium. */
export interface BrowserSuite {
  server: Running;
  dataDir: string;
  browser: Browser;
}

export async function startBrowserSuite(dataDirPrefix: string): Promise<BrowserSuite> {
  ensureClientBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
  const server = await startServer({
    port: 0,
    dataDir,
    clientDir: CLIENT_DIR,
    log: (m) => {
      if (process.env.ENTENTE_DEBUG_LOG) console.error(m);
    },
  });
  return { server, dataDir, browser: await launchChromium() };
}

/** Closes what `startBrowserSuite` (and the tests) opened, tolerating a half-started suite. */
export async function stopBrowserSuite(suite: Partial<BrowserSuite>, closeFirst: { close(): Promise<unknown> }[] = []): Promise<void> {
  for (const c of closeFirst) await c.close().catch(() => undefined);
  await suite.browser?.close();
  await suite.server?.close();
  if (suite.dataDir) rmSync(suite.dataDir, { recursive: true, force: true });
}
