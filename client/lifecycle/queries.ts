import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LifecycleView } from '../../shared/lifecycleSchemas';
import { getLifecycle } from '../api/lifecycle';
import { agreementKeys } from '../data/queries';

/**
 * After signing (GET …/lifecycle). Kept under the status key: the server
 * announces a notice, a record or the end with the `status` event, and the
 * cache's refreshStatus refetches everything under that prefix.
 */
export const lifecycleKey = (id: string) => [...agreementKeys.status(id), 'lifecycle'] as const;

export const lifecycleQuery = (id: string) => queryOptions({ queryKey: lifecycleKey(id), queryFn: ({ signal }) => getLifecycle(id, signal) });

export const useLifecycle = (id: string, enabled = true) => useQuery({ ...lifecycleQuery(id), enabled });

/** An action whose answer is the new view: it goes straight into the cache. */
export function useLifecycleAction<A>(id: string, run: (arg: A) => Promise<LifecycleView>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: (view) => client.setQueryData(lifecycleKey(id), view) });
}
