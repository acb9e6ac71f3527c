import { describe, expect, it } from 'vitest';
import { ComparisonSchema } from '../../../shared/historySchemas';
import { LinksViewSchema } from '../../../shared/lifecycleSchemas';
import { fragmentName } from '../../../shared/schema';
import { paragraph } from '../fill';
import type { AgreementDetail, ParticipantView } from '../../../shared/api';
import { agreementCall, connect, createAgreement, synced, tokenOf, useCleanup } from '../harness';
import { openAmendment, signAmendment, signedOriginal } from './amendmentFixture';

const cleanup = useCleanup();

describe('what an amendment changes', () => {
  it('lists the original and its amendments, and compares the signed original with the amendment’s text; an unlinked pair is refused', async () => {
    const { server, r } = await signedOriginal(cleanup);
    const res = await fetch(`${server.url}/api/agreements/${r.a.id}/amendments`, { method: 'POST', headers: { authorization: `Bearer ${r.a.token}` } });
    const { id } = (await res.json()) as { id: string };
    // The owner's session on the new draft, as their browser gets it.
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const call = async <T>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> => {
      const headers: Record<string, string> = { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
      const answer = await fetch(`${server.url}/api/agreements/${id}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: answer.status, body: (await answer.json()) as T };
    };
    // An editor of the amendment, to type in it over a real socket with their link.
    const draft = (await call<AgreementDetail>('')).body;
    const editor = await call<ParticipantView>('/participants', 'POST', {
      name: 'Éva',
      email: 'eva@example.org',
      partyId: draft.content.parties[0]!.id,
      role: 'editor',
      signatory: false,
    });
    expect(editor.status).toBe(201);
    const token = tokenOf(editor.body.link ?? '');

    // The same chain on the original's page and on the amendment's: the signed original, the draft apart.
    for (const links of [LinksViewSchema.parse((await r.call(r.partner.token, '/links')).body), LinksViewSchema.parse((await call('/links')).body)]) {
      expect(links.chain.original).toMatchObject({ id: r.a.id, status: 'signed', signedAt: expect.any(String) });
      expect(links.chain.inForce).toEqual([]);
      expect(links.chain.inProgress).toEqual([expect.objectContaining({ id, status: 'draft', signedAt: null })]);
    }

    // Unchanged, the amendment changes nothing.
    const same = ComparisonSchema.parse((await call(`/original-compare?original=${r.a.id}`)).body);
    expect(same.changedSections).toEqual([]);
    expect(same.from.kind).toBe('locked');
    expect(same.to.id).toBe('current');

    const client = connect(server.url.replace(/^http/, 'ws'), id, token);
    let changed = same;
    try {
      await synced(client);
      client.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('Amended: a third workshop each year')]);
      for (let tries = 0; changed.changedSections.length === 0 && tries < 100; tries++) {
        await new Promise((done) => setTimeout(done, 50));
        changed = ComparisonSchema.parse((await call(`/original-compare?original=${r.a.id}&to=current`)).body);
      }
    } finally {
      client.destroy();
    }
    expect(changed.changedSections).toEqual(['purpose']);
    const purpose = changed.sections.find((s) => s.key === 'purpose')!;
    const inserted = purpose.texts.flatMap((t) => t.ops.filter((o) => o.op === 'ins').map((o) => o.text)).join('');
    expect(inserted).toContain('a third workshop each year');
    expect(purpose.texts.flatMap((t) => t.ops.filter((o) => o.op === 'del'))).toEqual([]);

    // A named version of the amendment compares the same way; the original's own version ids are not the amendment's.
    const named = await call<{ id: string }>('/history', 'POST', { name: 'Sent to the partner' });
    expect(named.status).toBe(201);
    const atVersion = ComparisonSchema.parse((await call(`/original-compare?original=${r.a.id}&to=${named.body.id}`)).body);
    expect(atVersion.to).toMatchObject({ id: named.body.id, name: 'Sent to the partner' });
    expect(atVersion.changedSections).toEqual(['purpose']);
    expect((await call(`/original-compare?original=${r.a.id}&to=${same.from.id}`)).status).toBe(404);

    // Another agreement is not the amendment's original, and an agreement opened from nothing has none.
    const other = await createAgreement(server.url, { title: 'Autre entente' });
    expect((await call(`/original-compare?original=${other.id}`)).status).toBe(404);
    expect((await agreementCall(server.url, other.token, other.id, `/original-compare?original=${r.a.id}`)).status).toBe(404);
    expect((await r.call(r.a.token, `/original-compare?original=${r.a.id}`)).status).toBe(404);
    // Only the amendment's participants compare it: the original's token does not open the amendment.
    expect((await agreementCall(server.url, r.partner.token, id, `/original-compare?original=${r.a.id}`)).status).toBeGreaterThanOrEqual(401);
    expect((await call(`/original-compare?original=${r.a.id}&to=nope`)).status).toBe(400);
    expect((await call('/original-compare')).status).toBe(400);
  });
  it('lists the signed amendments in the order they were signed, with their dates, and the others as in progress', async () => {
    const { server, r } = await signedOriginal(cleanup);
    const first = await openAmendment(server.url, r.a.id, { token: r.a.token });
    const second = await openAmendment(server.url, r.a.id, { token: r.a.token });
    await signAmendment(second);

    const links = LinksViewSchema.parse((await r.call(r.a.token, '/links')).body);
    expect(links.chain.inForce).toEqual([expect.objectContaining({ id: second.id, status: 'signed', signedAt: expect.any(String) })]);
    expect(links.chain.inProgress).toEqual([expect.objectContaining({ id: first.id, status: 'draft' })]);
    expect(links.amendments.map((a) => a.id)).toEqual([first.id, second.id]);
    // The signed amendment's page shows the same chain, and its changes still compare with the original.
    expect(LinksViewSchema.parse((await second.call('/links')).body).chain).toEqual(links.chain);
    expect((await second.call(`/original-compare?original=${r.a.id}`)).status).toBe(200);
    // The first was opened before the second was signed: it says it does not hold the second's changes.
    expect(LinksViewSchema.parse((await first.call('/links')).body).source).toMatchObject({
      id: r.a.id,
      basedOn: { id: r.a.id },
      behind: { id: second.id, status: 'signed' },
    });
    expect(LinksViewSchema.parse((await second.call('/links')).body).source?.behind).toBeNull();
    // Signed later, the first opened comes second: the order is the signing's.
    await signAmendment(first);
    // Once signed, it is what it is: nothing to warn of.
    expect(LinksViewSchema.parse((await first.call('/links')).body).source?.behind).toBeNull();
    const after = LinksViewSchema.parse((await r.call(r.a.token, '/links')).body).chain;
    expect(after.inForce.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(after.inProgress).toEqual([]);
  });
});
