import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { CloseCode } from '../../shared/closeCodes';
import { fragmentName, partyIdsOf } from '../../shared/schema';
import { updateMessage } from '../../server/sync/protocol';
import type { ParticipantView } from '../../shared/api';
import {
  api,
  connect,
  createAgreement,
  invite as inviteAs,
  rawSocket,
  useTestServer,
  synced,
  waitFor,
  type Client,
  type Invited,
  type TestAgreement,
} from './harness';
import { paragraph } from './fill';

const server = useTestServer();
const clients: Client[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

const open = (a: { id: string }, token: string): Client => {
  const c = connect(server.wsUrl, a.id, token);
  clients.push(c);
  return c;
};

const invite = (
  a: TestAgreement,
  role: 'editor' | 'commenter' | 'viewer',
  extra: { name?: string; signatory?: boolean; partyIndex?: number } = {},
): Promise<Invited> => inviteAs(server.url, a, { role, ...extra });
const purposeOf = (doc: Y.Doc): string => doc.getXmlFragment(fragmentName('purpose')).toString();

describe('access on REST', () => {
  it('no session is 401, another agreement’s token is 403', async () => {
    const a = await createAgreement(server.url);
    const b = await createAgreement(server.url);
    for (const path of ['', '/me', '/participants']) {
      expect((await api(server.url, undefined, `/api/agreements/${a.id}${path}`)).status, path).toBe(401);
      expect((await api(server.url, 'made-up-token', `/api/agreements/${a.id}${path}`)).status, path).toBe(401);
      const res = await api(server.url, b.token, `/api/agreements/${a.id}${path}`);
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: string }).error).toBe('forbidden');
    }
  });

  it('each role reads; only the owner invites, changes roles and revokes', async () => {
    const a = await createAgreement(server.url);
    const editor = await invite(a, 'editor');
    const commenter = await invite(a, 'commenter');
    const viewer = await invite(a, 'viewer');
    for (const p of [editor, commenter, viewer]) {
      expect((await api(server.url, p.token, `/api/agreements/${a.id}`)).status).toBe(200);
      const me = (await (await api(server.url, p.token, `/api/agreements/${a.id}/me`)).json()) as {
        participant: { role: string };
        can: Record<string, boolean>;
      };
      expect(me.participant.role).toBe(p.role);
      expect(me.can.manage).toBe(false);
      const body = { name: 'X', email: 'x@example.org', partyId: a.content.parties[0]?.id, role: 'editor' };
      expect((await api(server.url, p.token, `/api/agreements/${a.id}/participants`, { method: 'POST', body })).status).toBe(403);
      expect((await api(server.url, p.token, `/api/agreements/${a.id}/participants/${viewer.id}`, { method: 'PATCH', body: { role: 'editor' } })).status).toBe(
        403,
      );
      expect((await api(server.url, p.token, `/api/agreements/${a.id}/participants/${viewer.id}`, { method: 'DELETE' })).status).toBe(403);
    }
    const list = (await (await api(server.url, viewer.token, `/api/agreements/${a.id}/participants`)).json()) as { participants: ParticipantView[] };
    expect(list.participants.map((p) => p.role)).toEqual(['owner', 'editor', 'commenter', 'viewer']);
    // Links are shown once, when issued (test/server/tokens.test.ts): no list carries them.
    expect(list.participants.every((p) => p.link === undefined)).toBe(true);
  });

  it('the owner marks signatories, several per party', async () => {
    const a = await createAgreement(server.url);
    const first = await invite(a, 'editor', { signatory: true });
    const second = await invite(a, 'viewer');
    const res = await api(server.url, a.token, `/api/agreements/${a.id}/participants/${second.id}`, { method: 'PATCH', body: { signatory: true } });
    expect(res.status).toBe(200);
    const list = (await (await api(server.url, a.token, `/api/agreements/${a.id}/participants`)).json()) as { participants: ParticipantView[] };
    expect(list.participants.filter((p) => p.signatory).map((p) => p.id)).toEqual([first.id, second.id]);
  });

  it('invitations are validated', async () => {
    const a = await createAgreement(server.url);
    const partyId = a.content.parties[0]?.id;
    const bad = [
      { name: 'X', email: 'x@example.org', partyId: 'nope', role: 'editor' },
      { name: 'X', email: 'x@example.org', partyId, role: 'owner' },
      { name: '', email: 'x@example.org', partyId, role: 'editor' },
      { name: 'X', email: 'nope', partyId, role: 'editor' },
    ];
    for (const body of bad) {
      const res = await api(server.url, a.token, `/api/agreements/${a.id}/participants`, { method: 'POST', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api(server.url, a.token, `/api/agreements/${a.id}/participants`, { method: 'POST', body: '{oops' })).status).toBe(400);
    expect(
      (await api(server.url, a.token, `/api/agreements/${a.id}/participants/AAAAAAAAAAAAAAAA`, { method: 'PATCH', body: { role: 'viewer' } })).status,
    ).toBe(404);
  });

  it('a personal link starts a cookie session and opens the agreement', async () => {
    const a = await createAgreement(server.url);
    const viewer = await invite(a, 'viewer');
    const res = await fetch(`${server.url}/join/${viewer.token}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/a/${a.id}`);
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    const me = (await (await fetch(`${server.url}/api/agreements/${a.id}/me`, { headers: { cookie } })).json()) as { participant: { id: string } };
    expect(me.participant.id).toBe(viewer.id);
    const bad = await fetch(`${server.url}/join/not-a-real-token`, { redirect: 'manual' });
    expect(bad.headers.get('location')).toBe('/?link=invalid');
  });

  it('names with HTML, SQL or path characters are stored as given', async () => {
    const a = await createAgreement(server.url);
    const name = `<img src=x onerror=alert(1)>'; DROP TABLE participants; -- ../../etc/passwd`;
    const p = await invite(a, 'viewer', { name });
    const list = (await (await api(server.url, a.token, `/api/agreements/${a.id}/participants`)).json()) as { participants: ParticipantView[] };
    expect(list.participants.find((x) => x.id === p.id)?.name).toBe(name);
  });
});

describe('access on the websocket', () => {
  it('no session closes 4401; another agreement’s token closes 4403', async () => {
    const a = await createAgreement(server.url);
    const b = await createAgreement(server.url);
    expect((await (await rawSocket(server.wsUrl, a.id)).closed).code).toBe(CloseCode.Unauthenticated);
    expect((await (await rawSocket(server.wsUrl, a.id, 'forged')).closed).code).toBe(CloseCode.Unauthenticated);
    expect((await (await rawSocket(server.wsUrl, a.id, b.token)).closed).code).toBe(CloseCode.Forbidden);
  });

  it('the session cookie opens the websocket', async () => {
    const a = await createAgreement(server.url);
    const res = await fetch(`${server.url}/join/${a.token}`, { redirect: 'manual' });
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    const ws = new WebSocket(`${server.wsUrl}/sync/${a.id}`, { headers: { cookie } });
    const first = await new Promise<Buffer>((resolve, reject) => {
      ws.once('message', (m) => resolve(m as Buffer));
      ws.once('close', (code) => reject(new Error(`closed ${code}`)));
    });
    expect(first[0]).toBe(0); // sync step 1: accepted
    ws.close();
  });

  for (const role of ['viewer', 'commenter'] as const) {
    it(`a ${role} receives the document, but their crafted update is neither stored nor broadcast`, async () => {
      const a = await createAgreement(server.url);
      const p = await invite(a, role);
      const owner = open(a, a.token);
      const reader = open(a, p.token);
      await Promise.all([synced(owner), synced(reader)]);
      owner.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('texte du propriétaire')]);
      await waitFor(() => purposeOf(reader.doc).includes('texte du propriétaire'), 'reader receives');
      expect(partyIdsOf(reader.doc)).toHaveLength(2);

      // Through the real client...
      reader.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('écrit par le lecteur')]);
      // ...and as raw bytes, an update built by hand.
      const forged = new Y.Doc();
      forged.getText('forged').insert(0, 'forgery');
      const raw = await rawSocket(server.wsUrl, a.id, p.token);
      raw.ws.send(updateMessage(Y.encodeStateAsUpdate(forged)));
      await new Promise((r) => setTimeout(r, 300));
      expect(raw.ws.readyState).toBe(WebSocket.OPEN);
      raw.ws.close();

      expect(purposeOf(owner.doc)).not.toContain('écrit par le lecteur');
      expect(owner.doc.getText('forged').toString()).toBe('');
      const room = server.rooms.loaded(a.id);
      expect(purposeOf(room!.snapshot())).not.toContain('écrit par le lecteur');
      // Nothing reached storage either: a fresh load shows only the owner's text.
      const stored = (await (await api(server.url, a.token, `/api/agreements/${a.id}`)).json()) as { content: { sections: Record<string, string> } };
      expect(stored.content.sections['purpose']).toBe('texte du propriétaire');
    });
  }

  it('an editor can write', async () => {
    const a = await createAgreement(server.url);
    const p = await invite(a, 'editor');
    const owner = open(a, a.token);
    const editor = open(a, p.token);
    await Promise.all([synced(owner), synced(editor)]);
    editor.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('de l’éditrice')]);
    await waitFor(() => purposeOf(owner.doc).includes('de l’éditrice'), 'owner receives');
  });

  it('a role change takes effect on live connections at once', async () => {
    const a = await createAgreement(server.url);
    const p = await invite(a, 'editor');
    const owner = open(a, a.token);
    const editor = open(a, p.token);
    await Promise.all([synced(owner), synced(editor)]);
    const closes: number[] = [];
    editor.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    const res = await api(server.url, a.token, `/api/agreements/${a.id}/participants/${p.id}`, { method: 'PATCH', body: { role: 'viewer' } });
    expect(res.status).toBe(200);
    await waitFor(() => closes.includes(CloseCode.RightsChanged), 'closed with RightsChanged');
    // The client reconnects by itself, now as a viewer.
    await waitFor(() => editor.provider.synced, 'reconnected');
    editor.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('après rétrogradation')]);
    await new Promise((r) => setTimeout(r, 300));
    expect(purposeOf(owner.doc)).not.toContain('après rétrogradation');
  });

  it('a revoked participant is disconnected and cannot come back', async () => {
    const a = await createAgreement(server.url);
    const p = await invite(a, 'editor');
    const cookie = (await fetch(`${server.url}/join/${p.token}`, { redirect: 'manual' })).headers.get('set-cookie')?.split(';')[0] ?? '';
    const editor = open(a, p.token);
    await synced(editor);
    const closes: number[] = [];
    editor.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    const res = await api(server.url, a.token, `/api/agreements/${a.id}/participants/${p.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ParticipantView).revokedAt).not.toBeNull();
    await waitFor(() => closes.includes(CloseCode.Revoked), 'closed with Revoked');
    expect((await (await rawSocket(server.wsUrl, a.id, p.token)).closed).code).toBe(CloseCode.Forbidden);
    expect((await api(server.url, p.token, `/api/agreements/${a.id}`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/agreements/${a.id}`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${server.url}/join/${p.token}`, { redirect: 'manual' })).headers.get('location')).toBe('/?link=invalid');
  });
});
