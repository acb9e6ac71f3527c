import { describe, expect, it } from 'vitest';
import type { ThreadView } from '../../shared/api';
import { ThreadStore } from '../../client/comments/threadStore';

const me = { id: 'me', partyId: 'a', canComment: true, canEdit: false };

function thread(id: string, createdAt: string, change: Partial<ThreadView> = {}): ThreadView {
  return {
    id,
    section: 'purpose',
    anchor: null,
    suggestionId: null,
    orphaned: false,
    visibility: 'shared',
    partyId: 'a',
    authorId: 'other',
    createdAt,
    resolvedAt: null,
    resolvedBy: null,
    history: [],
    comments: [],
    unread: 0,
    ...change,
  };
}

describe('ThreadStore', () => {
  it('keeps threads in creation order, replacing a thread the server sends again', () => {
    const store = new ThreadStore(me);
    store.setThreads([thread('b', '2025-01-02'), thread('a', '2025-01-01')]);
    expect(store.getState().status).toBe('ready');
    store.upsert(thread('c', '2025-01-03'));
    store.upsert(thread('a', '2025-01-01', { unread: 3 }));
    expect(store.getState().threads.map((t) => [t.id, t.unread])).toEqual([
      ['a', 3],
      ['b', 0],
      ['c', 0],
    ]);
    expect(store.thread('a')?.unread).toBe(3);
  });

  it('tells subscribers of every change with a new state, until they unsubscribe', () => {
    const store = new ThreadStore(me);
    const seen: unknown[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.getState()));
    const before = store.getState();
    store.set({ tab: 'resolved' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toBe(before);
    unsubscribe();
    store.set({ tab: 'open' });
    expect(seen).toHaveLength(1);
  });

  it('focusing a thread opens it, switches the filters so it shows, and asks again each time', () => {
    const store = new ThreadStore(me);
    store.setThreads([thread('r', '2025-01-01', { section: 'context', resolvedAt: '2025-01-05', resolvedBy: 'other' })]);
    store.set({ tab: 'open', section: 'purpose' });
    store.focus('r');
    const first = store.getState();
    expect(first.focused?.id).toBe('r');
    expect([first.tab, first.section]).toEqual(['resolved', null]);
    store.focus('r');
    expect(store.getState().focused?.seq).not.toBe(first.focused?.seq);
    store.focus('unknown');
    expect(store.getState().focused?.id).toBe('r');
    store.closeThread();
    expect(store.getState().focused).toBeNull();
  });

  it('starting a draft closes the open thread and the selection button', () => {
    const store = new ThreadStore(me);
    store.setThreads([thread('t', '2025-01-01')]);
    store.focus('t');
    store.set({ selection: { fragment: 'section:purpose', section: 'purpose', from: 1, to: 4, quote: 'abc', left: 0, top: 0 } });
    store.startDraft({ section: 'purpose', anchor: null });
    const s = store.getState();
    expect([s.draft, s.focused, s.selection]).toEqual([{ section: 'purpose', anchor: null }, null, null]);
  });

  it('knows my threads by the participant it was given, also after a change of rights', () => {
    const store = new ThreadStore(me);
    const t = thread('t', '2025-01-01', { authorId: 'me' });
    expect(store.isMine(t)).toBe(true);
    store.me = { ...me, id: 'someone-else' };
    expect(store.isMine(t)).toBe(false);
  });
});
