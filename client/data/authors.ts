import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuthorView } from '../../shared/api';
import { getAuthors } from '../api/authors';
import { agreementKeys } from './queries';

/** Who wrote what (GET /authors): the server's binding of each Yjs client id, kept current by `authors` events. */
export const authorsQuery = (id: string) =>
  queryOptions({ queryKey: [...agreementKeys.all(id), 'authors'] as const, queryFn: ({ signal }) => getAuthors(id, signal) });

export const useAuthors = (id: string) => useQuery(authorsQuery(id));

/**
 * Folds an `authors` event into the record: a new client id is added; a
 * known one keeps its binding (never changed once made) and gains the new
 * spans, in clock order. Nothing fetched yet: the fetch will bring it all.
 */
export function mergeAuthors(list: readonly AuthorView[] | undefined, incoming: readonly AuthorView[]): AuthorView[] | undefined {
  if (!list) return undefined;
  const byClient = new Map(list.map((entry) => [entry.clientId, entry]));
  for (const entry of incoming) {
    const known = byClient.get(entry.clientId);
    if (!known) {
      byClient.set(entry.clientId, entry);
      continue;
    }
    const clocks = new Set(known.spans.map((s) => s.clock));
    const added = entry.spans.filter((s) => !clocks.has(s.clock));
    if (added.length > 0) byClient.set(entry.clientId, { ...known, spans: [...known.spans, ...added].sort((x, y) => x.clock - y.clock) });
  }
  return [...byClient.values()];
}
