import { describe, expect, it } from 'vitest';
import type { ApiError, AuditView, ParticipantView, StatusView } from '../../shared/api';
import { agreementCall, createAgreement, invite, openTestDb, useTestServer } from './harness';
import { readyAgreement } from './signingFixture';

const server = useTestServer();

const who = (s: StatusView) => s.signers.map(({ name, partyName, signed }) => ({ name, partyName, signed }));
const signatoriesCheck = (s: StatusView) =>
  s.checklist
    .find((c) => c.key === 'signatories')
    ?.missing.filter((m) => /^(signer|invite):/.test(m))
    .sort();

describe('who must sign is recorded at lock', () => {
  it('one party signing alone never completes; the status lists who still has to sign', async () => {
    const r = await readyAgreement(server.url);
    // Before the lock: who a lock would record now.
    expect(who(await r.status())).toEqual([
      { name: 'Odile', partyName: 'Partie 0', signed: false },
      { name: 'Paul Partenaire', partyName: 'Partie 1', signed: false },
    ]);
    const { version } = await r.lock();
    const audit = (await r.call<AuditView>(r.a.token, '/audit')).body;
    expect(audit.entries.find((e) => e.action === 'locked')?.details.signers).toEqual([
      { partyId: r.a.content.parties[0]?.id, participantId: r.ownerId },
      { partyId: r.a.content.parties[1]?.id, participantId: r.partner.id },
    ]);

    const afterPartner = await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
    expect(afterPartner.status).toBe(200);
    expect(afterPartner.body.status).toBe('locked');
    expect(who(afterPartner.body)).toEqual([
      { name: 'Odile', partyName: 'Partie 0', signed: false },
      { name: 'Paul Partenaire', partyName: 'Partie 1', signed: true },
    ]);
    expect(afterPartner.body.inForceFrom).toBeNull();

    const done = await r.sign(r.a.token, 'Odile', version!.hash);
    expect(done.body.status).toBe('signed');
    expect(done.body.signers.every((s) => s.signed)).toBe(true);
  });

  it('the recorded set decides, not the participants as they are now', async () => {
    const r = await readyAgreement(server.url);
    const { version } = await r.lock();
    // What the old code let happen: the partner stops being a designated signatory after the lock.
    // Done behind the API's back here, since the API now refuses it.
    const db = await openTestDb(server.dataDir);
    db.prepare('UPDATE participants SET signatory = 0 WHERE id = ?').run(r.partner.id);
    db.close();
    expect(who(await r.status()).map((s) => s.name)).toEqual(['Odile', 'Paul Partenaire']);
    const owner = await r.sign(r.a.token, 'Odile', version!.hash);
    expect(owner.body.status).toBe('locked');
    expect(owner.body.signers.filter((s) => !s.signed).map((s) => s.name)).toEqual(['Paul Partenaire']);
  });

  it('while locked, changes that touch the recorded signers are refused until the owner unlocks', async () => {
    const r = await readyAgreement(server.url);
    const colleague = await invite(server.url, r.a, { role: 'editor', name: 'Claire Collègue' });
    const [party0, party1] = r.a.content.parties.map((p) => p.id);
    await r.lock();
    const refused = async (path: string, method: string, body?: unknown): Promise<void> => {
      const res = await r.call<ApiError>(r.a.token, path, method, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(409);
      expect(res.body.error).toBe('signers_fixed');
      expect(res.body.message).toContain('unlock or cancel first');
    };
    await refused(`/participants/${r.partner.id}`, 'PATCH', { signatory: false });
    await refused(`/participants/${r.partner.id}`, 'PATCH', { partyId: party0 });
    await refused(`/participants/${r.partner.id}`, 'DELETE');
    await refused(`/participants/${r.ownerId}`, 'PATCH', { signatory: false });
    // A new signatory would not be on the list the version was locked with: refused too, for the same reason.
    await refused(`/participants/${colleague.id}`, 'PATCH', { signatory: true });
    await refused('/participants', 'POST', { name: 'Nouvelle', email: 'n@example.org', partyId: party1, role: 'viewer', signatory: true });

    // What does not touch who signs still works.
    expect((await r.call(r.a.token, `/participants/${r.partner.id}`, 'PATCH', { role: 'commenter' })).status).toBe(200);
    expect((await r.call(r.a.token, `/participants/${colleague.id}`, 'PATCH', { partyId: party0 })).status).toBe(200);
    expect((await r.call(r.a.token, '/participants', 'POST', { name: 'Lecteur', email: 'l@example.org', partyId: party1, role: 'viewer' })).status).toBe(201);
    expect((await r.call(r.a.token, `/participants/${colleague.id}`, 'DELETE')).status).toBe(200);
    const people = (await r.call<{ participants: ParticipantView[] }>(r.a.token, '/participants')).body.participants;
    expect(people.find((p) => p.id === r.partner.id)).toMatchObject({ signatory: true, partyId: party1, revokedAt: null });

    expect((await r.call(r.a.token, '/unlock', 'POST', { reason: 'Changer de signataire' })).status).toBe(200);
    expect((await r.call(r.a.token, `/participants/${r.partner.id}`, 'PATCH', { signatory: false })).status).toBe(200);
    expect((await r.call(r.a.token, `/participants/${r.partner.id}`, 'DELETE')).status).toBe(200);
    // With nobody left to sign for party 1, the lock is refused.
    const lock = await r.call<ApiError>(r.a.token, '/lock', 'POST');
    expect(lock.status).toBe(409);
    expect(lock.body.error).toBe('not_ready');
    expect(lock.body.message).toContain('signatories');
    expect(signatoriesCheck(await r.status())).toEqual([`signer:${party1}`]);
  });

  it('the checklist tells a party with nobody invited yet from one with nobody designated to sign', async () => {
    const a = await createAgreement(server.url, { owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 } });
    const [party0, party1] = a.content.parties.map((p) => p.id);
    const status = async () => (await agreementCall<StatusView>(server.url, a.token, a.id, '/status')).body;
    expect(signatoriesCheck(await status())).toEqual([`invite:${party1}`, `signer:${party0}`].sort());
    const viewer = await invite(server.url, a, { role: 'viewer' });
    expect(signatoriesCheck(await status())).toEqual([`signer:${party0}`, `signer:${party1}`].sort());
    // A revoked participant no longer counts: the party again has nobody.
    expect((await agreementCall(server.url, a.token, a.id, `/participants/${viewer.id}`, 'DELETE')).status).toBe(200);
    expect(signatoriesCheck(await status())).toEqual([`invite:${party1}`, `signer:${party0}`].sort());
    await invite(server.url, a, { role: 'editor', signatory: true });
    expect(signatoriesCheck(await status())).toEqual([`signer:${party0}`]);
  });
});
