import type { ParticipantView, ThreadView, Visibility } from '../../shared/api';

/** Which threads the sidebar lists: its tab, and optionally one section. */
export type Tab = 'open' | 'resolved' | 'mine';
export const TABS: readonly Tab[] = ['open', 'resolved', 'mine'];

export interface ThreadFilter {
  tab: Tab;
  /** A section key, or null for every section. */
  section: string | null;
}

/** Oldest first; the id breaks ties so the order is the same everywhere. */
export const byCreation = (a: ThreadView, b: ThreadView): number => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1);

/** Threads I started or wrote in. */
export const isMine = (thread: ThreadView, meId: string): boolean => thread.authorId === meId || thread.comments.some((c) => c.authorId === meId);

export function inTab(thread: ThreadView, tab: Tab, meId: string): boolean {
  if (tab === 'open') return thread.resolvedAt === null;
  if (tab === 'resolved') return thread.resolvedAt !== null;
  return isMine(thread, meId);
}

/** The threads a filter shows, in the order given. */
export const filterThreads = (threads: readonly ThreadView[], filter: ThreadFilter, meId: string): ThreadView[] =>
  threads.filter((t) => inTab(t, filter.tab, meId) && (filter.section === null || t.section === filter.section));

export interface TabCount {
  /** Threads in the tab. */
  n: number;
  /** Unread comments in those threads. */
  unread: number;
}

/** How many threads, and unread comments, each tab holds (whatever the section filter). */
export function tabCounts(threads: readonly ThreadView[], meId: string): Record<Tab, TabCount> {
  const count = (tab: Tab): TabCount => {
    const list = threads.filter((t) => inTab(t, tab, meId));
    return { n: list.length, unread: totalUnread(list) };
  };
  return { open: count('open'), resolved: count('resolved'), mine: count('mine') };
}

export const totalUnread = (threads: readonly ThreadView[]): number => threads.reduce((n, t) => n + t.unread, 0);

/**
 * Threads grouped by section: the template's sections in its order, then any
 * other section (one the template no longer has) in order of appearance.
 * Empty groups are left out.
 */
export function groupBySection(threads: readonly ThreadView[], order: readonly string[]): [section: string, threads: ThreadView[]][] {
  const groups = new Map<string, ThreadView[]>();
  for (const key of order) groups.set(key, []);
  for (const t of threads) {
    const list = groups.get(t.section);
    if (list) list.push(t);
    else groups.set(t.section, [t]);
  }
  return [...groups].filter(([, list]) => list.length > 0);
}

/** The filter changes that make a thread show: the tab it belongs to, every section if another one is picked. */
export function filterToShow(thread: ThreadView, filter: ThreadFilter, meId: string): Partial<ThreadFilter> {
  const patch: Partial<ThreadFilter> = {};
  if (!inTab(thread, filter.tab, meId)) patch.tab = thread.resolvedAt !== null ? 'resolved' : 'open';
  if (filter.section !== null && filter.section !== thread.section) patch.section = null;
  return patch;
}

/** People who can see a thread of this visibility and party, other than me: those I can @mention. */
export const mentionable = (people: readonly ParticipantView[], meId: string, visibility: Visibility, partyId: string): ParticipantView[] =>
  people.filter((p) => p.revokedAt === null && p.id !== meId && (visibility === 'shared' || p.partyId === partyId));
