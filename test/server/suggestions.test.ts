import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiError, StatusView, SuggestionView } from '../../shared/api';
import { SuggestionListSchema } from '../../shared/schemas/suggestions';
import { fragmentName } from '../../shared/schema';
import { zipEntry } from './history/zipEntry';
import { pdfText } from './pdfText';
import { api, connect, synced, useCleanup, useTestServer, waitFor, type Client } from './harness';
import { readyAgreement, type ReadyAgreement } from './signingFixture';

const server = useTestServer();
const cleanup = useCleanup();

function open(r: ReadyAgreement, token: string): Client {
  const c = connect(server.wsUrl, r.a.id, token);
  cleanup.push(() => c.destroy());
  return c;
}

/** The text of Purpose's first paragraph ("Collaborer" once filled), where suggestions are written as y-prosemirror writes the marks. */
const purposeText = (doc: Y.Doc): Y.XmlText => (doc.getXmlFragment(fragmentName('purpose')).get(0) as Y.XmlElement).get(0) as Y.XmlText;
const purposeDelta = (doc: Y.Doc) => purposeText(doc).toDelta() as { insert: string; attributes?: Record<string, unknown> }[];

/** Suggests adding `text` at the end of Purpose's paragraph (an `insertion` mark over it). */
const suggestAdding = (doc: Y.Doc, text: string, value: Record<string, unknown>): void => {
  const t = purposeText(doc);
  t.insert(t.length, text, { insertion: value });
};
/** Suggests removing the first `length` characters of Purpose's paragraph (a `deletion` mark over them). */
const suggestRemoving = (doc: Y.Doc, length: number, value: Record<string, unknown>): void => purposeText(doc).format(0, length, { deletion: value });

async function suggestions(r: ReadyAgreement, token = r.a.token): Promise<SuggestionView[]> {
  const res = await r.call<unknown>(token, '/suggestions');
  expect(res.status).toBe(200);
  return SuggestionListSchema.parse(res.body).suggestions;
}
const stored = (r: ReadyAgreement): string => server.rooms.read(r.a.id, (doc) => doc.getXmlFragment(fragmentName('purpose')).toString());

describe('suggestions, with their authors from the server', () => {
  it('a forged author in the mark changes nothing: the author is whoever the client id that wrote the mark is bound to', async () => {
    const r = await readyAgreement(server.url);
    const partner = open(r, r.partner.token);
    await synced(partner);
    suggestAdding(partner.doc, ' et innover', { id: 'forged', author: 'Odile', participantId: r.ownerId, partyId: 'a' });
    await waitFor(() => stored(r).includes('innover'), 'the suggestion stored');

    const list = await suggestions(r);
    expect(list).toEqual([
      {
        id: 'forged',
        sectionKey: 'purpose',
        partyId: null,
        inserted: ' et innover',
        deleted: '',
        author: { participantId: r.partner.id, name: 'Paul Partenaire', partyId: r.partner.partyId },
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    // Every participant reads the same list; someone from outside the agreement reads nothing.
    expect(await suggestions(r, r.partner.token)).toEqual(list);
    const other = await readyAgreement(server.url);
    expect((await api(server.url, other.a.token, `/api/agreements/${r.a.id}/suggestions`)).status).toBe(403);
  });

  it('an id reused by someone else leaves the suggestion with no author; the same person writing it again from another client keeps it theirs', async () => {
    const r = await readyAgreement(server.url);
    const owner = open(r, r.a.token);
    await synced(owner);
    suggestAdding(owner.doc, ' pour tous', { id: 'mine' });
    suggestAdding(owner.doc, ' et partout', { id: 'again' });
    await waitFor(() => stored(r).includes('partout'), 'the owner’s suggestions stored');

    // The partner writes a mark under the owner's id: those words must not read as the owner's.
    const partner = open(r, r.partner.token);
    await synced(partner);
    const t = purposeText(partner.doc);
    t.insert(0, 'Hélas ', { insertion: { id: 'mine' } });
    // The owner, from a second client (another tab, a reload), extends their own other suggestion.
    const ownerAgain = open(r, r.a.token);
    await synced(ownerAgain);
    suggestAdding(ownerAgain.doc, ' toujours', { id: 'again' });
    await waitFor(() => stored(r).includes('Hélas') && stored(r).includes('toujours'), 'both stored');

    const byId = new Map((await suggestions(r)).map((s) => [s.id, s]));
    expect(byId.get('mine')).toMatchObject({ inserted: 'Hélas  pour tous', author: null, at: null });
    expect(byId.get('again')).toMatchObject({ inserted: ' et partout toujours', author: { participantId: r.ownerId, name: 'Odile' } });
  });

  it('a suggestion written offline merges on reconnect and is listed with its true author', async () => {
    const r = await readyAgreement(server.url);
    const owner = open(r, r.a.token);
    const partner = open(r, r.partner.token);
    await Promise.all([synced(owner), synced(partner)]);
    partner.provider.disconnect();
    suggestRemoving(partner.doc, 'Collaborer'.length, { id: 'offline' });
    // Meanwhile the owner goes on editing elsewhere.
    owner.doc.getXmlFragment(fragmentName('context')).push([new Y.XmlElement('paragraph')]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await suggestions(r)).toEqual([]);

    partner.provider.connect();
    await waitFor(() => purposeDelta(owner.doc).some((op) => op.attributes?.['deletion'] !== undefined), 'the owner has the suggestion');
    const [found] = await suggestions(r);
    expect(found).toMatchObject({ id: 'offline', deleted: 'Collaborer', inserted: '', author: { participantId: r.partner.id, name: 'Paul Partenaire' } });
  });

  it('the checklist lists each open suggestion; lock is refused while one is open and allowed once they are accepted', async () => {
    const r = await readyAgreement(server.url);
    const partner = open(r, r.partner.token);
    await synced(partner);
    partner.doc.transact(() => {
      suggestAdding(partner.doc, ' et innover', { id: 'add' });
      suggestRemoving(partner.doc, 'Collaborer'.length, { id: 'remove' });
    });
    await waitFor(() => stored(r).includes('innover'), 'the suggestions stored');

    const check = (s: StatusView) => s.checklist.find((c) => c.key === 'suggestions');
    expect(check(await r.status())).toEqual({ key: 'suggestions', ok: false, missing: ['remove', 'add'] });
    const refused = await r.call<ApiError>(r.a.token, '/lock', 'POST');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('suggestions_open');
    expect((await r.status()).status).toBe('draft');

    // Accepting, through Yjs as the editor does: the insertion loses its mark, the deleted text goes.
    const owner = open(r, r.a.token);
    await synced(owner);
    owner.doc.transact(() => {
      const t = purposeText(owner.doc);
      t.format('Collaborer'.length, ' et innover'.length, { insertion: null });
      t.delete(0, 'Collaborer'.length);
    });
    await waitFor(() => !stored(r).includes('Collaborer'), 'the acceptance stored');
    expect(await suggestions(r)).toEqual([]);
    expect(check(await r.status())).toEqual({ key: 'suggestions', ok: true, missing: [] });

    // Accepting edited Purpose, so its approvals were cleared: approved again, it locks.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const token of [r.a.token, r.partner.token]) expect((await r.call(token, '/approvals', 'POST', { section: 'purpose' })).status).toBe(201);
    const locked = await r.lock();
    expect(locked.status).toBe('locked');
  });

  it('the draft exports show open suggestions as a redline, each followed by its author', async () => {
    const r = await readyAgreement(server.url);
    const partner = open(r, r.partner.token);
    await synced(partner);
    partner.doc.transact(() => {
      suggestAdding(partner.doc, ' et innover', { id: 'add', author: 'Odile' });
      suggestRemoving(partner.doc, 'Collaborer'.length, { id: 'remove' });
    });
    await waitFor(() => stored(r).includes('innover'), 'the suggestions stored');

    const pdf = await api(server.url, r.a.token, `/api/agreements/${r.a.id}/draft.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    expect(text).toContain('NON VERROUILLÉ, NON SIGNÉ');
    expect(text).toContain('Collaborer et innover');
    expect(text).toMatch(/Suppression suggérée par Paul Partenaire \(Partie 1\), le \d/);
    expect(text).toMatch(/Ajout suggéré par Paul Partenaire \(Partie 1\), le \d/);
    expect(text).not.toContain('par Odile');

    const docx = await api(server.url, r.partner.token, `/api/agreements/${r.a.id}/draft.docx`);
    expect(docx.status).toBe(200);
    const xml = zipEntry(Buffer.from(await docx.arrayBuffer()), 'word/document.xml').toString();
    expect(xml).toMatch(/<w:strike\/>[^]*?<w:t xml:space="preserve">Collaborer<\/w:t>/);
    expect(xml).toMatch(/<w:u w:val="single"\/>[^]*?<w:t xml:space="preserve"> et innover<\/w:t>/);
    expect(xml).toContain('Ajout suggéré par Paul Partenaire (Partie 1)');
  });
});
