import { describe, expect, it } from 'vitest';
import type { CommentView, ParticipantView, ThreadView } from '../../shared/api';
import {
  byCreation,
  filterThreads,
  filterToShow,
  groupBySection,
  inTab,
  isMine,
  mentionable,
  tabCounts,
  totalUnread,
} from '../../client/comments/threadFilters';

const ME = 'me';

function comment(authorId: string, id = `c-${authorId}`): CommentView {
  return { id, authorId, authorName: authorId, body: 'text', mentions: [], createdAt: '2025-01-01T00:00:00.000Z', editedAt: null, deletedAt: null };
}

function thread(id: string, change: Partial<ThreadView> = {}): ThreadView {
  return {
    id,
    section: 'purpose',
    anchor: null,
    suggestionId: null,
    orphaned: false,
    visibility: 'shared',
    partyId: 'a',
    authorId: 'other',
    createdAt: `2025-01-01T00:00:0${id.length}.000Z`,
    resolvedAt: null,
    resolvedBy: null,
    history: [],
    comments: [comment(change.authorId ?? 'other')],
    unread: 0,
    ...change,
  };
}

const resolved = { resolvedAt: '2025-02-01T00:00:00.000Z', resolvedBy: 'other' };

describe('thread filters', () => {
  it('a thread is mine if I started it or wrote a comment in it', () => {
    expect(isMine(thread('t', { authorId: ME }), ME)).toBe(true);
    expect(isMine(thread('t', { comments: [comment('other'), comment(ME)] }), ME)).toBe(true);
    expect(isMine(thread('t'), ME)).toBe(false);
  });

  it('open and resolved tabs split threads by whether they are resolved; mine cuts across both', () => {
    const open = thread('o');
    const done = thread('r', resolved);
    const mineDone = thread('m', { ...resolved, authorId: ME });
    expect([inTab(open, 'open', ME), inTab(done, 'open', ME), inTab(mineDone, 'open', ME)]).toEqual([true, false, false]);
    expect([inTab(open, 'resolved', ME), inTab(done, 'resolved', ME), inTab(mineDone, 'resolved', ME)]).toEqual([false, true, true]);
    expect([inTab(open, 'mine', ME), inTab(done, 'mine', ME), inTab(mineDone, 'mine', ME)]).toEqual([false, false, true]);
  });

  it('filters by tab and section, keeping the order given', () => {
    const threads = [thread('b', { section: 'context' }), thread('a'), thread('c', { ...resolved }), thread('d', { section: 'context' })];
    expect(filterThreads(threads, { tab: 'open', section: null }, ME).map((t) => t.id)).toEqual(['b', 'a', 'd']);
    expect(filterThreads(threads, { tab: 'open', section: 'context' }, ME).map((t) => t.id)).toEqual(['b', 'd']);
    expect(filterThreads(threads, { tab: 'resolved', section: 'context' }, ME)).toEqual([]);
  });

  it('counts threads and unread comments per tab, whatever the section filter', () => {
    const threads = [
      thread('a', { unread: 2 }),
      thread('b', { ...resolved, unread: 1 }),
      thread('c', { authorId: ME, unread: 0 }),
      thread('d', { section: 'context', unread: 4 }),
    ];
    expect(tabCounts(threads, ME)).toEqual({ open: { n: 3, unread: 6 }, resolved: { n: 1, unread: 1 }, mine: { n: 1, unread: 0 } });
    expect(totalUnread(threads)).toBe(7);
    expect(tabCounts([], ME)).toEqual({ open: { n: 0, unread: 0 }, resolved: { n: 0, unread: 0 }, mine: { n: 0, unread: 0 } });
  });

  it('groups by section in the template’s order, then unknown sections as they come, without empty groups', () => {
    const threads = [
      thread('1', { section: 'annex' }),
      thread('2', { section: 'duration' }),
      thread('3', { section: 'purpose' }),
      thread('4', { section: 'duration' }),
      thread('5', { section: 'old' }),
    ];
    const groups = groupBySection(threads, ['parties', 'purpose', 'context', 'duration']);
    expect(groups.map(([key, list]) => [key, list.map((t) => t.id)])).toEqual([
      ['purpose', ['3']],
      ['duration', ['2', '4']],
      ['annex', ['1']],
      ['old', ['5']],
    ]);
  });

  it('sorts by creation time, then id', () => {
    const a = thread('a', { createdAt: '2025-01-02T00:00:00.000Z' });
    const b = thread('b', { createdAt: '2025-01-01T00:00:00.000Z' });
    const c = thread('c', { createdAt: '2025-01-02T00:00:00.000Z' });
    expect([c, a, b].sort(byCreation).map((t) => t.id)).toEqual(['b', 'a', 'c']);
  });

  describe('filterToShow', () => {
    it('changes nothing for a thread the filter already shows', () => {
      expect(filterToShow(thread('t'), { tab: 'open', section: 'purpose' }, ME)).toEqual({});
      expect(filterToShow(thread('t', { authorId: ME, ...resolved }), { tab: 'mine', section: null }, ME)).toEqual({});
    });

    it('moves to the tab a thread belongs to', () => {
      expect(filterToShow(thread('t', resolved), { tab: 'open', section: null }, ME)).toEqual({ tab: 'resolved' });
      expect(filterToShow(thread('t'), { tab: 'resolved', section: null }, ME)).toEqual({ tab: 'open' });
      expect(filterToShow(thread('t', resolved), { tab: 'mine', section: null }, ME)).toEqual({ tab: 'resolved' });
      expect(filterToShow(thread('t'), { tab: 'mine', section: null }, ME)).toEqual({ tab: 'open' });
    });

    it('shows every section when another one is picked', () => {
      expect(filterToShow(thread('t', { section: 'context' }), { tab: 'open', section: 'purpose' }, ME)).toEqual({ section: null });
      expect(filterToShow(thread('t', { section: 'context', ...resolved }), { tab: 'open', section: 'purpose' }, ME)).toEqual({
        tab: 'resolved',
        section: null,
      });
    });
  });

  describe('mentionable', () => {
    const person = (id: string, partyId: string, revokedAt: string | null = null): ParticipantView => ({
      id,
      name: id,
      email: '',
      partyId,
      role: 'editor',
      signatory: false,
      createdAt: '2025-01-01T00:00:00.000Z',
      revokedAt,
    });
    const people = [person(ME, 'a'), person('ann', 'a'), person('bob', 'b'), person('gone', 'a', '2025-03-01T00:00:00.000Z')];

    it('offers everyone but me and revoked people on a shared thread', () => {
      expect(mentionable(people, ME, 'shared', 'a').map((p) => p.id)).toEqual(['ann', 'bob']);
    });

    it('offers only the thread’s party on an internal thread', () => {
      expect(mentionable(people, ME, 'party', 'a').map((p) => p.id)).toEqual(['ann']);
      expect(mentionable(people, ME, 'party', 'b').map((p) => p.id)).toEqual(['bob']);
    });
  });
});
