import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's network address from the socket's and X-Forwarded-For, with
 * `trustProxy` proxies in front (`TRUST_PROXY`; 0: none). Each proxy appends
 * the address it got the request from, so the client is the `trustProxy`th
 * entry from the right, never further left than the header goes; anything to
 * its left was written by the client and proves nothing. A chosen entry that
 * is not an IP address (a proxy set up otherwise, a forged header) counts for
 * nothing: the socket's address is used instead.
 */
export function clientAddress(socket: string | undefined, forwardedFor: string | undefined, trustProxy: number): string {
  const fallback = socket ?? 'unknown';
  if (trustProxy <= 0 || forwardedFor === undefined) return fallback;
  const hops = forwardedFor.split(',').map((hop) => hop.trim());
  const chosen = hops[Math.max(0, hops.length - trustProxy)] ?? '';
  return isIP(chosen) === 0 ? fallback : chosen;
}

/** Reads a request's client address: signatures record it, the sign-in limits count per it. */
export type AddressOf = (c: Context) => string;

/** The one reader every route uses. */
export function addressReader(trustProxy = 0): AddressOf {
  return (c) => clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trustProxy);
}
