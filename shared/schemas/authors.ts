import { z } from 'zod/mini';
import { at } from './common';

/**
 * Who wrote what (GET …/authors, event `authors`): each Yjs client id the
 * server bound, to a participant (name, and their party when the binding was
 * made) or to nobody (the server's own changes, content older than the
 * record); and when its items were stored: items from `clock` on, up to the
 * next span's clock, were stored from `at` (within a minute).
 */
export const AuthorViewSchema = z.object({
  clientId: z.int().check(z.nonnegative()),
  participant: z.nullable(z.object({ id: z.string(), name: z.string(), partyId: z.string() })),
  spans: z.array(z.object({ clock: z.int().check(z.nonnegative()), at })),
});
export const AuthorListSchema = z.object({ authors: z.array(AuthorViewSchema) });
