import type { DashboardItem, DashboardStatus } from '../../shared/lifecycleSchemas';

export type SortKey = 'updated' | 'next' | 'title';

/** Accents and case do not matter when searching ("reseau" finds "Réseau"). */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The dashboard's rows: by status, by title or party name, then in the chosen order (those with no next date last). */
export function filterAgreements(items: readonly DashboardItem[], o: { status: DashboardStatus | 'all'; sort: SortKey; search: string }): DashboardItem[] {
  const words = fold(o.search).split(/\s+/).filter(Boolean);
  const kept = items.filter((a) => {
    if (o.status !== 'all' && a.status !== o.status) return false;
    const text = fold([a.title, ...a.parties].join(' '));
    return words.every((w) => text.includes(w));
  });
  const by: Record<SortKey, (a: DashboardItem, b: DashboardItem) => number> = {
    updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
    next: (a, b) => (a.next?.on ?? '9999').localeCompare(b.next?.on ?? '9999') || a.title.localeCompare(b.title),
    title: (a, b) => a.title.localeCompare(b.title),
  };
  return kept.sort(by[o.sort]);
}
