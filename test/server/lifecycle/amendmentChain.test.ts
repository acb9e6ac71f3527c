import { describe, expect, it } from 'vitest';
import type { AgreementDetail } from '../../../shared/api';
import { ComparisonSchema, HistoryListSchema } from '../../../shared/historySchemas';
import { LinksViewSchema } from '../../../shared/lifecycleSchemas';
import { fragmentName } from '../../../shared/schema';
import { paragraph } from '../fill';
import { useCleanup } from '../harness';
import { DAY_MS, ManualClock } from './manualClock';
import { openAmendment, signAmendment, signedOriginal } from './amendmentFixture';

const cleanup = useCleanup();

describe('an amendment of an amendment', () => {
  it('amends the same original, starts from the agreement as it stands, and the chain lists every amendment in signing order', async () => {
    const clock = new ManualClock();
    const { server, r } = await signedOriginal(cleanup, clock);

    // Amendment 1 adds a clause and is signed.
    const first = await openAmendment(server.url, r.a.id, { token: r.a.token });
    await signAmendment(first, (doc) => doc.getXmlFragment(fragmentName('purpose')).push([paragraph('Avenant 1 : un atelier de plus')]));
    // Its owner amends it in turn, from its own page.
    const second = await openAmendment(server.url, first.id, { cookie: first.cookie });
    const links = LinksViewSchema.parse((await second.call('/links')).body);
    // It amends the original; its text is the agreement as it stands, amendment 1's.
    expect(links.source).toMatchObject({ id: r.a.id, kind: 'amendment', basedOn: { id: first.id, status: 'signed' } });
    const purpose = (await second.call<AgreementDetail>('')).body.content.sections['purpose'];
    expect(purpose).toContain('Avenant 1 : un atelier de plus');

    // One chain, the same on every page: the original, amendment 1 in force, amendment 2 in progress.
    const chains = await Promise.all([r.call(r.a.token, '/links'), first.call('/links'), second.call('/links')]);
    for (const { body } of chains) {
      const { chain } = LinksViewSchema.parse(body);
      expect(chain.original.id).toBe(r.a.id);
      expect(chain.inForce.map((a) => a.id)).toEqual([first.id]);
      expect(chain.inProgress.map((a) => a.id)).toEqual([second.id]);
    }
    expect(LinksViewSchema.parse(chains[0].body).amendments.map((a) => a.id)).toEqual([first.id, second.id]);

    // What it changes is against amendment 1's signed text: nothing yet, though it differs from the original's.
    const cmp = ComparisonSchema.parse((await second.call(`/original-compare?original=${r.a.id}`)).body);
    expect(cmp.changedSections).toEqual([]);
    const firstHistory = HistoryListSchema.parse((await first.call('/history')).body);
    expect(firstHistory.versions.map((e) => e.id)).toContain(cmp.from.id);
    expect(cmp.from.kind).toBe('locked');
    // Amendment 1 is not what it amends.
    expect((await second.call(`/original-compare?original=${first.id}`)).status).toBe(404);

    // Amendment 2 removes amendment 1's clause and is signed: the chain lists both, in signing order.
    await signAmendment(second, (doc) => {
      const fragment = doc.getXmlFragment(fragmentName('purpose'));
      fragment.delete(fragment.length - 1, 1);
    });
    const changed = ComparisonSchema.parse((await second.call(`/original-compare?original=${r.a.id}`)).body);
    expect(changed.changedSections).toEqual(['purpose']);
    const removed = changed.sections.find((s) => s.key === 'purpose')!.texts.flatMap((t) => t.ops.filter((o) => o.op === 'del').map((o) => o.text));
    expect(removed.join('')).toContain('Avenant 1 : un atelier de plus');
    const after = LinksViewSchema.parse((await r.call(r.a.token, '/links')).body).chain;
    expect(after.inForce.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(after.inProgress).toEqual([]);

    // A third amendment, opened from the original's page, also starts from the agreement as it stands: amendment 2's.
    const third = await openAmendment(server.url, r.a.id, { token: r.a.token });
    expect(LinksViewSchema.parse((await third.call('/links')).body).source).toMatchObject({ id: r.a.id, basedOn: { id: second.id } });
    expect((await third.call<AgreementDetail>('')).body.content.sections['purpose']).not.toContain('Avenant 1');

    // At the review date a renewal, a chain of its own, starts from the same text.
    clock.advance(19 * 31 * DAY_MS);
    const renewed = await r.call<{ id: string }>(r.a.token, '/renewal', 'POST', { decision: 'renew' });
    expect(renewed.status).toBe(201);
    const renewal = await r.call(r.a.token, '/links');
    expect(LinksViewSchema.parse(renewal.body).renewal?.agreement?.id).toBe(renewed.body.id);
    const audit = await r.call<{ entries: { action: string; details: Record<string, unknown> }[] }>(r.a.token, '/audit');
    expect(audit.body.entries.find((e) => e.action === 'renewal_decided')?.details).toMatchObject({ decision: 'renew', from: second.id });
  });
});
