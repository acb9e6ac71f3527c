import { describe, expect, it } from 'vitest';
import { addMonths, dayOf } from '../../../shared/lifecycle';
import { LifecycleViewSchema, type LifecycleView } from '../../../shared/lifecycleSchemas';
import { getDuration } from '../../../shared/schema';
import { useCleanup } from '../harness';
import { DAY_MS, ManualClock } from './manualClock';
import { openAmendment, signAmendment, signedOriginal } from './amendmentFixture';

const cleanup = useCleanup();
const view = (body: unknown): LifecycleView => LifecycleViewSchema.parse(body);

describe('an amendment changes the agreement, not its life', () => {
  it('an amendment that lengthens the term moves the original’s end; its own page shows the same dates, and notice is given once, on the original', async () => {
    const clock = new ManualClock();
    const { server, r } = await signedOriginal(cleanup, clock);
    const signedDay = dayOf((await r.status()).inForceFrom!);
    // As filled in (test/server/fill.ts): two years.
    expect(view((await r.call(r.a.token, '/lifecycle')).body).dates?.endDate).toBe(addMonths(signedDay, 24));

    // A month later, an amendment makes it five years.
    clock.advance(30 * DAY_MS);
    const amendment = await openAmendment(server.url, r.a.id, { token: r.a.token });
    await signAmendment(amendment, (doc) => getDuration(doc).set('termYears', 5));

    // The original: in force from its own signature, for the amended term.
    const original = view((await r.call(r.a.token, '/lifecycle')).body);
    expect(original.phase).toBe('in_force');
    expect(original.dates).toMatchObject({ inForceFrom: signedDay, endDate: addMonths(signedDay, 60), renewalReviewDate: addMonths(signedDay, 54) });
    expect(original.may.giveNotice).toBe(true);
    // The amendment's page: the same life, and no second one.
    const own = view((await amendment.call('/lifecycle')).body);
    expect(own.dates).toEqual(original.dates);
    expect(own.phase).toBe('in_force');
    expect(own.may).toEqual({ giveNotice: false, record: false, settings: false });
    const refused = await amendment.call<{ error: string }>('/notice', 'POST', { reason: 'Fin du projet' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('on_original');

    // Notice on the original shows on both pages.
    expect((await r.call(r.a.token, '/notice', 'POST', { reason: 'Fin du projet' })).status).toBe(201);
    const after = view((await amendment.call('/lifecycle')).body);
    expect(after.notice?.reason).toBe('Fin du projet');
    expect(after.phase).toBe('notice_given');

    // It ends once: the end is logged on the original, not again on the amendment.
    clock.advance(120 * DAY_MS);
    await expect.poll(async () => view((await r.call(r.a.token, '/lifecycle')).body).phase, { timeout: 5000 }).toBe('ended');
    await expect
      .poll(
        async () => ((await r.call<{ entries: { action: string }[] }>(r.a.token, '/audit')).body.entries ?? []).filter((e) => e.action === 'ended').length,
        { timeout: 5000 },
      )
      .toBe(1);
    const amendmentAudit = (await amendment.call<{ entries: { action: string }[] }>('/audit')).body.entries;
    expect(amendmentAudit.filter((e) => e.action === 'ended')).toHaveLength(0);
    expect(view((await amendment.call('/lifecycle')).body).phase).toBe('ended');
  });
});
