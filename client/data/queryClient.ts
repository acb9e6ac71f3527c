import { QueryClient } from '@tanstack/react-query';
import { ApiFailure } from '../apiFailure';

/** A 4xx: the server answered and said no; asking again will not change that. */
export const isRefusal = (error: unknown): boolean => error instanceof ApiFailure && error.status >= 400 && error.status < 500;

/**
 * The page's one cache of server data (provided in client/main.tsx). Data
 * never goes stale by age: the event stream says when something changed
 * (client/data/useLiveCache.ts) and the cache is updated or refetched then.
 * What no component shows any more is dropped at once, so an agreement opened
 * again starts from fresh answers, never from what it said last time.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 0,
        refetchOnWindowFocus: false,
        retry: (count, error) => !isRefusal(error) && count < 3,
      },
    },
  });
}
