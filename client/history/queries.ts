import { queryOptions, useQuery } from '@tanstack/react-query';
import { compareVersions, getVersionState, listHistory } from '../api/history';
import { agreementKeys } from '../data/queries';

/**
 * The drafting history's queries, under ['agreement', id, 'history'] so the
 * `history` event (and a reopened stream) refetches them all.
 */
export const historyQuery = (id: string) => queryOptions({ queryKey: agreementKeys.history(id), queryFn: ({ signal }) => listHistory(id, signal) });

export const comparisonQuery = (id: string, from: string, to: string) =>
  queryOptions({ queryKey: [...agreementKeys.history(id), 'compare', from, to] as const, queryFn: ({ signal }) => compareVersions(id, from, to, signal) });

/** A version's Yjs state never changes: fetched once. */
export const versionStateQuery = (id: string, vid: string) =>
  queryOptions({
    queryKey: [...agreementKeys.history(id), 'state', vid] as const,
    queryFn: ({ signal }) => getVersionState(id, vid, signal),
    staleTime: Infinity,
  });

export const useHistory = (id: string) => useQuery(historyQuery(id));
export const useComparison = (id: string, from: string, to: string) => useQuery(comparisonQuery(id, from, to));
export const useVersionState = (id: string, vid: string) => useQuery(versionStateQuery(id, vid));
