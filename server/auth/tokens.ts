import { createHash, randomBytes } from 'node:crypto';

/** An unguessable secret: 256 random bits, url-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are looked up by hash, so a leaked sessions table opens no session. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Short random ids for rows that are not secrets. */
export const newRowId = (): string => randomBytes(12).toString('base64url');
