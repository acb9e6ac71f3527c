import { expect } from 'vitest';
import type * as Y from 'yjs';
import type { AgreementDetail, ParticipantView, StatusView } from '../../../shared/api';
import { activeSections } from '../../../shared/included';
import { findTemplate } from '../../../shared/templates';
import { agreementCall, connect, startTestServer, synced, tokenOf } from '../harness';
import { readyAgreement } from '../signingFixture';
import { ManualClock } from './manualClock';

export interface OpenedAmendment {
  url: string;
  id: string;
  call<T>(path: string, method?: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A GET of a file (a redline), with the owner's session. */
  download(path: string): Promise<Response>;
}

/** The owner of `fromId` (an original, or an amendment) opens an amendment; calls on it go with the session cookie their browser gets. */
export async function openAmendment(url: string, fromId: string, auth: { token: string } | { cookie: string }): Promise<OpenedAmendment & { cookie: string }> {
  const headers: Record<string, string> = 'token' in auth ? { authorization: `Bearer ${auth.token}` } : { cookie: auth.cookie };
  const res = await fetch(`${url}/api/agreements/${fromId}/amendments`, { method: 'POST', headers });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return asOwner(url, id, (res.headers.get('set-cookie') ?? '').split(';')[0]!);
}

/** Calls on agreement `id` with its owner's session cookie. */
export function asOwner(url: string, id: string, cookie: string): OpenedAmendment & { cookie: string } {
  return {
    url,
    id,
    cookie,
    async call<T>(path: string, method = 'GET', body?: unknown) {
      const headers: Record<string, string> = { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
      const answer = await fetch(`${url}/api/agreements/${id}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await answer.text();
      return { status: answer.status, body: (text ? JSON.parse(text) : null) as T };
    },
    download: (path) => fetch(`${url}/api/agreements/${id}${path}`, { headers: { cookie } }),
  };
}

/**
 * As for any agreement: the partner is invited again to sign (and, given
 * `edit`, changes the text over a real socket first), both parties approve
 * each section, the owner locks, both sign.
 */
export async function signAmendment(am: OpenedAmendment, edit?: (doc: Y.Doc) => void): Promise<void> {
  const draft = (await am.call<AgreementDetail>('')).body;
  const ownerId = (await am.call<{ participants: ParticipantView[] }>('/participants')).body.participants[0]!.id;
  expect((await am.call(`/participants/${ownerId}`, 'PATCH', { signatory: true })).status).toBe(200);
  const partner = await am.call<ParticipantView>('/participants', 'POST', {
    name: 'Paul Partenaire',
    email: 'paul@example.org',
    partyId: draft.content.parties[1]!.id,
    role: 'editor',
    signatory: true,
  });
  expect(partner.status).toBe(201);
  const token = tokenOf(partner.body.link ?? '');
  const asPartner = <T>(path: string, method = 'GET', body?: unknown) => agreementCall<T>(am.url, token, am.id, path, method, body);
  if (edit) await editAs(am, token, edit);
  const template = findTemplate(draft.content.templateId)!;
  for (const section of activeSections(template, draft.content)) {
    expect((await am.call('/approvals', 'POST', { section: section.key })).status).toBe(201);
    expect((await asPartner('/approvals', 'POST', { section: section.key })).status).toBe(201);
  }
  if (template.legalReviewAdvised)
    expect((await am.call('/legal-review', 'POST', { reviewer: 'Me Lavoie', reviewedOn: new Date().toISOString().slice(0, 10) })).status).toBe(201);
  const locked = await am.call<StatusView>('/lock', 'POST');
  expect(locked.status, JSON.stringify(locked.body)).toBe(200);
  const versionHash = locked.body.version!.hash;
  expect((await asPartner('/sign', 'POST', { fullName: 'Paul Partenaire', title: 'Direction', versionHash })).status).toBe(200);
  expect((await am.call('/sign', 'POST', { fullName: 'Odile', title: 'Direction', versionHash })).status).toBe(200);
}

/** Edits an agreement over a real socket with a participant's token, and waits until the server has stored the edit. */
export async function editAs(am: OpenedAmendment, token: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const before = JSON.stringify((await am.call<AgreementDetail>('')).body.content);
  const client = connect(am.url.replace(/^http/, 'ws'), am.id, token);
  try {
    await synced(client);
    edit(client.doc);
    let stored = false;
    for (let tries = 0; !stored && tries < 100; tries++) {
      await new Promise((done) => setTimeout(done, 50));
      stored = JSON.stringify((await am.call<AgreementDetail>('')).body.content) !== before;
    }
    if (!stored) throw new Error('the edit was not stored');
  } finally {
    client.destroy();
  }
  // As in the editor: approvals come after the edits have settled (the server reconciles approvals after each store).
  await new Promise((r) => setTimeout(r, 50));
}

/**
 * A real server with a signed MOU (both parties signed, today), on `clock`
 * when the test moves time: where every amendment test starts. The server is
 * disposed by `cleanup`.
 */
export async function signedOriginal(cleanup: { push(fn: () => Promise<void> | void): void }, clock?: ManualClock) {
  const server = await startTestServer(clock ? { clock } : {});
  cleanup.push(() => server.dispose());
  const r = await readyAgreement(server.url);
  const { version } = await r.lock();
  await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
  await r.sign(r.a.token, 'Odile', version!.hash);
  return { server, r };
}
