import { describe, expect, it } from 'vitest';
import type { AgreementDetail, StatusView } from '../../../shared/api';
import { LinksViewSchema } from '../../../shared/lifecycleSchemas';
import { useCleanup } from '../harness';
import { DAY_MS, ManualClock } from './manualClock';
import { signedOriginal } from './amendmentFixture';

const cleanup = useCleanup();

describe('renewal and amendments', () => {
  it('opens an amendment and, from the review date, a renewal: new drafts prefilled from the signed text, linked to the unchanged original', async () => {
    const clock = new ManualClock();
    const { server, r } = await signedOriginal(cleanup, clock);
    const signed = await r.status();

    expect((await r.call(r.partner.token, '/amendments', 'POST')).status).toBe(403);
    const res = await fetch(`${server.url}/api/agreements/${r.a.id}/amendments`, { method: 'POST', headers: { authorization: `Bearer ${r.a.token}` } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    // The owner's browser gets a session on the new draft.
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(new RegExp(`^entente_${id}=`));
    const original = (await r.call<AgreementDetail>(r.a.token, '')).body;
    const draft = (await (await fetch(`${server.url}/api/agreements/${id}`, { headers: { cookie } })).json()) as AgreementDetail;
    expect(draft.content.sections).toEqual(original.content.sections);
    expect(draft.content.parties.map((p) => [p.legalName, p.sections, p.contacts.length, p.signatories.length])).toEqual(
      original.content.parties.map((p) => [p.legalName, p.sections, p.contacts.length, p.signatories.length]),
    );
    expect(draft.content.duration).toEqual(original.content.duration);
    const draftStatus = (await (await fetch(`${server.url}/api/agreements/${id}/status`, { headers: { cookie } })).json()) as StatusView;
    expect(draftStatus.status).toBe('draft');
    // The original is as it was signed.
    expect((await r.status()).version).toEqual(signed.version);

    expect((await r.call(r.a.token, '/renewal', 'POST', { decision: 'renew' })).status).toBe(409);
    await clock.advanceInSteps(19 * 31 * DAY_MS);
    const renewed = await r.call<{ id: string }>(r.a.token, '/renewal', 'POST', { decision: 'renew' });
    expect(renewed.status).toBe(201);
    expect((await r.call(r.a.token, '/renewal', 'POST', { decision: 'expire' })).status).toBe(409);
    const links = LinksViewSchema.parse((await r.call(r.partner.token, '/links')).body);
    expect(links).toEqual({
      source: null,
      amendments: [expect.objectContaining({ id, status: 'draft' })],
      renewal: { decision: 'renew', agreement: expect.objectContaining({ id: renewed.body.id, status: 'draft' }) },
      chain: {
        original: expect.objectContaining({ id: r.a.id, status: 'signed' }),
        inForce: [],
        inProgress: [expect.objectContaining({ id, status: 'draft' })],
      },
    });
    const back = LinksViewSchema.parse(await (await fetch(`${server.url}/api/agreements/${id}/links`, { headers: { cookie } })).json());
    expect(back.source).toMatchObject({ id: r.a.id, kind: 'amendment', status: 'signed' });
    const audit = await r.call<{ entries: { action: string }[] }>(r.a.token, '/audit');
    expect(audit.body.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['amendment_opened', 'renewal_decided']));
  });
});
