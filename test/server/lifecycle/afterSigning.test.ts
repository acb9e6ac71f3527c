import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical';
import { addDays, addMonths, dayOf } from '../../../shared/lifecycle';
import { LifecycleViewSchema, SIGNED_COPY_SCHEMA, SignedCopySchema, type LifecycleView } from '../../../shared/lifecycleSchemas';
import { VerifyResultSchema } from '../../../shared/schemas/verify';
import { sha256 } from '../../../server/signing/hash';
import { api, invite, startTestServer, useCleanup, type TestServer } from '../harness';
import { readyAgreement, type ReadyAgreement } from '../signingFixture';
import { DAY_MS, ManualClock } from './manualClock';

const cleanup = useCleanup();

async function signedAgreement(clock = new ManualClock()): Promise<{ server: TestServer; r: ReadyAgreement; clock: ManualClock }> {
  const server = await startTestServer({ clock });
  cleanup.push(() => server.dispose());
  const r = await readyAgreement(server.url);
  const { version } = await r.lock();
  await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
  expect((await r.sign(r.a.token, 'Odile', version!.hash)).body.status).toBe('signed');
  return { server, r, clock };
}

const lifecycle = async (r: ReadyAgreement, token: string): Promise<LifecycleView> => {
  const res = await r.call<unknown>(token, '/lifecycle');
  expect(res.status).toBe(200);
  return LifecycleViewSchema.parse(res.body);
};

const verify = async (url: string, body: unknown) => {
  const res = await fetch(`${url}/api/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return VerifyResultSchema.parse(await res.json());
};

describe('after signing: dates, the signed JSON copy, notice', () => {
  it('gives the dates of the signed terms, and a JSON copy that /api/verify recognises', async () => {
    const { server, r } = await signedAgreement();
    const status = await r.status();
    const signedDay = dayOf(status.inForceFrom!);
    const view = await lifecycle(r, r.partner.token);
    // As filled in (test/server/fill.ts): two years, 90 days' notice; the renewal review six months before the end.
    expect(view.phase).toBe('in_force');
    expect(view.dates).toEqual({
      inForceFrom: signedDay,
      endDate: addMonths(signedDay, 24),
      renewalReviewDate: addMonths(signedDay, 18),
      noticeDays: 90,
      reviewMeetings: [addMonths(signedDay, 6), addMonths(signedDay, 12), addMonths(signedDay, 18)],
    });
    expect(view.reviewMeetings).toBe(true);
    expect(view.next).toEqual({ kind: 'review_meeting', on: addMonths(signedDay, 6) });

    const res = await api(server.url, r.partner.token, `/api/agreements/${r.a.id}/export.json`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(res.headers.get('x-content-sha256')).toBe(sha256(text));
    const copy = SignedCopySchema.parse(JSON.parse(text));
    expect(copy.schema).toBe(SIGNED_COPY_SCHEMA);
    expect(copy.hashes).toEqual({ algorithm: 'SHA-256', version: status.version!.hash, pdf: status.version!.pdfHash, pages: expect.any(String) });
    // The content is what the signatures are bound to: its canonical JSON hashes to the version hash.
    expect(sha256(canonicalJson(JSON.parse(text).content))).toBe(status.version!.hash);
    expect(copy.signatures.map((s) => s.fullName).sort()).toEqual(['Odile', 'Paul Partenaire']);
    expect(copy.dates).toEqual(view.dates);
    expect(text).not.toContain('userAgent');

    // The file as downloaded, the same file re-indented, and its hash alone all match; a changed one does not.
    expect(await verify(server.url, text)).toMatchObject({ match: true, matched: 'json', agreement: { versionHash: status.version!.hash } });
    expect(await verify(server.url, JSON.stringify(JSON.parse(text), null, 2))).toMatchObject({ match: true, matched: 'json' });
    expect(await verify(server.url, { hash: sha256(text) })).toMatchObject({ match: true, matched: 'json' });
    const altered = JSON.parse(text) as { dates: { endDate: string } };
    altered.dates.endDate = addDays(altered.dates.endDate, 365);
    expect(await verify(server.url, altered)).toMatchObject({ match: false });
    // The PDF is still recognised as before.
    expect(await verify(server.url, { hash: status.version!.pdfHash })).toMatchObject({ match: true, matched: 'pdf' });
  });

  it('refuses the JSON copy and notice before signing', async () => {
    const server = await startTestServer();
    cleanup.push(() => server.dispose());
    const r = await readyAgreement(server.url);
    expect((await r.call(r.a.token, '/export.json')).status).toBe(409);
    expect((await r.call(r.a.token, '/notice', 'POST', { reason: 'Trop tôt' })).status).toBe(409);
    expect((await lifecycle(r, r.a.token)).phase).toBeNull();
  });

  it('takes notice from a signatory with a reason, tells everyone, and ends the agreement on its effective day, once', async () => {
    const { server, r, clock } = await signedAgreement();
    const viewer = await invite(server.url, r.a, { role: 'viewer', name: 'Vera Viewer' });
    expect((await r.call(viewer.token, '/notice', 'POST', { reason: 'Non' })).status).toBe(403);
    expect((await r.call(r.partner.token, '/notice', 'POST', { reason: '  ' })).status).toBe(400);

    const given = await r.call<LifecycleView>(r.partner.token, '/notice', 'POST', { reason: 'Le programme n’est plus financé.' });
    expect(given.status).toBe(201);
    const today = dayOf(new Date(clock.now()).toISOString());
    expect(given.body.phase).toBe('notice_given');
    expect(given.body.notice).toMatchObject({ reason: 'Le programme n’est plus financé.', effectiveOn: addDays(today, 90), givenBy: { id: r.partner.id } });
    expect(given.body.next).toEqual({ kind: 'notice_effective', on: addDays(today, 90) });
    expect((await r.call(r.a.token, '/notice', 'POST', { reason: 'Moi aussi' })).status).toBe(409);
    expect((await lifecycle(r, viewer.token)).notice?.partyName).toBeTruthy();
    const audit = await r.call<{ entries: { action: string; details: Record<string, unknown> }[] }>(r.a.token, '/audit');
    expect(audit.body.entries.filter((e) => e.action === 'notice_given')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ reason: 'Le programme n’est plus financé.', effectiveOn: addDays(today, 90) }) }),
    ]);
    // Before it ends, there is no record to write yet.
    expect((await r.call(r.a.token, '/records', 'POST', { body: 'Bilan' })).status).toBe(409);

    clock.advance(89 * DAY_MS);
    expect((await lifecycle(r, r.a.token)).phase).toBe('notice_given');
    clock.advance(2 * DAY_MS);
    const ended = await lifecycle(r, r.a.token);
    expect(ended).toMatchObject({ phase: 'ended', endedBy: 'notice', next: null, may: { record: true, giveNotice: false } });
    expect((await r.call(viewer.token, '/records', 'POST', { body: 'Bilan' })).status).toBe(403);
    const recorded = await r.call<LifecycleView>(r.partner.token, '/records', 'POST', { body: '120 personnes accompagnées; 8 ateliers.' });
    expect(recorded.status).toBe(201);
    expect(recorded.body.records).toEqual([
      expect.objectContaining({ body: '120 personnes accompagnées; 8 ateliers.', author: { id: r.partner.id, name: 'Paul Partenaire' } }),
    ]);

    // The end is logged once by the scheduler, and not again after a restart.
    const endedEntries = async () =>
      (await r.call<{ entries: { action: string; details: Record<string, unknown> }[] }>(r.a.token, '/audit')).body.entries.filter((e) => e.action === 'ended');
    expect(await endedEntries()).toEqual([expect.objectContaining({ details: expect.objectContaining({ by: 'notice', on: addDays(today, 90) }) })]);
    await server.close();
    const again = await startTestServer({ dataDir: server.dataDir, clock });
    cleanup.push(() => again.dispose());
    const r2 = {
      ...r,
      call: <T>(token: string, path: string, method = 'GET', body?: unknown) => agreementCallAt<T>(again.url, r.a.id, token, path, method, body),
    };
    clock.advance(DAY_MS);
    expect((await r2.call<{ entries: { action: string }[] }>(r.a.token, '/audit')).body.entries.filter((e) => e.action === 'ended')).toHaveLength(1);
    expect((await r2.call<LifecycleView>(r.a.token, '/lifecycle')).body.records).toHaveLength(1);
  });

  it('lets the owner turn review meetings off, and ends on the end date without notice', async () => {
    const { r, clock } = await signedAgreement();
    expect((await r.call(r.partner.token, '/lifecycle', 'PATCH', { reviewMeetings: false })).status).toBe(403);
    const off = await r.call<LifecycleView>(r.a.token, '/lifecycle', 'PATCH', { reviewMeetings: false });
    expect(off.status).toBe(200);
    const end = off.body.dates!.endDate!;
    expect(off.body.next).toEqual({ kind: 'renewal_review', on: off.body.dates!.renewalReviewDate });
    await clock.advanceInSteps(800 * DAY_MS);
    expect(await lifecycle(r, r.a.token)).toMatchObject({ phase: 'ended', endedBy: 'expiry' });
    expect((await r.call(r.a.token, '/notice', 'POST', { reason: 'Trop tard' })).status).toBe(409);
    const audit = await r.call<{ entries: { action: string; details: Record<string, unknown> }[] }>(r.a.token, '/audit');
    expect(audit.body.entries.filter((e) => e.action === 'ended').map((e) => e.details.on)).toEqual([end]);
  });
});

async function agreementCallAt<T>(url: string, id: string, token: string, path: string, method: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await api(url, token, `/api/agreements/${id}${path}`, { method, body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
