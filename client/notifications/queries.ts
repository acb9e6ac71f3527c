import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getNotifications, markNotificationsRead } from '../api/notifications';
import { agreementKeys } from '../data/queries';

/**
 * The bell's list (GET …/notifications: the person's, across the agreements
 * this browser is signed in to), under the open agreement's prefix so the
 * `notification` event and `ready` refetch it.
 */
export const notificationsKey = (id: string) => [...agreementKeys.all(id), 'notifications'] as const;

export const notificationsQuery = (id: string) => queryOptions({ queryKey: notificationsKey(id), queryFn: ({ signal }) => getNotifications(id, signal) });

export const useNotifications = (id: string) => useQuery(notificationsQuery(id));

export function useMarkRead(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (ids?: string[]) => markNotificationsRead(id, ids), onSuccess: (list) => client.setQueryData(notificationsKey(id), list) });
}
