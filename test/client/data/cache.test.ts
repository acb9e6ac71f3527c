import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { Me, ParticipantView, PartyView, StatusView, ThreadView } from '../../../shared/api';
import { agreementCache } from '../../../client/data/cache';
import { agreementKeys } from '../../../client/data/queries';
import { createQueryClient } from '../../../client/data/queryClient';
import { applyEvent } from '../../../client/data/useLiveCache';

/**
 * The cache writes and what each live event does to the cache, on a real
 * QueryClient configured as the page's. The queries answer from counters and
 * promises the test holds, instead of the network.
 */

const ID = 'agreement-a';
const OTHER = 'agreement-b';

const thread = (id: string, body: string): ThreadView => ({
  id,
  section: 'purpose',
  anchor: null,
  suggestionId: null,
  orphaned: false,
  visibility: 'shared',
  partyId: 'p0',
  authorId: 'u1',
  createdAt: '2025-01-01T00:00:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
  history: [],
  comments: [{ id: `${id}-c`, authorId: 'u1', authorName: 'Ana', body, mentions: [], createdAt: '2025-01-01T00:00:00.000Z', editedAt: null, deletedAt: null }],
  unread: 0,
});
const person = (id: string, extra: Partial<ParticipantView> = {}): ParticipantView => ({
  id,
  name: id,
  email: `${id}@example.org`,
  partyId: 'p0',
  role: 'editor',
  signatory: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  revokedAt: null,
  ...extra,
});
const status = (s: StatusView['status']): StatusView => ({
  status: s,
  defaultMode: 'editing',
  version: null,
  history: [],
  approvals: [],
  validApprovals: [],
  checklist: [],
  signatures: [],
  signers: [],
  inForceFrom: null,
});

let client: QueryClient;
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  client.clear();
});

/** A query shown on the page (observed, so invalidating it refetches it), answering `answer()` each time. */
function shown<T>(queryKey: readonly unknown[], answer: () => T | Promise<T>): { fetches: () => number } {
  let count = 0;
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: () => {
      count++;
      return answer();
    },
  });
  stops.push(observer.subscribe(() => undefined));
  return { fetches: () => count };
}

const settled = async (): Promise<void> => {
  for (let i = 0; i < 5 && client.isFetching() > 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(client.isFetching()).toBe(0);
};

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the agreement cache', () => {
  it('a thread the server sent replaces the one with its id, or is added', async () => {
    client = createQueryClient();
    shown(agreementKeys.threads(ID), () => [thread('t1', 'first'), thread('t2', 'second')]);
    await settled();
    const cache = agreementCache(client, ID);
    cache.upsertThread(thread('t1', 'edited'));
    cache.upsertThread(thread('t3', 'new'));
    const list = client.getQueryData<ThreadView[]>(agreementKeys.threads(ID)) ?? [];
    expect(list.map((t) => [t.id, t.comments[0]?.body])).toEqual([
      ['t1', 'edited'],
      ['t2', 'second'],
      ['t3', 'new'],
    ]);
  });

  it('a participant enters the list without the personal link their invitation carried', async () => {
    client = createQueryClient();
    shown(agreementKeys.participants(ID), () => [person('owner', { role: 'owner' })]);
    await settled();
    agreementCache(client, ID).upsertParticipant(person('paul', { link: '/join/secret' }));
    const list = client.getQueryData<ParticipantView[]>(agreementKeys.participants(ID)) ?? [];
    expect(list.map((p) => p.id)).toEqual(['owner', 'paul']);
    expect(list[1]).not.toHaveProperty('link');
  });

  it('a status an action answered with wins over a fetch still in flight', async () => {
    client = createQueryClient();
    const answers = [deferred<StatusView>()];
    shown(agreementKeys.status(ID), () => answers[0]!.promise);
    expect(client.isFetching()).toBe(1);
    agreementCache(client, ID).setStatus(status('locked'));
    // The older answer arrives after the action's: it is dropped.
    answers[0]!.resolve(status('draft'));
    await settled();
    expect(client.getQueryData<StatusView>(agreementKeys.status(ID))?.status).toBe('locked');
  });

  it('a thread that arrives while the list is being fetched is asked for again after', async () => {
    client = createQueryClient();
    const first = deferred<ThreadView[]>();
    let server = [thread('t1', 'first')];
    let calls = 0;
    const threads = shown(agreementKeys.threads(ID), () => (++calls === 1 ? first.promise : server));
    await new Promise((r) => setTimeout(r, 0));
    // The first GET was answered before t2 existed; t2's event arrives while it is on its way.
    server = [thread('t1', 'first'), thread('t2', 'second')];
    agreementCache(client, ID).upsertThread(thread('t2', 'second'));
    first.resolve([thread('t1', 'first')]);
    await settled();
    expect(threads.fetches()).toBe(2);
    expect(client.getQueryData<ThreadView[]>(agreementKeys.threads(ID))?.map((t) => t.id)).toEqual(['t1', 't2']);
  });
});

describe('live events', () => {
  function page(): Record<'me' | 'status' | 'participants' | 'threads' | 'parties' | 'otherStatus', { fetches: () => number }> {
    client = createQueryClient();
    const me: Me = {
      participant: person('owner', { role: 'owner' }),
      agreementId: ID,
      templateId: 'mou',
      can: { edit: true, comment: true, approve: true, sign: true, manage: true },
    };
    const parties: PartyView[] = [{ id: 'p0', index: 0, legalName: 'A', participants: 1 }];
    return {
      me: shown(agreementKeys.me(ID), () => me),
      status: shown(agreementKeys.status(ID), () => status('draft')),
      participants: shown(agreementKeys.participants(ID), () => [me.participant]),
      threads: shown(agreementKeys.threads(ID), () => [thread('t1', 'first')]),
      parties: shown(agreementKeys.parties(ID), () => parties),
      otherStatus: shown(agreementKeys.status(OTHER), () => status('draft')),
    };
  }
  const counts = (p: ReturnType<typeof page>): Record<string, number> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.fetches()]));

  it('ready refetches everything of that agreement, and nothing of another', async () => {
    const p = page();
    await settled();
    applyEvent(agreementCache(client, ID), { type: 'ready', data: {} });
    await settled();
    expect(counts(p)).toEqual({ me: 2, status: 2, participants: 2, threads: 2, parties: 2, otherStatus: 1 });
  });

  it('participants refetches the list, the session, the parties and the status', async () => {
    const p = page();
    await settled();
    applyEvent(agreementCache(client, ID), { type: 'participants', data: {} });
    await settled();
    expect(counts(p)).toEqual({ me: 2, status: 2, participants: 2, threads: 1, parties: 2, otherStatus: 1 });
  });

  it('status refetches the status only', async () => {
    const p = page();
    await settled();
    applyEvent(agreementCache(client, ID), { type: 'status', data: {} });
    await settled();
    expect(counts(p)).toEqual({ me: 1, status: 2, participants: 1, threads: 1, parties: 1, otherStatus: 1 });
  });

  it('a thread is put in the list as sent, and the checklist is asked again', async () => {
    const p = page();
    await settled();
    applyEvent(agreementCache(client, ID), { type: 'thread', data: thread('t2', 'second') });
    await settled();
    expect(counts(p)).toEqual({ me: 1, status: 2, participants: 1, threads: 1, parties: 1, otherStatus: 1 });
    expect(client.getQueryData<ThreadView[]>(agreementKeys.threads(ID))?.map((t) => t.id)).toEqual(['t1', 't2']);
  });

  it('parties replaces the parties without a fetch', async () => {
    const p = page();
    await settled();
    const parties: PartyView[] = [
      { id: 'p0', index: 0, legalName: 'A', participants: 1 },
      { id: 'p1', index: 1, legalName: 'B', participants: 0 },
    ];
    applyEvent(agreementCache(client, ID), { type: 'parties', data: { parties } });
    await settled();
    expect(counts(p)).toEqual({ me: 1, status: 1, participants: 1, threads: 1, parties: 1, otherStatus: 1 });
    expect(client.getQueryData(agreementKeys.parties(ID))).toEqual(parties);
  });
});
