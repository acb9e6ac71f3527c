import { describe, expect, it } from 'vitest';
import type { AuditView } from '../../../shared/api';
import type { Comparison, HistoryEntryView, HistoryList } from '../../../shared/historySchemas';
import { fragmentName, getDuration } from '../../../shared/schema';
import { fragmentToText } from '../../../shared/render';
import { agreementCall, connect, createAgreement, invite, synced, useCleanup, useTestServer, waitFor, type Client, type TestAgreement } from '../harness';
import { paragraph } from '../fill';
import { ManualClock } from './manualClock';
import { readyAgreement } from '../signingFixture';

const clock = new ManualClock();
const IDLE = 1_000;
const MAX = 5_000;
const server = useTestServer({ history: { timing: { idleMs: IDLE, maxMs: MAX }, clock } });
const cleanup = useCleanup();

const call = <T>(token: string, a: { id: string }, path: string, method = 'GET', body?: unknown) =>
  agreementCall<T>(server.url, token, a.id, path, method, body);
const list = async (token: string, a: TestAgreement): Promise<HistoryList> => (await call<HistoryList>(token, a, '/history')).body;

async function open(token: string, a: TestAgreement): Promise<Client> {
  const c = connect(server.wsUrl, a.id, token);
  cleanup.push(() => c.destroy());
  await synced(c);
  return c;
}

/** Types into the purpose section and waits until the server has stored it (it stores in the turn after it applies an update). */
async function type(c: Client, text: string): Promise<void> {
  const fragment = c.doc.getXmlFragment(fragmentName('purpose'));
  fragment.push([paragraph(text)]);
  const id = c.provider.roomname;
  const expected = fragmentToText(fragment);
  await waitFor(() => server.rooms.read(id, (doc) => fragmentToText(doc.getXmlFragment(fragmentName('purpose')))) === expected, 'the server has the edit');
  await new Promise((r) => setTimeout(r, 20));
}

async function setUp() {
  clock.advance(10 * MAX); // nothing left over from another test
  const a = await createAgreement(server.url);
  const editor = await invite(server.url, a, { role: 'editor', name: 'Béa Éditrice' });
  const commenter = await invite(server.url, a, { role: 'commenter', name: 'Chloé' });
  return { a, editor, commenter };
}

describe('automatic checkpoints', () => {
  it('a new agreement starts with its created version; a checkpoint follows once editing stops', async () => {
    const { a, editor } = await setUp();
    const first = await list(a.token, a);
    expect(first.versions.map((v) => v.kind)).toEqual(['created']);
    const c = await open(editor.token, a);
    await type(c, 'Former des jeunes');
    clock.advance(IDLE - 1);
    expect((await list(a.token, a)).versions).toHaveLength(1);
    clock.advance(1);
    const [latest] = (await list(a.token, a)).versions;
    expect(latest).toMatchObject({ kind: 'auto', number: 2, sections: ['purpose'], parties: [], createdBy: null });
    expect(latest?.authors).toEqual([{ id: editor.id, name: 'Béa Éditrice' }]);
  });

  it('while editing goes on, one checkpoint at most every few minutes', async () => {
    const { a, editor } = await setUp();
    const c = await open(editor.token, a);
    for (let i = 0; i < 6; i++) {
      await type(c, `Paragraphe ${i}`);
      clock.advance(IDLE - 100); // never idle long enough
    }
    const kinds = (await list(a.token, a)).versions.map((v) => v.kind);
    expect(kinds).toEqual(['auto', 'created']);
  });

  it('an unchanged text makes no checkpoint, and leaving records what the participant saw', async () => {
    const { a, editor } = await setUp();
    const c = await open(editor.token, a);
    await type(c, 'Un');
    clock.advance(IDLE);
    const before = (await list(editor.token, a)).versions;
    c.provider.disconnect();
    await waitFor(() => true);
    let seen: string | null = null;
    for (let i = 0; i < 100 && seen === null; i++) {
      seen = (await list(editor.token, a)).lastSeenId;
      await new Promise((r) => setTimeout(r, 20));
    }
    const after = (await list(editor.token, a)).versions;
    expect(after).toHaveLength(before.length);
    expect(seen).toBe(after[0]?.id);
    expect((await list(a.token, a)).lastSeenId).toBeNull();
  });
});

describe('named versions and rights', () => {
  it('an editor names the current state; the list says who, and the last named one is "the version sent to us"', async () => {
    const { a, editor, commenter } = await setUp();
    const res = await call<HistoryEntryView>(editor.token, a, '/history', 'POST', { name: 'Envoyée à Réseau Emploi, 12 mars' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'named', name: 'Envoyée à Réseau Emploi, 12 mars', createdBy: { id: editor.id } });
    const l = await list(commenter.token, a);
    expect(l.lastNamedId).toBe(res.body.id);
    expect(l.versions[0]?.id).toBe(res.body.id);
    expect((await call(commenter.token, a, '/history', 'POST', { name: 'Nope' })).status).toBe(403);
    expect((await call(editor.token, a, '/history', 'POST', { name: 'x'.repeat(201) })).status).toBe(400);
    expect((await call(editor.token, a, '/history', 'POST', { name: '   ' })).status).toBe(400);
  });

  it('unknown ids and another agreement’s versions are 404s; a malformed side is a 400', async () => {
    const { a } = await setUp();
    const other = await createAgreement(server.url);
    const otherId = (await list(other.token, other)).versions[0]?.id ?? '';
    expect((await call(a.token, a, `/history/${otherId}`)).status).toBe(404);
    expect((await call(a.token, a, `/history/AAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await call(a.token, a, `/history/nope`)).status).toBe(404);
    expect((await call(a.token, a, `/compare?from=${otherId}&to=current`)).status).toBe(404);
    expect((await call(a.token, a, `/compare?from=bad`)).status).toBe(400);
    expect((await call(a.token, a, `/history/${otherId}/restore`, 'POST', {})).status).toBe(404);
  });
});

describe('compare and restore', () => {
  it('compares a version with the current text, naming who changed each section', async () => {
    const { a, editor } = await setUp();
    const c = await open(editor.token, a);
    await type(c, 'Les parties forment des jeunes à Sudbury');
    clock.advance(IDLE);
    const v2 = (await list(a.token, a)).versions[0]!;
    const purpose = c.doc.getXmlFragment(fragmentName('purpose'));
    c.doc.transact(() => {
      purpose.delete(0, purpose.length);
      purpose.push([paragraph('Les parties forment des adultes à Sudbury')]);
      getDuration(c.doc).set('termYears', 5);
    });
    await waitFor(() => clock.pending > 0, 'stored');
    await new Promise((r) => setTimeout(r, 50));
    const cmp = (await call<Comparison>(a.token, a, `/compare?from=${v2.id}&to=current`)).body;
    expect(cmp.changedSections.sort()).toEqual(['duration', 'purpose']);
    const p = cmp.sections.find((s) => s.key === 'purpose')!;
    expect(p.texts[0]?.ops.filter((o) => o.op !== 'same')).toEqual([
      { op: 'del', text: 'jeunes' },
      { op: 'ins', text: 'adultes', by: [{ id: editor.id, name: 'Béa Éditrice' }] },
    ]);
    expect(p.authors.map((x) => x.name)).toEqual(['Béa Éditrice']);
    const d = cmp.sections.find((s) => s.key === 'duration')!;
    expect(d.fields).toContainEqual({ partyId: null, field: 'termYears', item: null, before: expect.any(String) as string, after: '5' });
    expect(cmp.sections.find((s) => s.key === 'signatories')?.changed).toBe(false);
    expect(cmp.from).toMatchObject({ id: v2.id, number: v2.number, hash: v2.hash });
    expect(cmp.to.kind).toBe('current');
  });

  it('a restore is a new change on top: the old text comes back, the history grows, the audit says so', async () => {
    const { a, editor, commenter } = await setUp();
    const c = await open(editor.token, a);
    await type(c, 'Texte d’origine');
    clock.advance(IDLE);
    const original = (await list(a.token, a)).versions[0]!;
    const purpose = c.doc.getXmlFragment(fragmentName('purpose'));
    c.doc.transact(() => {
      purpose.delete(0, purpose.length);
      purpose.push([paragraph('Texte remplacé')]);
    });
    await waitFor(() => clock.pending > 0, 'stored');
    clock.advance(IDLE);
    expect((await call(commenter.token, a, `/history/${original.id}/restore`, 'POST', {})).status).toBe(403);
    expect((await call(editor.token, a, `/history/${original.id}/restore`, 'POST', { section: 'nope' })).status).toBe(400);
    const res = await call<HistoryEntryView>(editor.token, a, `/history/${original.id}/restore`, 'POST', { section: 'purpose' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'restored', restoredFrom: original.number, sections: ['purpose'], createdBy: { id: editor.id } });
    await waitFor(() => fragmentToText(purpose) === 'Texte d’origine', 'the client receives the restored text');
    const versions = (await list(a.token, a)).versions;
    expect(versions.map((v) => v.kind)).toEqual(['restored', 'auto', 'auto', 'created']);
    expect(versions[0]?.hash).toBe(original.hash);
    const audit = (await call<AuditView>(a.token, a, '/audit')).body;
    expect(audit.entries.at(-1)).toMatchObject({ action: 'restored', details: { version: original.number, section: 'purpose', sections: ['purpose'] } });
  });

  it('a lock keeps a copy of the locked version in the history; nothing is restored while locked', async () => {
    clock.advance(10 * MAX);
    const r = await readyAgreement(server.url);
    const status = await r.lock();
    const versions = (await list(r.a.token, r.a)).versions;
    expect(versions[0]).toMatchObject({ kind: 'locked', lockedVersion: 1, hash: status.version?.hash, createdBy: { id: r.ownerId } });
    const created = versions.at(-1)!;
    const res = await call<{ error: string }>(r.partner.token, r.a, `/history/${created.id}/restore`, 'POST', {});
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('locked');
  });

  it('a restore clears the approvals of the sections it changes, like any edit', async () => {
    clock.advance(10 * MAX);
    const r = await readyAgreement(server.url);
    const named = (await call<HistoryEntryView>(r.a.token, r.a, '/history', 'POST', { name: 'Approuvée' })).body;
    const c = await open(r.partner.token, r.a);
    const purpose = c.doc.getXmlFragment(fragmentName('purpose'));
    purpose.push([paragraph('Une phrase de plus')]);
    const approved = async () => (await r.status()).validApprovals.filter((k) => k.startsWith('purpose:')).length;
    await waitFor(() => true);
    await expect.poll(approved, { timeout: 5_000 }).toBe(0);
    for (const token of [r.a.token, r.partner.token]) expect((await r.call(token, '/approvals', 'POST', { section: 'purpose' })).status).toBe(201);
    expect(await approved()).toBe(2);
    expect((await call(r.partner.token, r.a, `/history/${named.id}/restore`, 'POST', {})).status).toBe(201);
    await waitFor(() => fragmentToText(purpose) === 'Collaborer', 'the partner receives the restored text');
    await expect.poll(approved, { timeout: 5_000 }).toBe(0);
    const status = await r.status();
    expect(status.validApprovals.some((k) => k.startsWith('parties:'))).toBe(true);
    // The server checks approvals 200 ms after edits are stored, and logs each one it clears.
    const actions = async () => (await call<AuditView>(r.a.token, r.a, '/audit')).body.entries.map((e) => e.action);
    const sinceRestore = async () => {
      const all = await actions();
      return all.slice(all.lastIndexOf('restored'));
    };
    await expect.poll(sinceRestore, { timeout: 5_000 }).toEqual(['restored', 'approvals_cleared', 'approvals_cleared']);
  });
});
