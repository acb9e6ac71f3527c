import { describe, expect, it } from 'vitest';
import type { AuthorView } from '../../../shared/api';
import { authorsQuery, mergeAuthors } from '../../../client/data/authors';
import { agreementCache } from '../../../client/data/cache';
import { createQueryClient } from '../../../client/data/queryClient';
import { applyEvent } from '../../../client/data/useLiveCache';

const ana = { id: 'u1', name: 'Ana', partyId: 'p0' };
const bo = { id: 'u2', name: 'Bo', partyId: 'p1' };
const entry = (clientId: number, participant: AuthorView['participant'], spans: [number, string][]): AuthorView => ({
  clientId,
  participant,
  spans: spans.map(([clock, at]) => ({ clock, at })),
});

describe('the authorship record in the cache', () => {
  it('merges an event: new client ids are added, known ones keep their binding and gain new spans in clock order', () => {
    const list = [entry(1, ana, [[0, 't0']]), entry(2, null, [])];
    const merged = mergeAuthors(list, [entry(1, bo, [[40, 't2']]), entry(1, ana, [[0, 't0']]), entry(3, bo, [[0, 't1']])]);
    expect(merged).toEqual([
      entry(1, ana, [
        [0, 't0'],
        [40, 't2'],
      ]),
      entry(2, null, []),
      entry(3, bo, [[0, 't1']]),
    ]);
  });

  it('leaves a record not fetched yet alone: the fetch brings everything', () => {
    expect(mergeAuthors(undefined, [entry(1, ana, [])])).toBeUndefined();
  });

  it('an `authors` event reaches the cached record', () => {
    const client = createQueryClient();
    const { queryKey } = authorsQuery('a');
    client.setQueryData(queryKey, [entry(1, ana, [[0, 't0']])]);
    applyEvent(agreementCache(client, 'a'), { type: 'authors', data: { authors: [entry(9, bo, [[0, 't3']])] } });
    expect(client.getQueryData(queryKey)?.map((x) => x.clientId)).toEqual([1, 9]);
    client.clear();
  });
});
