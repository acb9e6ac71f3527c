import { describe, expect, it } from 'vitest';
import type { AuditView } from '../../shared/api';
import { fragmentName } from '../../shared/schema';
import { activeSections } from '../../shared/included';
import { mouTemplate } from '../../shared/templates/mou';
import { paragraph } from './fill';
import { api, connect, invite, synced, waitFor, useTestServer, useCleanup } from './harness';
import { readyAgreement } from './signingFixture';

const server = useTestServer();
const cleanup = useCleanup();

type Entry = AuditView['entries'][number];

describe('the audit log says what happened', () => {
  it('downloading the copy for review is its own action, not a signed copy downloaded', async () => {
    const r = await readyAgreement(server.url);
    const hash = (await r.lock()).version!.hash;
    const review = await api(server.url, r.partner.token, `/api/agreements/${r.a.id}/review.pdf`);
    expect(review.status).toBe(200);
    await review.arrayBuffer();
    let entries = (await r.call<AuditView>(r.a.token, '/audit')).body.entries;
    const reviewed = entries.filter((e) => e.action === 'review_copy_downloaded');
    expect(reviewed).toEqual([expect.objectContaining({ actorId: r.partner.id, actorName: 'Paul Partenaire', details: { format: 'pdf', version: 1, hash } })]);
    expect(entries.some((e) => e.action === 'exported')).toBe(false);

    // The signed copy, once there is one, is still logged as such.
    await r.sign(r.partner.token, 'Paul Partenaire', hash);
    expect((await r.sign(r.a.token, 'Odile', hash)).body.status).toBe('signed');
    await (await api(server.url, r.partner.token, `/api/agreements/${r.a.id}/export.pdf`)).arrayBuffer();
    entries = (await r.call<AuditView>(r.a.token, '/audit')).body.entries;
    expect(entries.filter((e) => e.action === 'exported').map((e) => e.details)).toEqual([expect.objectContaining({ format: 'pdf', version: 1 })]);
    expect(entries.filter((e) => e.action === 'review_copy_downloaded')).toHaveLength(1);
  });

  it('an edit that clears approvals logs each cleared approval with its section, party and who edited', async () => {
    const r = await readyAgreement(server.url);
    const [ownerParty, partnerParty] = r.a.content.parties.map((p) => p.id);
    const before = (await r.status()).validApprovals.length;
    expect(before).toBe(activeSections(mouTemplate, {}).length * 2); // the RACI matrix, left out, is not approved

    // The partner edits the purpose; someone who only reads is connected too and edits nothing.
    const viewer = await invite(server.url, r.a, { role: 'viewer', name: 'Vera Viewer' });
    const editor = connect(server.wsUrl, r.a.id, r.partner.token);
    const reader = connect(server.wsUrl, r.a.id, viewer.token);
    cleanup.push(
      () => editor.destroy(),
      () => reader.destroy(),
    );
    await Promise.all([synced(editor), synced(reader)]);
    editor.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('Et une phrase de plus')]);
    await waitFor(() => reader.doc.getXmlFragment(fragmentName('purpose')).length === 2, 'the edit reaches others');

    let cleared: Entry[] = [];
    const deadline = Date.now() + 5000;
    while (cleared.length < 2 && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 50));
      cleared = (await r.call<AuditView>(r.a.token, '/audit')).body.entries.filter((e) => e.action === 'approvals_cleared');
    }
    const editedBy = [{ id: r.partner.id, name: 'Paul Partenaire' }];
    expect(cleared).toHaveLength(2);
    expect(cleared.map((e) => ({ actorId: e.actorId, details: e.details }))).toEqual(
      expect.arrayContaining([
        { actorId: null, details: { section: 'purpose', partyId: ownerParty, approvedBy: { id: r.ownerId, name: 'Odile' }, editedBy } },
        { actorId: null, details: { section: 'purpose', partyId: partnerParty, approvedBy: { id: r.partner.id, name: 'Paul Partenaire' }, editedBy } },
      ]),
    );
    const status = await r.status();
    expect(status.validApprovals).toHaveLength(before - 2);
    expect(status.validApprovals.some((v) => v.startsWith('purpose:'))).toBe(false);

    // Once per cleared approval: more typing in the same section logs nothing more.
    editor.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('Encore')]);
    await waitFor(() => reader.doc.getXmlFragment(fragmentName('purpose')).length === 3, 'the second edit reaches others');
    await new Promise((res) => setTimeout(res, 400));
    const audit = (await r.call<AuditView>(r.a.token, '/audit')).body;
    expect(audit.entries.filter((e) => e.action === 'approvals_cleared')).toHaveLength(2);
    expect(audit.chain.ok).toBe(true);
  });
});
