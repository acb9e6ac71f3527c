import { z } from 'zod/mini';
import { at } from './common';

/**
 * The person this browser is signed in as (GET /api/person, server/auth/persons.ts):
 * whether e-mail is on, and their addresses — `proven` once a link mailed there
 * was opened (only those sign in by e-mail), else an address an agreement of
 * theirs invited them under, which they may prove.
 */
export const PersonViewSchema = z.object({
  signedIn: z.boolean(),
  mail: z.boolean(),
  agreements: z.int().check(z.nonnegative()),
  emails: z.array(z.object({ email: z.string(), proven: z.boolean() })),
});
/** A one-time sign-in link to open in another browser (POST /api/person/sign-in-link), shown once. */
export const SignInLinkSchema = z.object({ url: z.string(), expiresAt: at });
/** A sign-in e-mail was queued (or, for an address nobody proved, nothing was: the answer is the same). */
export const SignInMailSchema = z.object({ sent: z.literal(true), expiresInMinutes: z.int().check(z.positive()) });
