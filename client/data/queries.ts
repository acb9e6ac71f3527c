import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { getMe, listParticipants } from '../api/participants';
import { getStatus } from '../api/status';
import { listParties } from '../api/parties';
import { listThreads } from '../api/threads';
import { isRefusal } from './queryClient';

/**
 * What the client caches of one agreement, each under a key that starts with
 * ['agreement', id], so "everything of this agreement" is one prefix.
 */
export const agreementKeys = {
  all: (id: string) => ['agreement', id] as const,
  me: (id: string) => ['agreement', id, 'me'] as const,
  status: (id: string) => ['agreement', id, 'status'] as const,
  participants: (id: string) => ['agreement', id, 'participants'] as const,
  threads: (id: string) => ['agreement', id, 'threads'] as const,
  parties: (id: string) => ['agreement', id, 'parties'] as const,
  history: (id: string) => ['agreement', id, 'history'] as const,
};

/** Who the session is (GET /me). */
export const meQuery = (id: string) =>
  queryOptions({
    queryKey: agreementKeys.me(id),
    queryFn: ({ signal }) => getMe(id, signal),
    // Each answer is a new object even when equal: a refetch after a 4001 (rights changed) must
    // reach the effects that wait for "the session was reloaded", whatever it says.
    structuralSharing: false,
    // Refused (401/403/404) is an answer; anything else (network, restart) is tried again until it works.
    retry: (_count, error) => !isRefusal(error),
    retryDelay: 2000,
  });

/** Where the agreement stands (GET /status): approvals, readiness checklist, lock, signatures. */
export const statusQuery = (id: string) => queryOptions({ queryKey: agreementKeys.status(id), queryFn: ({ signal }) => getStatus(id, signal) });

/** Everyone on the agreement (GET /participants), revoked people included. */
export const participantsQuery = (id: string) =>
  queryOptions({ queryKey: agreementKeys.participants(id), queryFn: ({ signal }) => listParticipants(id, signal) });

/** The comment threads this participant may see (GET /threads), in the server's order. */
export const threadsQuery = (id: string) => queryOptions({ queryKey: agreementKeys.threads(id), queryFn: ({ signal }) => listThreads(id, signal) });

/** The parties as the server lists them (GET /parties), with their participant counts. */
export const partiesQuery = (id: string) => queryOptions({ queryKey: agreementKeys.parties(id), queryFn: ({ signal }) => listParties(id, signal) });

export const useMe = (id: string) => useQuery(meQuery(id));
export const useStatus = (id: string) => useQuery(statusQuery(id));
export const useParticipants = (id: string) => useQuery(participantsQuery(id));
export const useThreads = (id: string) => useQuery(threadsQuery(id));
export const usePartyList = (id: string) => useQuery(partiesQuery(id));

/**
 * Nothing to show yet and the last try failed (retries may still be under
 * way): the panels say so, with a button to try again.
 */
export const loadFailed = (query: Pick<UseQueryResult, 'data' | 'isError' | 'failureCount'>): boolean =>
  query.data === undefined && (query.isError || query.failureCount > 0);
