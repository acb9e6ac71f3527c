import { z } from 'zod';

/** What the person routes read (server/routes/person.ts); their answers are in shared/schemas/person.ts. */
export const SIGN_IN_LANGUAGES = ['fr', 'en'] as const;

const email = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

/** "E-mail me a sign-in link": to one's own address (signed in), or to a proven one (another browser). */
export const EmailSignInSchema = z.object({ email, language: z.enum(SIGN_IN_LANGUAGES) });

/** A sign-in link's token (256 random bits, base64url), from the page's address fragment. */
export const RedeemSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a sign-in link') });
