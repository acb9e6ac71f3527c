import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { VerifyResult } from '../../shared/api';
import { api, openTestDb, startTestServer, tempDir, type TestServer } from './harness';
import { pdfText } from './pdfText';
import { readyAgreement, type ReadyAgreement } from './signingFixture';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const HEX64 = /[0-9a-f]{64}/;

const verifyHash = async (url: string, hash: string): Promise<VerifyResult> =>
  (await (
    await fetch(`${url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hash }) })
  ).json()) as VerifyResult;
const verifyFile = async (url: string, pdf: Buffer): Promise<VerifyResult> =>
  (await (
    await fetch(`${url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) })
  ).json()) as VerifyResult;

/** Signs a ready agreement by both signatories; returns the signed PDF as downloaded and its certificate page's text. */
async function signedCopy(server: TestServer): Promise<{ r: ReadyAgreement; versionHash: string; pdf: Buffer; certificate: string }> {
  const r = await readyAgreement(server.url);
  const versionHash = (await r.lock()).version!.hash;
  expect((await r.sign(r.partner.token, 'Paul Partenaire', versionHash)).status).toBe(200);
  expect((await r.sign(r.a.token, 'Odile Owner', versionHash)).body.status).toBe('signed');
  const res = await api(server.url, r.partner.token, `/api/agreements/${r.a.id}/export.pdf`);
  expect(res.status).toBe(200);
  const pdf = Buffer.from(await res.arrayBuffer());
  const text = await pdfText(pdf);
  const certificate = text.slice(text.indexOf('Certificat de signature'));
  expect(certificate.length).toBeLessThan(text.length);
  return { r, versionHash, pdf, certificate };
}

/** The fingerprint printed after a label on the certificate (the text may put it on the next line). */
function printedAfter(certificate: string, label: string): string {
  const at = certificate.indexOf(label);
  expect(at, `"${label}" is printed on the certificate`).toBeGreaterThanOrEqual(0);
  const hash = HEX64.exec(certificate.slice(at + label.length).replace(/\s+/g, ''))?.[0];
  expect(hash, `a fingerprint follows "${label}"`).toBeDefined();
  return hash ?? '';
}

describe('verifying a signed copy', () => {
  it('each fingerprint the certificate prints verifies, and the answer says which one matched', async () => {
    const server = await startTestServer();
    cleanup.push(() => server.dispose());
    const { versionHash, pdf, certificate } = await signedCopy(server);

    const printedVersion = printedAfter(certificate, 'Empreinte de la version (SHA-256)');
    const printedPages = printedAfter(certificate, 'Empreinte des pages de l’entente (PDF, SHA-256)');
    expect(printedVersion).toBe(versionHash);
    // The pages fingerprint is that of the PDF before the certificate was added: not the file's own.
    expect(printedPages).not.toBe(versionHash);
    expect(printedPages).not.toBe((await verifyFile(server.url, pdf)).hash);

    const byVersion = await verifyHash(server.url, printedVersion);
    expect(byVersion).toMatchObject({ match: true, matched: 'version', hash: printedVersion, agreement: { title: 'Protocole complet', versionHash } });
    const byPages = await verifyHash(server.url, printedPages);
    expect(byPages).toMatchObject({ match: true, matched: 'pages', hash: printedPages, agreement: { title: 'Protocole complet', versionHash } });
    // As pasted from a PDF viewer: upper case, in groups.
    expect(await verifyHash(server.url, printedPages.toUpperCase())).toMatchObject({ match: true, matched: 'pages' });
    expect(
      (
        await verifyHash(
          server.url,
          printedPages.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        )
      ).match,
    ).toBe(false);

    // Every other fingerprint on the page is the version's, on each signature, except the audit chain head.
    const head = printedAfter(certificate, 'Tête de la chaîne d’audit');
    const others = [...certificate.matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]).filter((h) => h !== head);
    expect(others.length).toBeGreaterThanOrEqual(4);
    for (const h of others) expect([versionHash, printedPages]).toContain(h);

    // The file itself still verifies, by its own hash.
    expect(await verifyFile(server.url, pdf)).toMatchObject({ match: true, matched: 'pdf', agreement: { versionHash } });
  });

  it('a version signed before the pages fingerprint was stored gets it back at start, only when it provably is the printed one', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startTestServer({ dataDir });
    const kept = await signedCopy(first);
    const tampered = await signedCopy(first);
    await first.close();

    // As a database from before: no pages fingerprint. For the second, a stored file that no renderer reproduces.
    const db = await openTestDb(dataDir);
    db.prepare("UPDATE versions SET pages_hash = NULL WHERE status = 'signed'").run();
    const other = Buffer.from(tampered.pdf);
    other.write('%altered', other.length - 20);
    const otherHash = createHash('sha256').update(other).digest('hex');
    db.prepare('UPDATE versions SET pdf = ?, pdf_hash = ? WHERE agreement_id = ?').run(other, otherHash, tampered.r.a.id);
    db.close();

    const logs: string[] = [];
    const second = await startTestServer({ dataDir, log: (m) => logs.push(m) });
    cleanup.push(() => second.close());
    const pagesOf = (c: { certificate: string }): string => printedAfter(c.certificate, 'Empreinte des pages de l’entente (PDF, SHA-256)');
    expect(await verifyHash(second.url, pagesOf(kept))).toMatchObject({ match: true, matched: 'pages', agreement: { versionHash: kept.versionHash } });
    expect((await verifyHash(second.url, pagesOf(tampered))).match).toBe(false);
    expect(logs.some((m) => m.includes(tampered.r.a.id) && m.includes('could not be recomputed exactly'))).toBe(true);
    // Both still verify by the version fingerprint, and the kept file by its own hash.
    expect(await verifyHash(second.url, tampered.versionHash)).toMatchObject({ match: true, matched: 'version' });
    expect(await verifyFile(second.url, kept.pdf)).toMatchObject({ match: true, matched: 'pdf' });
  });
});
