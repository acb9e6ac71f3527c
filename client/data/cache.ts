import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AuthorView, ParticipantView, PartyView, StatusView, ThreadView } from '../../shared/api';
import { agreementKeys, participantsQuery, partiesQuery, statusQuery, threadsQuery } from './queries';
import { authorsQuery, mergeAuthors } from './authors';

/** Replaces the item with the same id, or appends it. */
function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

/** Lists never carry personal links: an answer that issued one keeps it for whoever shows it once. */
const listed = ({ link, ...participant }: ParticipantView): ParticipantView => participant;

/**
 * The writes to one agreement's cache: what the server answered to an
 * action, or told on the event stream. Every change to cached server data
 * goes through here.
 */
export interface AgreementCache {
  /** A status an action answered with: newer than any fetch in flight, which is dropped. */
  setStatus(status: StatusView): void;
  /** The status may have changed (edits, a failed action): fetch it again. */
  refreshStatus(): void;
  upsertThread(thread: ThreadView): void;
  upsertParticipant(participant: ParticipantView): void;
  setParties(parties: PartyView[]): void;
  /** A version was added to the drafting history (event `history`): fetch the list and comparisons again. */
  refreshHistory(): void;
  /** Client ids newly bound, or with new spans (event `authors`). */
  mergeAuthors(authors: AuthorView[]): void;
  /** Threads, participants and status again (the comments' retry). */
  refreshComments(): void;
  /** After the participants changed: the list, the session (rights may have moved), the parties' counts and the checklist. */
  participantsChanged(): void;
  /** Everything of this agreement, e.g. after the stream reopened and events may have been missed. */
  refreshAll(): void;
  /** Someone was told something (event `notification`): the bell fetches its list again. */
  refreshNotifications(): void;
}

export function agreementCache(client: QueryClient, id: string): AgreementCache {
  const refresh = (queryKey: readonly unknown[]): void => void client.invalidateQueries({ queryKey });
  /**
   * Applies a change to a cached list. A fetch in flight may have been
   * answered before the change (and, for a first load, would replace it):
   * drop it, and ask again once the change is in.
   */
  const change = (queryKey: readonly unknown[], apply: () => unknown): void => {
    const fetching = client.isFetching({ queryKey }) > 0;
    if (fetching) void client.cancelQueries({ queryKey });
    apply();
    if (fetching) refresh(queryKey);
  };
  return {
    setStatus(status) {
      const { queryKey } = statusQuery(id);
      void client.cancelQueries({ queryKey });
      client.setQueryData(queryKey, status);
    },
    refreshStatus: () => refresh(agreementKeys.status(id)),
    upsertThread(thread) {
      const { queryKey } = threadsQuery(id);
      change(queryKey, () => client.setQueryData(queryKey, (list) => list && upsert(list, thread)));
    },
    upsertParticipant(participant) {
      const { queryKey } = participantsQuery(id);
      change(queryKey, () => client.setQueryData(queryKey, (list) => list && upsert(list, listed(participant))));
    },
    setParties(parties) {
      const { queryKey } = partiesQuery(id);
      void client.cancelQueries({ queryKey });
      client.setQueryData(queryKey, parties);
    },
    mergeAuthors(authors) {
      const { queryKey } = authorsQuery(id);
      change(queryKey, () => client.setQueryData(queryKey, (list) => mergeAuthors(list, authors)));
    },
    refreshHistory: () => refresh(agreementKeys.history(id)),
    refreshComments() {
      for (const key of [agreementKeys.threads(id), agreementKeys.participants(id), agreementKeys.status(id)]) refresh(key);
    },
    participantsChanged() {
      for (const key of [agreementKeys.participants(id), agreementKeys.me(id), agreementKeys.parties(id), agreementKeys.status(id)]) refresh(key);
    },
    refreshAll: () => refresh(agreementKeys.all(id)),
    refreshNotifications: () => refresh([...agreementKeys.all(id), 'notifications']),
  };
}

/** The cache writes for one agreement, stable across renders. */
export function useAgreementCache(id: string): AgreementCache {
  const client = useQueryClient();
  return useMemo(() => agreementCache(client, id), [client, id]);
}
