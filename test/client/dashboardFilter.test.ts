import { describe, expect, it } from 'vitest';
import { filterAgreements } from '../../client/dashboard/filter';
import type { DashboardItem } from '../../shared/lifecycleSchemas';

const item = (id: string, over: Partial<DashboardItem>): DashboardItem => ({
  id,
  title: id,
  status: 'drafting',
  role: 'owner',
  parties: [],
  next: null,
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

const items = [
  item('a', { title: 'Entente PAM', parties: ['Réseau Emploi', 'Syndicat'], status: 'in_force', next: { kind: 'review_meeting', on: '2026-06-01' } }),
  item('b', {
    title: 'Protocole Nord',
    parties: ['Centre francophone'],
    status: 'notice_given',
    next: { kind: 'notice_effective', on: '2026-03-01' },
    updatedAt: '2026-02-01T00:00:00Z',
  }),
  item('c', { title: 'Accord Sud', parties: ['Ville'], updatedAt: '2026-03-01T00:00:00Z' }),
];

describe('the dashboard’s filter, search and sort', () => {
  it('searches titles and party names, accents and case aside', () => {
    expect(filterAgreements(items, { status: 'all', sort: 'title', search: 'reseau' }).map((i) => i.id)).toEqual(['a']);
    expect(filterAgreements(items, { status: 'all', sort: 'title', search: 'NORD centre' }).map((i) => i.id)).toEqual(['b']);
  });

  it('filters by status and sorts by next date (none last), last change or title', () => {
    expect(filterAgreements(items, { status: 'notice_given', sort: 'title', search: '' }).map((i) => i.id)).toEqual(['b']);
    expect(filterAgreements(items, { status: 'all', sort: 'next', search: '' }).map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(filterAgreements(items, { status: 'all', sort: 'updated', search: '' }).map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(filterAgreements(items, { status: 'all', sort: 'title', search: '' }).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});
