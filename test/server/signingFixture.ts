import { expect } from 'vitest';
import type { ParticipantView, StatusView } from '../../shared/api';
import { fragmentName } from '../../shared/schema';
import { activeSections } from '../../shared/included';
import { mouTemplate } from '../../shared/templates/mou';
import { fillEverything } from './fill';
import { agreementCall, connect, createAgreement, invite, synced, waitFor, type Invited, type TestAgreement } from './harness';

export interface ReadyAgreement {
  a: TestAgreement;
  /** The owner (party 0), designated to sign. */
  ownerId: string;
  /** An editor of party 1, designated to sign. */
  partner: Invited;
  call<T>(token: string, path: string, method?: string, body?: unknown): Promise<{ status: number; body: T }>;
  status(token?: string): Promise<StatusView>;
  lock(): Promise<StatusView>;
  sign(token: string, fullName: string, hash: string): Promise<{ status: number; body: StatusView }>;
}

/**
 * Through REST and a real websocket client: an agreement between two
 * parties, filled, approved by both, ready to lock; the owner signs for
 * party 0 and a partner editor for party 1. The clients are destroyed
 * before it returns.
 */
export async function readyAgreement(url: string): Promise<ReadyAgreement> {
  const a = await createAgreement(url, { title: 'Entente PAM', owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 } });
  const call = <T>(token: string, path: string, method = 'GET', body?: unknown) => agreementCall<T>(url, token, a.id, path, method, body);
  const partner = await invite(url, a, { role: 'editor', name: 'Paul Partenaire', signatory: true });
  const ownerId = (await call<{ participants: ParticipantView[] }>(a.token, '/participants')).body.participants[0]!.id;
  expect((await call(a.token, `/participants/${ownerId}`, 'PATCH', { signatory: true })).status).toBe(200);

  const wsUrl = url.replace(/^http/, 'ws');
  const owner = connect(wsUrl, a.id, a.token);
  const other = connect(wsUrl, a.id, partner.token);
  try {
    await Promise.all([synced(owner), synced(other)]);
    fillEverything(owner.doc);
    await waitFor(() => other.doc.getXmlFragment(fragmentName('purpose')).length === 1, 'the partner has the filled document');
  } finally {
    owner.destroy();
    other.destroy();
  }
  // As in the editor: approvals come after the edits have settled (the server reconciles approvals after each store).
  await new Promise((r) => setTimeout(r, 50));
  for (const token of [a.token, partner.token]) {
    for (const s of activeSections(mouTemplate, {})) expect((await call(token, '/approvals', 'POST', { section: s.key })).status).toBe(201);
  }
  const status = async (token = a.token): Promise<StatusView> => (await call<StatusView>(token, '/status')).body;
  return {
    a,
    ownerId,
    partner,
    call,
    status,
    async lock() {
      const res = await call<StatusView>(a.token, '/lock', 'POST');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    },
    sign: (token, fullName, hash) => call<StatusView>(token, '/sign', 'POST', { fullName, title: 'Direction', versionHash: hash }),
  };
}
