import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { ThreadView } from '../../../shared/api';
import { fragmentName } from '../../../shared/schema';
import { connect, synced, useCleanup, useTestServer, waitFor } from '../harness';
import { readyAgreement } from '../signingFixture';

const server = useTestServer();
const cleanup = useCleanup();

const purposeText = (doc: Y.Doc): Y.XmlText => (doc.getXmlFragment(fragmentName('purpose')).get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe('the reply thread of a suggestion', () => {
  it('is stored like a comment thread, tied to an open suggestion of its section; an unknown id or another section is refused', async () => {
    const r = await readyAgreement(server.url);
    const partner = connect(server.wsUrl, r.a.id, r.partner.token);
    cleanup.push(() => partner.destroy());
    await synced(partner);
    const text = purposeText(partner.doc);
    text.insert(text.length, ' et innover', { insertion: { id: 'sugg-1' } });
    await waitFor(() => server.rooms.read(r.a.id, (doc) => doc.getXmlFragment(fragmentName('purpose')).toString()).includes('innover'), 'stored');

    const created = await r.call<ThreadView>(r.a.token, '/threads', 'POST', { section: 'purpose', suggestionId: 'sugg-1', body: 'Pourquoi innover ?' });
    expect(created.status).toBe(201);
    expect(created.body.suggestionId).toBe('sugg-1');
    const listed = await r.call<{ threads: ThreadView[] }>(r.partner.token, '/threads');
    expect(listed.body.threads.find((t) => t.id === created.body.id)?.suggestionId).toBe('sugg-1');
    // The partner (who suggested it) replies in the thread as in any other.
    expect((await r.call(r.partner.token, `/threads/${created.body.id}/comments`, 'POST', { body: 'Pour le projet pilote.' })).status).toBe(201);

    const unknown = await r.call<{ error: string }>(r.a.token, '/threads', 'POST', { section: 'purpose', suggestionId: 'nope', body: 'x' });
    expect(unknown.status).toBe(404);
    const elsewhere = await r.call<{ error: string }>(r.a.token, '/threads', 'POST', { section: 'duration', suggestionId: 'sugg-1', body: 'x' });
    expect(elsewhere.status).toBe(400);
    expect((await r.call(r.a.token, '/threads', 'POST', { section: 'purpose', suggestionId: 'bad id!', body: 'x' })).status).toBe(400);
    const all = await r.call<{ threads: ThreadView[] }>(r.a.token, '/threads');
    expect(all.body.threads.filter((t) => t.suggestionId !== null)).toHaveLength(1);
  });
});
