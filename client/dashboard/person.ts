import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { copySignInLink, getPerson, mailSignInLink, redeemSignIn, signOut } from '../api/person';

/**
 * The person this browser is signed in as (GET /api/person), and what changes
 * it. Signing in or out changes whose agreements the dashboard lists, so both
 * queries start again.
 */
export const personKey = ['person'] as const;

export const usePerson = () => useQuery({ queryKey: personKey, queryFn: ({ signal }) => getPerson(signal) });

function useSignedInChange<T, A>(fn: (arg: A) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: personKey });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export const useSignOut = () => useSignedInChange((everywhere: boolean) => signOut(everywhere));
export const useCopyLink = () => useMutation({ mutationFn: () => copySignInLink() });
export const useMailLink = (signedIn: boolean) =>
  useMutation({ mutationFn: ({ email, language }: { email: string; language: 'fr' | 'en' }) => mailSignInLink(email, language, signedIn) });

/** Tokens already sent or turned down (a link is good once). */
const spent = new Set<string>();

const tokenInAddress = (): string | null => /^#signin=([A-Za-z0-9_-]+)$/.exec(window.location.hash)?.[1] ?? null;

/**
 * `/#signin=<token>`: a sign-in link, opened in a new page or pasted into the
 * address bar of an open one (a change of fragment only). Its token is taken
 * out of the address at once and spent only when the reader confirms: a page
 * elsewhere could send anyone to a link of its own person (login CSRF).
 */
export function useSignInFromLink() {
  const [token, setToken] = useState(tokenInAddress);
  const redeem = useSignedInChange((t: string) => redeemSignIn(t));
  useEffect(() => {
    const changed = (): void => {
      const next = tokenInAddress();
      if (next) setToken(next);
    };
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  useEffect(() => {
    // Out of the address bar and the history: a reload or "back" must not show or offer it again.
    if (token) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, [token]);
  if (!token) return null;
  return {
    redeem,
    /** Waiting for the reader's yes (not sent yet). */
    asking: !spent.has(token),
    confirm: () => {
      spent.add(token);
      redeem.mutate(token);
    },
    cancel: () => {
      spent.add(token);
      setToken(null);
    },
  };
}
