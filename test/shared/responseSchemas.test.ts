import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { ApiFailure } from '../../client/apiFailure';
import { createAgreement, listAgreements } from '../../client/api/agreements';
import { getAudit } from '../../client/api/audit';
import { getAuthors } from '../../client/api/authors';
import { checked } from '../../client/api/http';
import { getMe, inviteParticipant, listParticipants, reissueLink, revokeParticipant, updateParticipant } from '../../client/api/participants';
import { addParty, listParties, removeParty } from '../../client/api/parties';
import { approveSection, cancelVersion, getStatus, lockAgreement, signAgreement, unlockAgreement } from '../../client/api/status';
import { createThread, deleteComment, editComment, listThreads, markThreadRead, replyToThread, setThreadResolved } from '../../client/api/threads';
import { verifyHash } from '../../client/api/verify';
import { AgreementListSchema, CreatedAgreementSchema } from '../../shared/schemas/agreements';
import { AuditViewSchema } from '../../shared/schemas/audit';
import { AuthorListSchema } from '../../shared/schemas/authors';
import { AgreementEventSchema } from '../../shared/schemas/events';
import { MeSchema, ParticipantListSchema, ParticipantViewSchema } from '../../shared/schemas/participants';
import { PartyListSchema, PartyViewSchema } from '../../shared/schemas/parties';
import { StatusViewSchema } from '../../shared/schemas/status';
import { ThreadListSchema, ThreadViewSchema } from '../../shared/schemas/threads';
import { VerifyResultSchema } from '../../shared/schemas/verify';
import { activeSections } from '../../shared/included';
import { mouTemplate } from '../../shared/templates/mou';
import { listenEvents, startTestServer, tokenOf, waitFor, type TestServer } from '../server/harness';
import { readyAgreement } from '../server/signingFixture';
import { ClientCalls } from './clientCalls';

/**
 * The REST answers as the real server sends them, through client/api/ (the
 * client's boundary): every route's answer must pass its schema, and the
 * schema must keep every field the server sent (objects strip unknown keys,
 * so a field added on one side only shows up here).
 */

let server: TestServer;
/** Who client/api/ calls as: a personal-link token, and the cookie the agreement list needs. */
let calls: ClientCalls;

beforeAll(async () => {
  server = await startTestServer();
  calls = new ClientCalls(server.url, true);
});
const cleanup: (() => unknown)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});
afterAll(async () => {
  calls.restore();
  await server.dispose();
});

/** Runs a client call and checks that the schema of its route kept the whole answer. */
const exact = <T>(schema: z.ZodMiniType, run: () => Promise<T>): Promise<T> => calls.exact(schema, run);

async function as<T>(who: string, run: () => Promise<T>): Promise<T> {
  const before = calls.token;
  calls.token = who;
  try {
    return await run();
  } finally {
    calls.token = before;
  }
}

describe('REST answers match shared/schemas/', () => {
  it('agreements, session, participants, parties, threads, status and audit of a draft', async () => {
    const created = await exact(CreatedAgreementSchema, () =>
      createAgreement({
        title: 'Schémas',
        language: 'fr',
        owner: { name: 'Odile', email: 'odile@example.org' },
        parties: [{ legalName: 'A' }, { legalName: 'B' }],
      }),
    );
    calls.token = tokenOf(created.ownerLink);
    const id = created.id;
    expect((await exact(AgreementListSchema, () => listAgreements())).map((a) => a.id)).toEqual([id]);
    const me = await exact(MeSchema, () => getMe(id));
    expect(me.participant.role).toBe('owner');

    const partyB = created.content.parties[1]!.id;
    const paul = await exact(ParticipantViewSchema, () => inviteParticipant(id, { name: 'Paul', email: 'paul@example.org', partyId: partyB, role: 'editor' }));
    expect(paul.link).toMatch(/^\/join\//);
    const vera = await exact(ParticipantViewSchema, () => inviteParticipant(id, { name: 'Vera', email: 'vera@example.org', partyId: partyB, role: 'viewer' }));
    await exact(ParticipantViewSchema, () => updateParticipant(id, paul.id, { role: 'commenter', signatory: true }));
    expect((await exact(ParticipantViewSchema, () => reissueLink(id, vera.id))).link).toMatch(/^\/join\//);
    expect((await exact(ParticipantViewSchema, () => revokeParticipant(id, vera.id))).revokedAt).not.toBeNull();
    const people = await exact(ParticipantListSchema, () => listParticipants(id));
    expect(people.map((p) => p.name)).toEqual(['Odile', 'Paul', 'Vera']);
    expect(people.some((p) => 'link' in p)).toBe(false);

    const added = await exact(PartyViewSchema, () => addParty(id, { legalName: 'C' }));
    expect((await exact(PartyListSchema, () => listParties(id))).map((p) => p.legalName)).toEqual(['A', 'B', 'C']);
    expect((await exact(PartyListSchema, () => removeParty(id, added.id))).map((p) => p.id)).not.toContain(added.id);
    // The server's own changes (the party list) are in the record, bound to nobody.
    expect((await exact(AuthorListSchema, () => getAuthors(id))).some((a) => a.participant === null && a.spans.length > 0)).toBe(true);

    const thread = await exact(ThreadViewSchema, () => createThread(id, { section: 'purpose', body: 'Pourquoi ?' }));
    const replied = await exact(ThreadViewSchema, () => as(tokenOf(paul.link ?? ''), () => replyToThread(id, thread.id, 'Parce que.', [me.participant.id])));
    const reply = replied.comments[1]!;
    await exact(ThreadViewSchema, () => as(tokenOf(paul.link ?? ''), () => editComment(id, reply.id, 'Parce que !')));
    expect((await exact(ThreadViewSchema, () => markThreadRead(id, thread.id))).unread).toBe(0);
    await exact(ThreadViewSchema, () => as(tokenOf(paul.link ?? ''), () => deleteComment(id, reply.id)));
    expect((await exact(ThreadViewSchema, () => setThreadResolved(id, thread.id, true))).history.map((h) => h.action)).toEqual(['resolved']);
    await exact(ThreadViewSchema, () => setThreadResolved(id, thread.id, false));
    expect((await exact(ThreadListSchema, () => listThreads(id))).map((t) => t.id)).toEqual([thread.id]);

    expect((await exact(StatusViewSchema, () => getStatus(id))).status).toBe('draft');
    expect((await exact(StatusViewSchema, () => approveSection(id, 'purpose'))).approvals).toHaveLength(1);
    const audit = await exact(AuditViewSchema, () => getAudit(id));
    expect(audit.chain.ok).toBe(true);
    expect(audit.entries.map((e) => e.action)).toContain('party_removed');
    expect(await exact(VerifyResultSchema, () => verifyHash('0'.repeat(64)))).toEqual({ match: false, hash: '0'.repeat(64) });
  });

  it('lock, unlock, sign, cancel, complete and verify', async () => {
    const ready = await readyAgreement(server.url);
    const id = ready.a.id;
    calls.token = ready.a.token;
    const partner = ready.partner.token;
    expect((await exact(StatusViewSchema, () => lockAgreement(id))).status).toBe('locked');
    expect((await exact(StatusViewSchema, () => unlockAgreement(id, 'Une correction'))).status).toBe('draft');
    // Unlocking cleared the approvals: both parties approve again.
    for (const who of [ready.a.token, partner]) for (const s of activeSections(mouTemplate, {})) await as(who, () => approveSection(id, s.key));
    const v2 = await exact(StatusViewSchema, () => lockAgreement(id));
    const hash2 = v2.version!.hash;
    await exact(StatusViewSchema, () => as(partner, () => signAgreement(id, { fullName: 'Paul Partenaire', title: 'Direction', versionHash: hash2 })));
    expect((await exact(StatusViewSchema, () => cancelVersion(id, 'Nouvelle version'))).history.map((v) => v.status)).toEqual(['unlocked', 'cancelled']);

    for (const who of [ready.a.token, partner]) for (const s of activeSections(mouTemplate, {})) await as(who, () => approveSection(id, s.key));
    const hash3 = (await lockAgreement(id)).version!.hash;
    await as(partner, () => signAgreement(id, { fullName: 'Paul Partenaire', title: 'Direction', versionHash: hash3 }));
    const signed = await exact(StatusViewSchema, () => signAgreement(id, { fullName: 'Odile Owner', title: 'Direction', versionHash: hash3 }));
    expect(signed.status).toBe('signed');
    expect(signed.version?.pdfHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await exact(StatusViewSchema, () => getStatus(id))).toEqual(signed);
    expect((await exact(AuditViewSchema, () => getAudit(id))).entries.map((e) => e.action)).toContain('completed');
    const verified = await exact(VerifyResultSchema, () => verifyHash(hash3));
    expect(verified).toMatchObject({ match: true, matched: 'version', agreement: { versionHash: hash3 } });
    expect(verified.agreement?.signatures).toHaveLength(2);
  });

  it('an answer that does not match its schema is an ApiFailure naming the route and the field', async () => {
    const created = await createAgreement({ title: 'Mauvaise forme', language: 'en', owner: { name: 'Olga', email: 'olga@example.org' } });
    calls.token = tokenOf(created.ownerLink);
    const me = await getMe(created.id);
    let failure: unknown;
    try {
      checked(StatusViewSchema, me, 'GET /status');
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ code: 'invalid_response', status: 200 });
    expect((failure as ApiFailure).message).toMatch(/^Unexpected answer from GET \/status: /);
    expect((failure as ApiFailure).message).toContain('checklist');
  });

  it('an error answer is an ApiFailure with the server’s status, code and message', async () => {
    const created = await createAgreement({ title: 'Refus', language: 'en', owner: { name: 'Olga', email: 'olga@example.org' } });
    calls.forget();
    await expect(getStatus(created.id)).rejects.toMatchObject({ status: 401, code: 'unauthenticated', message: expect.any(String) });
    calls.token = tokenOf(created.ownerLink);
    await expect(getStatus('not-an-id')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(unlockAgreement(created.id, 'pas verrouillée')).rejects.toMatchObject({ status: 409, code: 'draft' });
  });

  it('every event the stream sends passes AgreementEventSchema', async () => {
    const created = await createAgreement({ title: 'Flux', language: 'fr', owner: { name: 'Odile', email: 'odile@example.org' } });
    calls.token = tokenOf(created.ownerLink);
    const id = created.id;
    const { events } = listenEvents(server.url, calls.token, id, cleanup);
    await waitFor(() => events.length > 0, 'ready');
    await createThread(id, { section: 'purpose', body: 'Une question' });
    await inviteParticipant(id, { name: 'Paul', email: 'paul@example.org', partyId: created.content.parties[1]!.id, role: 'editor' });
    await addParty(id);
    await approveSection(id, 'purpose').catch(() => undefined);
    await waitFor(() => ['thread', 'participants', 'parties'].every((name) => events.some((e) => e.event === name)), 'thread, participants and parties events');
    for (const e of events) {
      const parsed = AgreementEventSchema.safeParse({ type: e.event, data: e.data });
      expect(parsed.success, `${e.event}: ${parsed.error?.message ?? ''}`).toBe(true);
      if (e.event === 'thread' || e.event === 'parties') expect(parsed.data?.data).toEqual(e.data);
    }
  });
});
