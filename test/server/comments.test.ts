import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Anchor, ThreadView } from '../../shared/api';
import { fragmentName } from '../../shared/schema';
import {
  agreementCall,
  listenEvents,
  connect,
  createAgreement,
  invite as inviteAs,
  useTestServer,
  useCleanup,
  synced,
  waitFor,
  type Client,
  type Invited,
  type TestAgreement,
} from './harness';

const server = useTestServer();
const cleanup = useCleanup();

type Person = Invited;

const invite = (a: TestAgreement, role: 'editor' | 'commenter' | 'viewer', partyIndex: number, name = `${role}${partyIndex}`): Promise<Person> =>
  inviteAs(server.url, a, { role, partyIndex, name });

const call = <T>(token: string, a: { id: string }, path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> =>
  agreementCall<T>(server.url, token, a.id, path, method, body);
const threadsOf = async (token: string, a: { id: string }): Promise<ThreadView[]> => (await call<{ threads: ThreadView[] }>(token, a, '/threads')).body.threads;

/** Reads a participant's server-sent event stream in the background. */
const listen = (token: string, a: { id: string }): { events: { event: string; data: unknown }[] } => listenEvents(server.url, token, a.id, cleanup);

describe('comment threads', () => {
  it('a thread on a section: reply, edit and delete your own, resolve and reopen with who and when', async () => {
    const a = await createAgreement(server.url);
    const editor = await invite(a, 'editor', 1);
    const commenter = await invite(a, 'commenter', 1);
    const created = await call<ThreadView>(commenter.token, a, '/threads', 'POST', { section: 'purpose', body: 'Trop vague ?' });
    expect(created.status).toBe(201);
    const t = created.body;
    expect(t).toMatchObject({ section: 'purpose', anchor: null, visibility: 'shared', authorId: commenter.id, resolvedAt: null });
    const replied = await call<ThreadView>(editor.token, a, `/threads/${t.id}/comments`, 'POST', { body: 'Je propose une reformulation.' });
    expect(replied.body.comments.map((c) => c.authorName)).toEqual(['commenter1', 'editor1']);
    const mine = replied.body.comments[1]!;
    const theirs = replied.body.comments[0]!;
    expect((await call(commenter.token, a, `/comments/${mine.id}`, 'PATCH', { body: 'piraté' })).status).toBe(403);
    expect((await call(commenter.token, a, `/comments/${mine.id}`, 'DELETE')).status).toBe(403);
    const edited = await call<ThreadView>(editor.token, a, `/comments/${mine.id}`, 'PATCH', { body: 'Reformulation proposée.' });
    expect(edited.body.comments[1]).toMatchObject({ body: 'Reformulation proposée.', editedAt: expect.any(String) });
    const deleted = await call<ThreadView>(commenter.token, a, `/comments/${theirs.id}`, 'DELETE');
    expect(deleted.body.comments[0]).toMatchObject({ body: '', deletedAt: expect.any(String) });

    const resolved = await call<ThreadView>(editor.token, a, `/threads/${t.id}/resolve`, 'POST');
    expect(resolved.body.resolvedBy).toBe(editor.id);
    const reopened = await call<ThreadView>(commenter.token, a, `/threads/${t.id}/reopen`, 'POST');
    expect(reopened.body.resolvedAt).toBeNull();
    expect(reopened.body.history.map((h) => [h.action, h.byName])).toEqual([
      ['resolved', 'editor1'],
      ['reopened', 'commenter1'],
    ]);
  });

  it('only the author or an editor resolves', async () => {
    const a = await createAgreement(server.url);
    const c1 = await invite(a, 'commenter', 0, 'c1');
    const c2 = await invite(a, 'commenter', 1, 'c2');
    const t = (await call<ThreadView>(c1.token, a, '/threads', 'POST', { section: 'duration', body: '30 jours ?' })).body;
    expect((await call(c2.token, a, `/threads/${t.id}/resolve`, 'POST')).status).toBe(403);
    expect((await call(c1.token, a, `/threads/${t.id}/resolve`, 'POST')).status).toBe(200);
    expect((await call(a.token, a, `/threads/${t.id}/reopen`, 'POST')).status).toBe(200);
  });

  it('viewers cannot comment; commenters can comment but not edit the document', async () => {
    const a = await createAgreement(server.url);
    const viewer = await invite(a, 'viewer', 1);
    const commenter = await invite(a, 'commenter', 1);
    const refused = await call<{ error: string }>(viewer.token, a, '/threads', 'POST', { section: 'purpose', body: 'x' });
    expect(refused.status).toBe(403);
    const t = (await call<ThreadView>(commenter.token, a, '/threads', 'POST', { section: 'purpose', body: 'Une question' })).body;
    expect((await call(viewer.token, a, `/threads/${t.id}/comments`, 'POST', { body: 'moi aussi' })).status).toBe(403);
    expect((await threadsOf(viewer.token, a)).map((x) => x.id)).toEqual([t.id]);

    const owner = connect(server.wsUrl, a.id, a.token);
    const reader = connect(server.wsUrl, a.id, commenter.token);
    cleanup.push(
      () => owner.destroy(),
      () => reader.destroy(),
    );
    await Promise.all([synced(owner), synced(reader)]);
    reader.doc.getText('t').insert(0, 'edit attempt');
    await new Promise((r) => setTimeout(r, 200));
    expect(owner.doc.getText('t').toString()).toBe('');
  });

  it('a forged author is ignored: the author is the session’s participant', async () => {
    const a = await createAgreement(server.url);
    const commenter = await invite(a, 'commenter', 1);
    const t = (
      await call<ThreadView>(commenter.token, a, '/threads', 'POST', {
        section: 'purpose',
        body: 'vrai',
        authorId: a.content.parties[0]?.id,
        author: 'Odile Owner',
        authorName: 'Odile',
      })
    ).body;
    expect(t.authorId).toBe(commenter.id);
    expect(t.comments[0]?.authorName).toBe('commenter1');
    const reply = (await call<ThreadView>(commenter.token, a, `/threads/${t.id}/comments`, 'POST', { body: 'suite', authorId: 'someone' })).body;
    expect(reply.comments[1]?.authorId).toBe(commenter.id);
  });

  it('another party’s internal thread never reaches you, over REST or the event stream', async () => {
    const a = await createAgreement(server.url); // owner is in party 0
    const ours = await invite(a, 'commenter', 0, 'ours');
    const theirs = await invite(a, 'editor', 1, 'theirs');
    const theirStream = listen(theirs.token, a);
    const ourStream = listen(ours.token, a);
    await waitFor(() => theirStream.events.some((e) => e.event === 'ready') && ourStream.events.some((e) => e.event === 'ready'), 'streams open');
    const internal = (
      await call<ThreadView>(a.token, a, '/threads', 'POST', { section: 'responsibilities', visibility: 'party', body: 'Entre nous : budget max 10 k$' })
    ).body;
    const shared = (await call<ThreadView>(a.token, a, '/threads', 'POST', { section: 'purpose', body: 'Pour tous' })).body;
    await waitFor(() => theirStream.events.some((e) => e.event === 'thread' && (e.data as ThreadView).id === shared.id), 'shared pushed');
    await waitFor(() => ourStream.events.some((e) => e.event === 'thread' && (e.data as ThreadView).id === internal.id), 'internal pushed to own party');

    expect(JSON.stringify(theirStream.events)).not.toContain('budget');
    expect((await threadsOf(theirs.token, a)).map((t) => t.id)).toEqual([shared.id]);
    expect((await threadsOf(ours.token, a)).map((t) => t.id)).toEqual([internal.id, shared.id]);
    for (const [path, method, body] of [
      [`/threads/${internal.id}/comments`, 'POST', { body: 'je m’invite' }],
      [`/threads/${internal.id}/resolve`, 'POST', undefined],
      [`/threads/${internal.id}/read`, 'POST', undefined],
      [`/comments/${internal.comments[0]?.id}`, 'PATCH', { body: 'x' }],
    ] as const) {
      const res = await call<{ error: string; message: string }>(theirs.token, a, path, method, body);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('budget');
    }
    // Mentioning someone who cannot see the thread is refused.
    expect((await call(a.token, a, `/threads/${internal.id}/comments`, 'POST', { body: '@theirs', mentions: [theirs.id] })).status).toBe(400);
    expect((await call(a.token, a, `/threads/${shared.id}/comments`, 'POST', { body: '@theirs', mentions: [theirs.id] })).status).toBe(201);
  });

  it('unread counts per thread for each participant', async () => {
    const a = await createAgreement(server.url);
    const other = await invite(a, 'editor', 1);
    const t = (await call<ThreadView>(a.token, a, '/threads', 'POST', { section: 'purpose', body: 'un' })).body;
    await call(a.token, a, `/threads/${t.id}/comments`, 'POST', { body: 'deux' });
    expect((await threadsOf(a.token, a))[0]?.unread).toBe(0);
    expect((await threadsOf(other.token, a))[0]?.unread).toBe(2);
    expect((await call<ThreadView>(other.token, a, `/threads/${t.id}/read`, 'POST')).body.unread).toBe(0);
    await call(a.token, a, `/threads/${t.id}/comments`, 'POST', { body: 'trois' });
    expect((await threadsOf(other.token, a))[0]?.unread).toBe(1);
  });

  it('bad input is refused with clear errors', async () => {
    const a = await createAgreement(server.url);
    const bad = [
      { section: 'nope', body: 'x' },
      { section: 'purpose', body: '' },
      { section: 'purpose', body: 'x', visibility: 'secret' },
      { section: 'purpose', body: 'x', anchor: { fragment: 'section:purpose', start: '!!', end: 'AA==', quote: 'q' } },
      { section: 'purpose', body: 'x', mentions: ['nobody'] },
    ];
    for (const body of bad) expect((await call(a.token, a, '/threads', 'POST', body)).status, JSON.stringify(body)).toBe(400);
    expect((await call(a.token, a, '/threads/AAAAAAAAAAAAAAAA/comments', 'POST', { body: 'x' })).status).toBe(404);
    expect((await call(a.token, a, '/threads/bad/comments', 'POST', { body: 'x' })).status).toBe(404);
  });
});

describe('text anchors', () => {
  const b64 = (rpos: Y.RelativePosition): string => Buffer.from(Y.encodeRelativePosition(rpos)).toString('base64');
  const resolve = (doc: Y.Doc, anchor: Anchor): string => {
    const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(anchor.start, 'base64')), doc);
    const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(anchor.end, 'base64')), doc);
    if (!start || !end || start.type !== end.type) return '';
    return (start.type as Y.XmlText).toString().slice(start.index, end.index);
  };
  const textNode = (doc: Y.Doc): Y.XmlText => (doc.getXmlFragment(fragmentName('purpose')).get(0) as Y.XmlElement).get(0) as Y.XmlText;

  async function anchoredAgreement(): Promise<{ a: TestAgreement; alice: Client; bob: Client; bobP: Person; anchor: Anchor }> {
    const a = await createAgreement(server.url);
    const bobP = await invite(a, 'editor', 1, 'bob');
    const alice = connect(server.wsUrl, a.id, a.token);
    const bob = connect(server.wsUrl, a.id, bobP.token);
    cleanup.push(
      () => alice.destroy(),
      () => bob.destroy(),
    );
    await Promise.all([synced(alice), synced(bob)]);
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('Les parties collaborent aux services d’emploi.');
    p.insert(0, [text]);
    alice.doc.getXmlFragment(fragmentName('purpose')).push([p]);
    const from = 'Les parties '.length;
    const to = from + 'collaborent'.length;
    // The end associates to the left, so typing right after the range does not extend it.
    const anchor = {
      fragment: fragmentName('purpose'),
      start: b64(Y.createRelativePositionFromTypeIndex(text, from)),
      end: b64(Y.createRelativePositionFromTypeIndex(text, to, -1)),
      quote: 'collaborent',
    };
    await waitFor(() => bob.doc.getXmlFragment(fragmentName('purpose')).length === 1, 'bob has the text');
    return { a, alice, bob, bobP, anchor };
  }

  it('an anchor stays on its text after concurrent inserts and deletes from two clients', async () => {
    const { a, alice, bob, anchor } = await anchoredAgreement();
    const t = (await call<ThreadView>(a.token, a, '/threads', 'POST', { section: 'purpose', anchor, body: 'Quel verbe ?' })).body;
    // Concurrently: Alice types before the range and right after it, Bob deletes before it and types inside it.
    textNode(alice.doc).insert(0, 'Préambule : ');
    textNode(alice.doc).insert('Préambule : Les parties collaborent'.length, ' activement');
    textNode(bob.doc).delete(0, 'Les '.length);
    textNode(bob.doc).insert('parties collabo'.length, '-');
    await waitFor(
      () =>
        textNode(alice.doc).toString() === textNode(bob.doc).toString() &&
        textNode(alice.doc).toString().includes('activement') &&
        textNode(alice.doc).toString().includes('-'),
      'converged',
    );
    expect(textNode(alice.doc).toString()).toBe('Préambule : parties collabo-rent activement aux services d’emploi.');
    expect(resolve(alice.doc, anchor)).toBe('collabo-rent');
    expect(resolve(bob.doc, anchor)).toBe('collabo-rent');
    await waitFor(() => resolve(server.rooms.loaded(a.id)!.snapshot(), anchor) === 'collabo-rent', 'server converged');
    expect((await threadsOf(a.token, a)).find((x) => x.id === t.id)?.orphaned).toBe(false);
  });

  it('when the anchored text is deleted the thread remains, orphaned, with its quote', async () => {
    const { a, bob, anchor } = await anchoredAgreement();
    const t = (await call<ThreadView>(a.token, a, '/threads', 'POST', { section: 'purpose', anchor, body: 'Quel verbe ?' })).body;
    expect(t.orphaned).toBe(false);
    textNode(bob.doc).delete('Les parties '.length - 1, ' collaborent'.length);
    await waitFor(() => !textNode(server.rooms.loaded(a.id)!.snapshot()).toString().includes('collaborent'), 'deleted on the server');
    const after = (await threadsOf(a.token, a)).find((x) => x.id === t.id);
    expect(after).toMatchObject({ orphaned: true, anchor: { quote: 'collaborent' } });
  });
});
