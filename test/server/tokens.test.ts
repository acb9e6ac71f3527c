import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/closeCodes';
import type { AuditView, Me, ParticipantView } from '../../shared/api';
import { MIGRATIONS } from '../../server/store/db';
import { sqliteSql } from '../../server/store/migrations';
import { agreementCall, api, createAgreement, invite, rawSocket, tempDir, tokenOf, startTestServer, useTestServer } from './harness';

/**
 * Personal links are stored as hashes only: a copy of the database opens no
 * agreement. A link is shown once, when it is issued; the owner can issue a
 * new one, which shuts the old one out everywhere.
 */

const server = useTestServer();

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Every byte SQLite keeps on disk for this data directory: the database and its WAL. */
function diskBytes(dataDir: string): Buffer {
  const file = join(dataDir, 'entente.sqlite');
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

const columnsOf = (dataDir: string): string[] => {
  const db = new Database(join(dataDir, 'entente.sqlite'), { readonly: true });
  try {
    return (db.pragma('table_info(participants)') as { name: string }[]).map((c) => c.name);
  } finally {
    db.close();
  }
};

const join_ = (token: string): Promise<Response> => fetch(`${server.url}/join/${token}`, { redirect: 'manual' });
const cookieOf = (res: Response): string => res.headers.get('set-cookie')?.split(';')[0] ?? '';
const firstFrame = async (token: string, agreementId: string): Promise<number | undefined> => {
  const { ws, messages } = await rawSocket(server.wsUrl, agreementId, token);
  await new Promise<void>((resolve) => (messages.length > 0 ? resolve() : ws.once('message', () => resolve())));
  ws.close();
  return messages[0]?.[0];
};

describe('personal links are stored as hashes only', () => {
  it('the database holds no link token, only the hashes that find them', async () => {
    const a = await createAgreement(server.url);
    const editor = await invite(server.url, a, { role: 'editor' });
    const viewer = await invite(server.url, a, { role: 'viewer', partyIndex: 0 });
    const renewed = await agreementCall<ParticipantView>(server.url, a.token, a.id, `/participants/${viewer.id}/link`, 'POST');
    const tokens = [a.token, editor.token, viewer.token, tokenOf(renewed.body.link ?? '')];
    expect(new Set(tokens).size).toBe(4);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect(columnsOf(server.dataDir)).not.toContain('token');
    const bytes = diskBytes(server.dataDir);
    for (const t of tokens) expect(bytes.includes(t), 'token on disk').toBe(false);
    // The hashes are there: that is how the links still work.
    for (const t of [a.token, editor.token, tokenOf(renewed.body.link ?? '')]) expect(bytes.includes(sha256(t))).toBe(true);
  });

  it('lists and /me carry no link, for anyone, the owner included', async () => {
    const a = await createAgreement(server.url);
    const editor = await invite(server.url, a, { role: 'editor' });
    expect(editor.link).toMatch(/^\/join\//);
    for (const token of [a.token, editor.token]) {
      const list = await agreementCall<{ participants: ParticipantView[] }>(server.url, token, a.id, '/participants');
      expect(list.body.participants).toHaveLength(2);
      expect(list.body.participants.every((p) => !('link' in p))).toBe(true);
      const me = await agreementCall<Me>(server.url, token, a.id, '/me');
      expect('link' in me.body.participant).toBe(false);
    }
  });
});

describe('the owner re-issues a link', () => {
  it('the old link stops working on /join, as a bearer token and on the websocket; the new one works', async () => {
    const a = await createAgreement(server.url);
    const p = await invite(server.url, a, { role: 'editor', name: 'Émile Éditeur' });
    const oldCookie = cookieOf(await join_(p.token));
    const live = await rawSocket(server.wsUrl, a.id, p.token);

    const res = await agreementCall<ParticipantView>(server.url, a.token, a.id, `/participants/${p.id}/link`, 'POST');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: p.id, name: 'Émile Éditeur', role: 'editor', revokedAt: null });
    const fresh = tokenOf(res.body.link ?? '');
    expect(res.body.link).toBe(`/join/${fresh}`);
    expect(fresh).not.toBe(p.token);

    // Old link: refused everywhere, and what it opened is closed.
    expect((await join_(p.token)).headers.get('location')).toBe('/?link=invalid');
    expect((await api(server.url, p.token, `/api/agreements/${a.id}/me`)).status).toBe(401);
    expect((await (await rawSocket(server.wsUrl, a.id, p.token)).closed).code).toBe(CloseCode.Unauthenticated);
    expect((await live.closed).code).toBe(CloseCode.Unauthenticated);
    expect((await fetch(`${server.url}/api/agreements/${a.id}/me`, { headers: { cookie: oldCookie } })).status).toBe(401);

    // New link: a session, REST, and the websocket.
    const opened = await join_(fresh);
    expect(opened.headers.get('location')).toBe(`/a/${a.id}`);
    const me = (await (await fetch(`${server.url}/api/agreements/${a.id}/me`, { headers: { cookie: cookieOf(opened) } })).json()) as Me;
    expect(me.participant.id).toBe(p.id);
    expect((await agreementCall<Me>(server.url, fresh, a.id, '/me')).body.participant.role).toBe('editor');
    expect(await firstFrame(fresh, a.id)).toBe(0); // sync step 1: accepted
  });

  it('only the owner may, and only for a current participant of this agreement', async () => {
    const a = await createAgreement(server.url);
    const other = await createAgreement(server.url);
    const editor = await invite(server.url, a, { role: 'editor' });
    const commenter = await invite(server.url, a, { role: 'commenter' });
    const viewer = await invite(server.url, a, { role: 'viewer' });
    for (const by of [editor, commenter, viewer]) {
      for (const target of [viewer.id, by.id]) {
        const res = await agreementCall<{ error: string }>(server.url, by.token, a.id, `/participants/${target}/link`, 'POST');
        expect(res.status, `${by.role} → ${target}`).toBe(403);
        expect(res.body.error).toBe('forbidden');
      }
    }
    // Refusals changed nothing: the viewer's link still works.
    expect((await api(server.url, viewer.token, `/api/agreements/${a.id}/me`)).status).toBe(200);
    expect((await api(server.url, undefined, `/api/agreements/${a.id}/participants/${viewer.id}/link`, { method: 'POST' })).status).toBe(401);
    expect((await api(server.url, other.token, `/api/agreements/${a.id}/participants/${viewer.id}/link`, { method: 'POST' })).status).toBe(403);
    const otherOwner = (await agreementCall<Me>(server.url, other.token, other.id, '/me')).body.participant.id;
    expect((await agreementCall(server.url, a.token, a.id, `/participants/${otherOwner}/link`, 'POST')).status).toBe(404);
    expect((await agreementCall(server.url, a.token, a.id, '/participants/not-an-id/link', 'POST')).status).toBe(404);
    await agreementCall(server.url, a.token, a.id, `/participants/${commenter.id}`, 'DELETE');
    expect((await agreementCall(server.url, a.token, a.id, `/participants/${commenter.id}/link`, 'POST')).status).toBe(409);
    expect((await join_(commenter.token)).headers.get('location')).toBe('/?link=invalid');
  });

  it('is written in the audit log with who and for whom, never the token', async () => {
    const a = await createAgreement(server.url);
    const p = await invite(server.url, a, { role: 'viewer', name: 'Véra Lectrice' });
    const res = await agreementCall<ParticipantView>(server.url, a.token, a.id, `/participants/${p.id}/link`, 'POST');
    const audit = await agreementCall<AuditView>(server.url, a.token, a.id, '/audit');
    const entries = audit.body.entries.filter((e) => e.action === 'link_reissued');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toEqual({ participantId: p.id, name: 'Véra Lectrice' });
    expect(entries[0]?.actorName).toBe('Odile Owner');
    const text = JSON.stringify(audit.body);
    for (const t of [p.token, tokenOf(res.body.link ?? ''), a.token]) expect(text).not.toContain(t);
  });

  it('the owner renewing their own link stays signed in where they did it; everywhere else it ends', async () => {
    const a = await createAgreement(server.url);
    const here = cookieOf(await join_(a.token));
    const elsewhere = cookieOf(await join_(a.token));
    const res = await fetch(
      `${server.url}/api/agreements/${a.id}/participants/${(await agreementCall<Me>(server.url, a.token, a.id, '/me')).body.participant.id}/link`,
      {
        method: 'POST',
        headers: { cookie: here },
      },
    );
    expect(res.status).toBe(200);
    const fresh = tokenOf(((await res.json()) as ParticipantView).link ?? '');
    const meWith = (cookie: string): Promise<number> => fetch(`${server.url}/api/agreements/${a.id}/me`, { headers: { cookie } }).then((r) => r.status);
    expect(await meWith(here)).toBe(200);
    expect(await meWith(elsewhere)).toBe(401);
    expect((await api(server.url, a.token, `/api/agreements/${a.id}/me`)).status).toBe(401);
    expect((await api(server.url, fresh, `/api/agreements/${a.id}/me`)).status).toBe(200);
  });
});

describe('a data directory from before hashed-only links', () => {
  it('keeps every link working and keeps no plaintext', async () => {
    const dataDir = tempDir();
    const hashedOnly = MIGRATIONS.findIndex((m) => sqliteSql(m).includes('DROP COLUMN token'));
    expect(hashedOnly).toBeGreaterThan(0);
    // The database as the previous version left it: plaintext beside its hash.
    const old = new Database(join(dataDir, 'entente.sqlite'));
    old.pragma('journal_mode = WAL');
    for (const m of MIGRATIONS.slice(0, hashedOnly)) old.exec(sqliteSql(m));
    old.pragma(`user_version = ${hashedOnly}`);
    const id = 'A'.repeat(22);
    old
      .prepare("INSERT INTO agreements (id, title, language, template_id, created_at, updated_at) VALUES (?, 'Ancienne entente', 'fr', 'mou', '', '')")
      .run(id);
    const people: { id: string; role: string; token: string; revoked: string | null }[] = [
      { id: 'owner00000000000', role: 'owner', token: 'owner-token-from-before-xxxxxxxxxxxxxxxxxxxx', revoked: null },
      { id: 'editor0000000000', role: 'editor', token: 'editor-token-from-before-xxxxxxxxxxxxxxxxxxx', revoked: null },
      { id: 'viewer0000000000', role: 'viewer', token: 'viewer-token-from-before-xxxxxxxxxxxxxxxxxxx', revoked: '2024-01-01T00:00:00.000Z' },
    ];
    const insert = old.prepare(
      "INSERT INTO participants (id, agreement_id, name, email, party_id, role, signatory, token_hash, token, created_at, revoked_at) VALUES (?, ?, ?, 'x@example.org', 'party-a', ?, 0, ?, ?, '', ?)",
    );
    // Enough people to fill several pages: a table that grew keeps old bytes in page space no row uses.
    for (let i = 0; i < 300; i++)
      people.push({
        id: `filler${String(i).padStart(10, '0')}`,
        role: 'viewer',
        token: `filler-token-${String(i).padStart(4, '0')}-${'x'.repeat(26)}`,
        revoked: null,
      });
    for (const p of people) insert.run(p.id, id, `Nom ${p.role}`, p.role, sha256(p.token), p.token, p.revoked);
    // A hash out of step with its plaintext: what people hold is the plaintext, so it wins.
    old.prepare('UPDATE participants SET token_hash = ? WHERE id = ?').run(sha256('something else'), 'editor0000000000');
    old.close();
    expect(diskBytes(dataDir).includes(people[0]?.token ?? '-')).toBe(true);

    const s = await startTestServer({ dataDir });
    try {
      expect(columnsOf(dataDir)).not.toContain('token');
      const bytes = diskBytes(dataDir);
      expect(people.filter((p) => bytes.includes(p.token)).map((p) => p.id)).toEqual([]);

      const owner = await fetch(`${s.url}/join/${people[0]?.token}`, { redirect: 'manual' });
      expect(owner.headers.get('location')).toBe(`/a/${id}`);
      const me = (await (await fetch(`${s.url}/api/agreements/${id}/me`, { headers: { cookie: cookieOf(owner) } })).json()) as Me;
      expect(me.participant).toMatchObject({ id: 'owner00000000000', role: 'owner' });
      const editor = await agreementCall<Me>(s.url, people[1]?.token ?? '', id, '/me');
      expect(editor.body.participant).toMatchObject({ id: 'editor0000000000', role: 'editor' });
      // Revoked stays revoked.
      expect((await api(s.url, people[2]?.token, `/api/agreements/${id}/me`)).status).toBe(403);
    } finally {
      await s.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
