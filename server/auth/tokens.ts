import { createHash, randomBytes } from 'node:crypto';

/** An unguessable secret: 256 random bits, url-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are looked up by hash, so a leaked database opens no session and no personal link. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * A new personal-link token and the hash to store. The token goes into the
 * one answer that shows the link (invitation, re-issue, creation) and is then
 * forgotten: the server cannot show a link again, only issue a new one.
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = newToken();
  return { token, tokenHash: hashToken(token) };
}

/** Short random ids for rows that are not secrets. */
export const newRowId = (): string => randomBytes(12).toString('base64url');
