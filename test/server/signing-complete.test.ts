import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { AuditView, StatusView, VerifyResult } from '../../shared/api';
import { signedPdf } from '../../server/export/pdf';
import type { PdfBuilder } from '../../server/signing/complete';
import { agreementCall, api, openTestDb, startTestServer, tempDir, waitFor, type TestServer } from './harness';
import { pdfText } from './pdfText';
import { readyAgreement, type ReadyAgreement } from './signingFixture';
import { spawnServer, type SpawnedServer } from './spawnServer';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

const verify = async (url: string, pdf: Buffer): Promise<VerifyResult> =>
  (await (
    await fetch(`${url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) })
  ).json()) as VerifyResult;

/** The signed copy as downloaded, with the certificate's text. */
async function signedCopy(url: string, r: Pick<ReadyAgreement, 'a' | 'partner'>): Promise<{ pdf: Buffer; text: string }> {
  const res = await api(url, r.partner.token, `/api/agreements/${r.a.id}/export.pdf`);
  expect(res.status).toBe(200);
  const pdf = Buffer.from(await res.arrayBuffer());
  return { pdf, text: await pdfText(pdf) };
}

/**
 * What a completed agreement must show: one 'completed' entry naming the
 * PDF's hash, a certificate whose audit head is an entry of the chain (the
 * last signature's), and a PDF that verifies.
 */
async function expectCompleted(url: string, r: Pick<ReadyAgreement, 'a' | 'partner'>): Promise<void> {
  const status = (await agreementCall<StatusView>(url, r.a.token, r.a.id, '/status')).body;
  expect(status.status).toBe('signed');
  const { pdf, text } = await signedCopy(url, r);
  expect(await verify(url, pdf)).toMatchObject({ match: true, matched: 'pdf' });
  const audit = (await agreementCall<AuditView>(url, r.a.token, r.a.id, '/audit')).body;
  expect(audit.chain.ok).toBe(true);
  const completed = audit.entries.filter((e) => e.action === 'completed');
  expect(completed).toHaveLength(1);
  expect(completed[0]?.details.pdfHash).toBe(sha256(pdf));
  expect(status.version?.pdfHash).toBe(sha256(pdf));
  expect(status.inForceFrom).toBe(status.signatures.at(-1)?.signedAt);
  const lastSigned = audit.entries.filter((e) => e.action === 'signed').at(-1);
  // The head it claims is the last signature's entry, not the 'completed' entry written after the PDF.
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain(lastSigned?.hash);
  expect(flat).not.toContain(completed[0]?.hash);
}

describe('completing', () => {
  let server: TestServer;
  /** While set, the PDF builder waits for it: the test decides when the PDF is "done". */
  let hold: { reached: () => void; gate: Promise<void> } | null = null;
  const built: Buffer[] = [];
  const buildPdf: PdfBuilder = async (model, generatedAt) => {
    const h = hold;
    if (h) {
      h.reached();
      await h.gate;
    }
    const result = await signedPdf(model, generatedAt);
    built.push(result.pdf);
    return result;
  };
  beforeAll(async () => {
    server = await startTestServer({ buildPdf });
  });
  afterAll(() => server.dispose());

  it('a cancel that lands while the PDF is being built wins: nothing of the completion is written', async () => {
    const r = await readyAgreement(server.url);
    const { version } = await r.lock();
    expect((await r.sign(r.partner.token, 'Paul Partenaire', version!.hash)).body.status).toBe('locked');

    let release = (): void => undefined;
    const reached = new Promise<void>((resolve) => {
      hold = { reached: resolve, gate: new Promise<void>((go) => (release = go)) };
    });
    const lastSignature = r.sign(r.a.token, 'Odile', version!.hash);
    await reached;
    // The last signature is stored; the PDF is "being built".
    const meanwhile = await r.status();
    expect(meanwhile.status).toBe('locked');
    expect(meanwhile.signers.every((s) => s.signed)).toBe(true);
    const cancel = await r.call<StatusView>(r.a.token, '/cancel', 'POST', { reason: 'Une clause manque' });
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('draft');
    hold = null;
    release();
    const signed = await lastSignature;
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('draft');

    const after = await r.status();
    expect(after).toMatchObject({ status: 'draft', version: null, inForceFrom: null });
    expect(after.history.at(-1)).toMatchObject({ status: 'cancelled', signedAt: null, pdfHash: null });
    const audit = (await r.call<AuditView>(r.a.token, '/audit')).body;
    expect(audit.chain.ok).toBe(true);
    expect(audit.entries.map((e) => e.action).filter((a) => ['signed', 'cancelled', 'completed'].includes(a))).toEqual(['signed', 'signed', 'cancelled']);
    expect((await r.call(r.a.token, '/export.pdf')).status).toBe(409);
    const db = await openTestDb(server.dataDir);
    expect(db.prepare('SELECT status, pdf, pdf_hash FROM versions WHERE agreement_id = ?').all(r.a.id)).toEqual([
      { status: 'cancelled', pdf: null, pdf_hash: null },
    ]);
    expect(db.prepare('SELECT status FROM agreements WHERE id = ?').get(r.a.id)).toEqual({ status: 'draft' });
    db.close();
    // The PDF that was built was never kept: it verifies as nothing.
    const pdf = built.at(-1);
    expect(pdf).toBeDefined();
    expect((await verify(server.url, pdf!)).match).toBe(false);
  });

  it('once completed, the certificate names an audit entry that exists, and a cancel is refused', async () => {
    const r = await readyAgreement(server.url);
    const { version } = await r.lock();
    await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
    expect((await r.sign(r.a.token, 'Odile', version!.hash)).body.status).toBe('signed');
    await expectCompleted(server.url, r);
    const cancel = await r.call<{ error: string }>(r.a.token, '/cancel', 'POST', { reason: 'trop tard' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error).toBe('signed');
  });
});

describe('a completion that cannot be finished', () => {
  it('a PDF that cannot be built leaves the version locked with its signatures; at the next start it is cancelled, not left stuck', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const failing: PdfBuilder = () => Promise.reject(new Error('no PDF today'));
    const logs: string[] = [];
    const first = await startTestServer({ dataDir, buildPdf: failing, log: (m) => logs.push(m) });
    const r = await readyAgreement(first.url);
    const { version } = await r.lock();
    await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
    expect((await r.sign(r.a.token, 'Odile', version!.hash)).status).toBe(500);
    const stuck = await r.status();
    expect(stuck.status).toBe('locked');
    expect(stuck.version?.pdfHash).toBeNull();
    expect((await r.call<AuditView>(r.a.token, '/audit')).body.entries.some((e) => e.action === 'completed')).toBe(false);
    await first.close();

    const second = await startTestServer({ dataDir, buildPdf: failing, log: (m) => logs.push(m) });
    cleanup.push(() => second.close());
    expect(logs.some((l) => l.includes(r.a.id) && l.includes('cancelled'))).toBe(true);
    const after = (await agreementCall<StatusView>(second.url, r.a.token, r.a.id, '/status')).body;
    expect(after).toMatchObject({ status: 'draft', version: null });
    expect(after.history.at(-1)?.status).toBe('cancelled');
    const audit = (await agreementCall<AuditView>(second.url, r.a.token, r.a.id, '/audit')).body;
    expect(audit.chain.ok).toBe(true);
    expect(audit.entries.at(-1)).toMatchObject({ action: 'cancelled', actorId: null });
  });
});

/** The real server as its own process, killed after the test; its log lines read from stderr. */
async function startServer(dataDir: string, failpoint = ''): Promise<SpawnedServer & { log: () => string[] }> {
  const server = await spawnServer(dataDir, { env: { ENTENTE_FAILPOINT: failpoint }, captureStderr: true });
  cleanup.push(() => server.proc.kill('SIGKILL'));
  return { ...server, log: () => server.stderr().split('\n') };
}

describe('a crash between the last signature and the completion', () => {
  it('a server killed (SIGKILL) there completes the agreement at its next start, with a PDF that verifies', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startServer(dataDir, 'before-complete');
    const r1 = await readyAgreement(first.url);
    const { version } = await r1.lock();
    await r1.sign(r1.partner.token, 'Paul Partenaire', version!.hash);
    // This answer never comes: the process holds at the failpoint, then dies.
    r1.sign(r1.a.token, 'Odile', version!.hash).catch(() => undefined);
    await waitFor(() => first.log().some((l) => l.includes('failpoint before-complete reached')), 'the failpoint');
    const stuck = await r1.status();
    expect(stuck.status).toBe('locked');
    expect(stuck.signers.every((s) => s.signed)).toBe(true);
    first.proc.kill('SIGKILL');
    await new Promise<void>((resolve) =>
      first.proc.exitCode !== null || first.proc.signalCode !== null ? resolve() : first.proc.once('exit', () => resolve()),
    );

    const second = await startServer(dataDir);
    expect(second.log().some((l) => l.includes(r1.a.id) && l.includes('completed now'))).toBe(true);
    await expectCompleted(second.url, r1);
  });
});
