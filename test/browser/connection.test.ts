import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../server/start';
import type { AgreementDetail } from '../../shared/api';
import { fragmentName as f } from '../../shared/schema';
import {
  CLIENT_DIR,
  createAgreementVia,
  editorOf,
  editorText,
  openLink,
  startBrowserSuite,
  stopBrowserSuite,
  typeAtEnd,
  waitSaved,
  type OpenPage,
  type Running,
  type TestAgreement,
} from './browserHarness';

/** The connection indicator tells "you are offline" from "the server cannot be reached". */

let server: Running;
let dataDir: string;
let browser: Browser;
const opened: OpenPage[] = [];
const poll = <T>(fn: () => Promise<T> | T, timeout = 15_000) => expect.poll(fn, { timeout, interval: 100 });

beforeAll(async () => {
  ({ server, dataDir, browser } = await startBrowserSuite('entente-connection-'));
}, 120_000);
afterAll(() =>
  stopBrowserSuite(
    { server, dataDir, browser },
    opened.map((p) => p.context),
  ),
);

function createAgreement(title: string): Promise<TestAgreement> {
  return createAgreementVia(server.url, {
    title,
    language: 'en',
    templateId: 'mou',
    owner: { name: 'Alice', email: 'alice@example.org', partyIndex: 0 },
    parties: [{ legalName: 'Community Employment Network' }, { legalName: 'Réseau Emploi Québec' }],
  });
}

async function openOwner(agreement: TestAgreement): Promise<OpenPage> {
  const p = await openLink(browser, server.url, agreement.ownerLink, 'Alice');
  opened.push(p);
  await editorOf(p.page, f('purpose')).waitFor({ timeout: 15_000 });
  await waitSaved(p.page);
  return p;
}

async function storedPurpose(agreement: TestAgreement): Promise<string> {
  const res = await fetch(`${server.url}/api/agreements/${agreement.id}`, { headers: { authorization: `Bearer ${agreement.token}` } });
  return ((await res.json()) as AgreementDetail).content.sections['purpose'] ?? '';
}

/** A PNG under the OS temp dir, to look at. */
async function shot(page: Page, name: string): Promise<void> {
  await page.getByTestId('connection-status').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(tmpdir(), `entente-connection-${name}.png`) });
}

describe('connection indicator', { timeout: 90_000 }, () => {
  it('says "you are offline" when the browser is offline, keeps the edits and sends them once back', async () => {
    const agreement = await createAgreement('Offline check');
    const { page, context } = await openOwner(agreement);
    const status = page.getByTestId('connection-status');

    await context.setOffline(true);
    await poll(() => status.getAttribute('data-detail')).toBe('offline');
    expect(await status.getAttribute('data-state')).toBe('offline');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await typeAtEnd(page, f('purpose'), 'Typed with no network.');
    expect(await status.getAttribute('data-detail')).toBe('offline');
    expect(await status.locator('.status-label').innerText()).toBe('You are offline');
    expect(await status.locator('.status-note').innerText()).toBe('Your edits are kept on this device and will be sent when the connection is back.');
    await shot(page, 'offline');

    await context.setOffline(false);
    await waitSaved(page);
    expect(await status.locator('.status-note').count()).toBe(0);
    await poll(() => storedPurpose(agreement)).toBe('Typed with no network.');
  });

  it('says "the server cannot be reached" when the network is up but the server is down, in English and French', async () => {
    const agreement = await createAgreement('Server down check');
    const { page, errors } = await openOwner(agreement);
    const status = page.getByTestId('connection-status');

    const port = server.port;
    await server.close();
    await poll(() => status.getAttribute('data-detail'), 20_000).toBe('unreachable');
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    await typeAtEnd(page, f('purpose'), 'Typed while the server was down.');
    expect(await status.getAttribute('data-detail')).toBe('unreachable');
    expect(await status.locator('.status-label').innerText()).toBe('The server cannot be reached');
    expect(await status.locator('.status-note').innerText()).toBe('Your edits are kept on this device and will be sent when the connection is back.');
    await shot(page, 'unreachable');

    await page.getByTestId('lang-toggle').click();
    await poll(() => status.locator('.status-label').innerText()).toBe('Le serveur est injoignable');
    expect(await status.locator('.status-note').innerText()).toBe(
      'Vos modifications sont conservées sur cet appareil et seront envoyées au retour de la connexion.',
    );
    await shot(page, 'unreachable-fr');

    server = await startServer({ port, dataDir, clientDir: CLIENT_DIR, log: () => undefined });
    await waitSaved(page, 20_000);
    expect(await editorText(page, f('purpose'))).toBe('Typed while the server was down.');
    await poll(() => storedPurpose(agreement)).toBe('Typed while the server was down.');
    // The socket and the event stream were cut by the stop: those errors are expected.
    expect(errors.filter((e) => !e.includes('WebSocket') && !e.startsWith('Failed to load resource: net::'))).toEqual([]);
  });
});
