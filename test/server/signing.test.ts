import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditView, ParticipantView, StatusView, VerifyResult } from '../../shared/api';
import { fragmentName, getDuration } from '../../shared/schema';
import { activeSections } from '../../shared/included';
import { mouTemplate } from '../../shared/templates/mou';
import {
  agreementCall,
  api,
  connect,
  createAgreement,
  onPostgres,
  useTestServer,
  useCleanup,
  synced,
  tokenOf,
  waitFor,
  type Client,
  type TestAgreement,
} from './harness';
import { fillEverything, paragraph } from './fill';
import { pdfText } from './pdfText';

const server = useTestServer();
const cleanup = useCleanup();

type Person = ParticipantView & { token: string };
const call = <T>(token: string, a: { id: string }, path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> =>
  agreementCall<T>(server.url, token, a.id, path, method, body);
const statusOf = async (token: string, a: { id: string }): Promise<StatusView> => (await call<StatusView>(token, a, '/status')).body;

/** An agreement between two parties: the owner signs for party 0, a partner editor for party 1. */
async function setUp(): Promise<{ a: TestAgreement; owner: Client; partner: Person; partnerClient: Client }> {
  const a = await createAgreement(server.url, { title: 'Entente PAM', owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 } });
  const res = await api(server.url, a.token, `/api/agreements/${a.id}/participants`, {
    method: 'POST',
    body: { name: 'Paul Partenaire', email: 'paul@example.org', partyId: a.content.parties[1]?.id, role: 'editor', signatory: true },
  });
  const view = (await res.json()) as ParticipantView;
  const partner = { ...view, token: tokenOf(view.link ?? '') };
  const ownerRow = (await call<{ participants: ParticipantView[] }>(a.token, a, '/participants')).body.participants[0]!;
  expect((await call(a.token, a, `/participants/${ownerRow.id}`, 'PATCH', { signatory: true })).status).toBe(200);
  const owner = connect(server.wsUrl, a.id, a.token);
  const partnerClient = connect(server.wsUrl, a.id, partner.token);
  cleanup.push(
    () => owner.destroy(),
    () => partnerClient.destroy(),
  );
  await Promise.all([synced(owner), synced(partnerClient)]);
  fillEverything(owner.doc);
  await waitFor(() => partnerClient.doc.getXmlFragment(fragmentName('purpose')).length === 1, 'partner has it');
  await new Promise((r) => setTimeout(r, 50));
  return { a, owner, partner, partnerClient };
}

async function approveAll(a: TestAgreement, tokens: string[]): Promise<void> {
  for (const token of tokens) {
    for (const s of activeSections(mouTemplate, {})) expect((await call(token, a, '/approvals', 'POST', { section: s.key })).status).toBe(201);
  }
}

describe('approvals and readiness', () => {
  it('the checklist says what is missing, and locking is refused until it passes', async () => {
    const a = await createAgreement(server.url);
    const s = await statusOf(a.token, a);
    expect(s.status).toBe('draft');
    expect(Object.fromEntries(s.checklist.map((c) => [c.key, c.ok]))).toEqual({
      sectionsFilled: false,
      responsibilities: false,
      duration: true,
      signatories: false,
      noOpenThreads: true,
      suggestions: true,
      approvals: false,
    });
    const lock = await call<{ error: string; message: string }>(a.token, a, '/lock', 'POST');
    expect(lock.status).toBe(409);
    expect(lock.body.error).toBe('not_ready');
    // A draft has no copy to download: the text can still change.
    expect((await call<{ error: string }>(a.token, a, '/review.pdf')).body.error).toBe('not_locked');
  });

  it('an edit clears the approvals of its section only', async () => {
    const { a, owner, partner } = await setUp();
    await approveAll(a, [a.token, partner.token]);
    const sections = activeSections(mouTemplate, {}); // the RACI matrix, left out, cannot be approved
    let s = await statusOf(a.token, a);
    expect(s.validApprovals).toHaveLength(sections.length * 2);
    expect(s.checklist.find((c) => c.key === 'approvals')?.ok).toBe(true);

    owner.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('Une phrase de plus')]);
    for (let i = 0; i < 100; i++) {
      s = await statusOf(a.token, a);
      if (s.approvals.length < sections.length * 2) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(s.approvals.filter((x) => x.section === 'purpose')).toEqual([]);
    expect(s.approvals).toHaveLength((sections.length - 1) * 2);
    expect(s.checklist.find((c) => c.key === 'approvals')?.missing.sort()).toEqual(a.content.parties.map((p) => `purpose:${p.id}`).sort());

    getDuration(owner.doc).set('terminationNoticeDays', 30);
    for (let i = 0; i < 100; i++) {
      s = await statusOf(a.token, a);
      if (!s.approvals.some((x) => x.section === 'duration')) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(s.approvals.map((x) => x.section).sort()).toEqual([
      'context',
      'context',
      'parties',
      'parties',
      'responsibilities',
      'responsibilities',
      'signatories',
      'signatories',
    ]);
  });

  it('viewers and commenters cannot approve', async () => {
    const a = await createAgreement(server.url);
    for (const role of ['viewer', 'commenter']) {
      const res = await api(server.url, a.token, `/api/agreements/${a.id}/participants`, {
        method: 'POST',
        body: { name: role, email: `${role}@example.org`, partyId: a.content.parties[1]?.id, role },
      });
      const p = (await res.json()) as ParticipantView;
      expect((await call(tokenOf(p.link ?? ''), a, '/approvals', 'POST', { section: 'purpose' })).status).toBe(403);
    }
  });
});

describe('lock, unlock, sign', () => {
  it('after lock, edits are refused on the websocket, comments and approvals on REST', async () => {
    const { a, owner, partner, partnerClient } = await setUp();
    await approveAll(a, [a.token, partner.token]);
    const thread = await call<{ id: string }>(partner.token, a, '/threads', 'POST', { section: 'purpose', body: 'ok?' });
    expect((await call(a.token, a, '/lock', 'POST')).status).toBe(409); // an open shared thread blocks
    await call(partner.token, a, `/threads/${thread.body.id}/resolve`, 'POST');

    const locked = await call<StatusView>(a.token, a, '/lock', 'POST');
    expect(locked.status).toBe(200);
    expect(locked.body.status).toBe('locked');
    expect(locked.body.version?.hash).toMatch(/^[0-9a-f]{64}$/);

    await waitFor(() => partnerClient.provider.synced && owner.provider.synced, 'clients reconnected');
    partnerClient.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('modification tardive')]);
    await new Promise((r) => setTimeout(r, 300));
    expect(owner.doc.getXmlFragment(fragmentName('purpose')).toString()).not.toContain('modification tardive');
    expect(server.rooms.loaded(a.id)?.snapshot().getXmlFragment(fragmentName('purpose')).toString()).not.toContain('modification tardive');

    expect((await call(partner.token, a, '/threads', 'POST', { section: 'purpose', body: 'trop tard' })).status).toBe(409);
    expect((await call(partner.token, a, `/threads/${thread.body.id}/comments`, 'POST', { body: 'trop tard' })).status).toBe(409);
    expect((await call(partner.token, a, `/threads/${thread.body.id}/reopen`, 'POST')).status).toBe(409);
    expect((await call(partner.token, a, '/approvals', 'POST', { section: 'purpose' })).status).toBe(409);
    expect((await call(partner.token, a, '/lock', 'POST')).status).toBe(403);
  });

  it('unlock needs a reason, is logged, and clears every approval; it is refused after a signature', async () => {
    const { a, partner } = await setUp();
    await approveAll(a, [a.token, partner.token]);
    const v1 = (await call<StatusView>(a.token, a, '/lock', 'POST')).body.version!;
    expect((await call(a.token, a, '/unlock', 'POST', {})).status).toBe(400);
    expect((await call(partner.token, a, '/unlock', 'POST', { reason: 'pas moi' })).status).toBe(403);
    const unlocked = await call<StatusView>(a.token, a, '/unlock', 'POST', { reason: 'Corriger le préavis' });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ status: 'draft', approvals: [] });
    const audit = (await call<AuditView>(a.token, a, '/audit')).body;
    expect(audit.entries.find((e) => e.action === 'unlocked')?.details).toMatchObject({ reason: 'Corriger le préavis', version: v1.number });

    await approveAll(a, [a.token, partner.token]);
    const v2 = (await call<StatusView>(a.token, a, '/lock', 'POST')).body.version!;
    expect(v2.number).toBe(v1.number + 1);
    expect((await call(partner.token, a, '/sign', 'POST', { fullName: 'Paul Partenaire', title: 'Directeur', versionHash: v2.hash })).status).toBe(200);
    const refused = await call<{ error: string }>(a.token, a, '/unlock', 'POST', { reason: 'encore' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('already_signed');
    // The only way back is to cancel: the version is kept, cancelled, and a new draft opens.
    const cancelled = await call<StatusView>(a.token, a, '/cancel', 'POST', { reason: 'Nouvelle version nécessaire' });
    expect(cancelled.body.status).toBe('draft');
    expect(cancelled.body.history.map((v) => v.status)).toEqual(['unlocked', 'cancelled']);
  });

  it('a signature is bound to the version hash, and only designated signatories sign', async () => {
    const { a, partner } = await setUp();
    await approveAll(a, [a.token, partner.token]);
    const version = (await call<StatusView>(a.token, a, '/lock', 'POST')).body.version!;
    const wrong = version.hash.replace(/^./, (ch) => (ch === 'a' ? 'b' : 'a'));
    const mismatch = await call<{ error: string }>(partner.token, a, '/sign', 'POST', { fullName: 'Paul Partenaire', title: 'Directeur', versionHash: wrong });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.error).toBe('version_mismatch');
    const res = await api(server.url, a.token, `/api/agreements/${a.id}/participants`, {
      method: 'POST',
      body: { name: 'Non signataire', email: 'n@example.org', partyId: a.content.parties[1]?.id, role: 'editor' },
    });
    const nonSigner = (await res.json()) as ParticipantView;
    expect(
      (await call(tokenOf(nonSigner.link ?? ''), a, '/sign', 'POST', { fullName: 'Non Signataire', title: 'Adjoint', versionHash: version.hash })).status,
    ).toBe(403);
    const signed = await call<StatusView>(partner.token, a, '/sign', 'POST', { fullName: 'Paul Partenaire', title: 'Directeur', versionHash: version.hash });
    expect(signed.status).toBe(200);
    expect(signed.body.signatures).toEqual([expect.objectContaining({ fullName: 'Paul Partenaire', versionHash: version.hash })]);
    expect((await call(partner.token, a, '/sign', 'POST', { fullName: 'Paul Partenaire', title: 'Directeur', versionHash: version.hash })).status).toBe(409);
  });
});

describe('signed agreement', () => {
  it('when every signatory has signed it is in force from the last signature, with a sealed PDF anyone can verify', async () => {
    const { a, partner } = await setUp();
    await approveAll(a, [a.token, partner.token]);
    const version = (await call<StatusView>(a.token, a, '/lock', 'POST')).body.version!;
    expect((await call(a.token, a, '/export.pdf')).status).toBe(409);

    // Before signing, anyone can download the locked version to read, plainly marked as not signed.
    const review = await api(server.url, partner.token, `/api/agreements/${a.id}/review.pdf`);
    expect(review.status).toBe(200);
    expect(review.headers.get('content-disposition')).toContain(`agreement-${a.id}-v1-for-review.pdf`);
    const reviewPdf = Buffer.from(await review.arrayBuffer());
    const reviewText = await pdfText(reviewPdf);
    for (const expected of ['NON SIGNÉE', version.hash, 'Protocole complet', 'Non signé']) expect(reviewText).toContain(expected);
    expect(reviewText).not.toContain('Certificat de signature');
    const verifyReview = (await (
      await fetch(`${server.url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: reviewPdf })
    ).json()) as VerifyResult;
    expect(verifyReview.match).toBe(false);

    await call(partner.token, a, '/sign', 'POST', { fullName: 'Paul Partenaire', title: 'Directeur général', versionHash: version.hash });
    // Names beyond Latin-1 (Polish, Vietnamese, Inuktitut syllabics) must print as typed.
    const done = await call<StatusView>(a.token, a, '/sign', 'POST', {
      fullName: 'Odile Łukasiewicz-Nguyễn',
      title: 'Codirectrice ᐃᓄᒃᑎᑐᑦ',
      versionHash: version.hash,
    });
    expect(done.body.status).toBe('signed');
    expect(done.body.inForceFrom).toBe(done.body.signatures[1]?.signedAt);

    const res = await api(server.url, partner.token, `/api/agreements/${a.id}/export.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    // Once signed, the signed copy replaces the copy for review.
    expect((await call(a.token, a, '/review.pdf')).status).toBe(409);
    const text = await pdfText(pdf);
    for (const expected of [
      'Protocole complet',
      'Signataires',
      'Paul Partenaire, Directeur général',
      'Odile Łukasiewicz-Nguyễn, Codirectrice ᐃᓄᒃᑎᑐᑦ',
      'Signé électroniquement le',
      'Certificat de signature',
      version.hash,
      a.id,
    ]) {
      expect(text).toContain(expected);
    }

    const docx = await api(server.url, partner.token, `/api/agreements/${a.id}/export.docx`);
    expect(docx.status).toBe(200);
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const verifyPdf = (await (
      await fetch(`${server.url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf })
    ).json()) as VerifyResult;
    expect(verifyPdf).toMatchObject({ match: true, matched: 'pdf', agreement: { title: 'Protocole complet', versionHash: version.hash } });
    const tampered = Buffer.from(pdf);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 100) ^ 1, tampered.length - 100);
    expect(
      (
        (await (
          await fetch(`${server.url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: tampered })
        ).json()) as VerifyResult
      ).match,
    ).toBe(false);
    const byHash = (await (
      await fetch(`${server.url}/api/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ hash: version.hash.toUpperCase() }),
      })
    ).json()) as VerifyResult;
    expect(byHash).toMatchObject({ match: true, matched: 'version' });
    expect((await fetch(`${server.url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hash":"nope"}' })).status).toBe(
      400,
    );

    const audit = (await call<AuditView>(a.token, a, '/audit')).body;
    expect(audit.chain.ok).toBe(true);
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['created', 'invited', 'role_changed', 'section_approved', 'locked', 'signed', 'completed', 'exported']),
    );
  });

  // SQLite's triggers, dropped and made again as someone holding the file would.
  it.skipIf(onPostgres)('altering an audit row breaks the chain check', async () => {
    const a = await createAgreement(server.url);
    await api(server.url, a.token, `/api/agreements/${a.id}/participants`, {
      method: 'POST',
      body: { name: 'Eve', email: 'eve@example.org', partyId: a.content.parties[1]?.id, role: 'viewer' },
    });
    expect((await call<AuditView>(a.token, a, '/audit')).body.chain.ok).toBe(true);
    const db = new Database(join(server.dataDir, 'entente.sqlite'));
    // The application cannot change the log; someone with the database file can, and is caught.
    expect(() => db.prepare("UPDATE audit_log SET details = '{}' WHERE agreement_id = ?").run(a.id)).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare(`UPDATE audit_log SET details = '{"name":"Mallory"}' WHERE agreement_id = ? AND action = 'invited'`).run(a.id);
    db.exec("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;");
    db.close();
    const chain = (await call<AuditView>(a.token, a, '/audit')).body.chain;
    expect(chain.ok).toBe(false);
    expect(chain.brokenAt).toBeGreaterThan(0);
  });
});
