import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AgreementDetail, ParticipantView } from '../../../shared/api';
import { ComparisonSchema } from '../../../shared/historySchemas';
import { fragmentName } from '../../../shared/schema';
import { connect, startTestServer, synced, tokenOf, useCleanup } from '../harness';
import { openAmendment } from './amendmentFixture';
import { signedPartnership } from './signedPartnership';

const cleanup = useCleanup();

/** The Yjs document of an agreement as a participant's client holds it (its XML keeps every mark and node). */
async function docOf(url: string, id: string, token: string): Promise<Y.Doc> {
  const client = connect(url.replace(/^http/, 'ws'), id, token);
  cleanup.push(() => client.destroy());
  await synced(client);
  return client.doc;
}

describe('an amendment’s prefill', () => {
  it('carries the RACI matrix, the budget and the formatted text of the signed version, pointing at the new parties', async () => {
    const server = await startTestServer();
    cleanup.push(() => server.dispose());
    const p = await signedPartnership(server.url);
    const original = (await p.call<AgreementDetail>(p.a.token, '')).body.content;
    const am = await openAmendment(server.url, p.a.id, { token: p.a.token });
    const draft = (await am.call<AgreementDetail>('')).body.content;

    // New parties, contacts and signatories, in the same order with the same words.
    const [oldA, oldB] = original.parties;
    const [newA, newB] = draft.parties;
    expect(newA!.id).not.toBe(oldA!.id);
    expect(newB!.id).not.toBe(oldB!.id);
    expect(draft.parties.map((x) => x.legalName)).toEqual(['Agence Alpha', 'Organisme Beta']);
    for (const [before, after] of [
      [oldA!, newA!],
      [oldB!, newB!],
    ] as const) {
      expect(after.contacts.map(({ title, email }) => [title, email])).toEqual(before.contacts.map(({ title, email }) => [title, email]));
      expect(after.contacts.map((c) => c.id)).not.toEqual(before.contacts.map((c) => c.id));
      expect(after.signatories.map(({ name, title }) => [name, title])).toEqual(before.signatories.map(({ name, title }) => [name, title]));
      expect(after.signatories[0]!.id).not.toBe(before.signatories[0]!.id);
    }

    // The RACI matrix: the same task, roles and letters; its lead is the new second party.
    const raci = draft.raci?.['raci'];
    expect(raci?.tasks).toEqual([expect.objectContaining({ name: 'Calendrier des ateliers', lead: newB!.id })]);
    expect(raci?.roles.map((r) => r.name)).toEqual(['Coordination', 'Direction']);
    expect(Object.values(raci?.cells ?? {}).sort()).toEqual(['A', 'R']);
    // The budget: both lines, each with the new party that provides it.
    expect(draft.budget?.['budget']?.lines.map(({ label, partyId, amountCents, nature }) => [label, partyId, amountCents, nature])).toEqual([
      ['Animation', newA!.id, 500_000, 'cash'],
      ['Salle de formation', newB!.id, 120_000, 'inKind'],
    ]);
    expect(draft.sections).toEqual(original.sections);
    expect(draft.included).toEqual(original.included);

    // The formatted section is the signed one, node for node: bold run, bullet list, table.
    const editor = await am.call<ParticipantView>('/participants', 'POST', {
      name: 'Éva',
      email: 'eva@example.org',
      partyId: newA!.id,
      role: 'viewer',
      signatory: false,
    });
    expect(editor.status).toBe(201);
    const draftDoc = await docOf(server.url, am.id, tokenOf(editor.body.link ?? ''));
    const signedDoc = await docOf(server.url, p.a.id, p.a.token);
    const results = draftDoc.getXmlFragment(fragmentName('results'));
    expect(results.toString()).toBe(signedDoc.getXmlFragment(fragmentName('results')).toString());
    expect(results.toArray().map((n) => (n as Y.XmlElement).nodeName)).toEqual(['paragraph', 'bulletList', 'table']);
    const first = (results.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(first.toDelta()).toEqual([{ insert: 'Offrir ' }, { insert: 'trois ateliers', attributes: { bold: {} } }, { insert: ' par année.' }]);

    // Nothing is changed yet: the tables pair with the signed ones row by row, party by party.
    const cmp = ComparisonSchema.parse((await am.call(`/original-compare?original=${p.a.id}`)).body);
    expect(cmp.changedSections).toEqual([]);
  });
});
