import { Hono, type Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { EmailSignInSchema, RedeemSchema } from '../../shared/person';
import type { Persons } from '../auth/persons';
import { PERSON_COOKIE, type Authenticator } from '../auth/sessions';
import type { AddressOf } from '../clientAddress';
import { HttpError } from '../errors';
import { originAllowed } from '../sync/origin';
import { setPersonCookie } from './access';
import { readBody } from './validate';

const origin = (c: Context): string => new URL(c.req.url).origin;

/**
 * /api/person: the person this browser is signed in as (server/auth/persons.ts).
 * Who is asking is the person cookie alone; a personal-link token or an
 * agreement's session is no person. Rate limits and single use are the
 * service's.
 */
export function personRoutes(persons: Persons, auth: Authenticator, ipOf: AddressOf): Hono {
  const signedIn = (c: Context): string => {
    const id = auth.personOf(c.req.header('cookie'));
    if (!id) throw new HttpError(401, 'not_signed_in', 'This browser is not signed in: open one of your personal links or a sign-in link.');
    return id;
  };
  return (
    new Hono()
      // A page elsewhere must not sign this browser in as someone else (login CSRF) or out: its form posts carry its Origin.
      .use('*', async (c, next) => {
        if (c.req.method !== 'GET' && !originAllowed(c.req.header('origin'), c.req.header('host'), persons.publicOrigin)) {
          throw new HttpError(403, 'forbidden', 'Sign-in requests come from this site’s own pages.');
        }
        await next();
      })
      .get('/', (c) => c.json(persons.view(auth.personOf(c.req.header('cookie')))))
      .post('/sign-in-link', (c) => c.json(persons.copyLink(signedIn(c), origin(c)), 201))
      .post('/email-link', async (c) => {
        const { email, language } = await readBody(c, EmailSignInSchema);
        const minutes = persons.mailOwnAddress(signedIn(c), email, language, origin(c));
        return c.json({ sent: true as const, expiresInMinutes: minutes }, 202);
      })
      .post('/sign-in', async (c) => {
        const { email, language } = await readBody(c, EmailSignInSchema);
        return c.json({ sent: true as const, expiresInMinutes: persons.requestSignIn(ipOf(c), email, language, origin(c)) }, 202);
      })
      .post('/redeem', async (c) => {
        const { token } = await readBody(c, RedeemSchema);
        const { personId, sessionToken } = persons.redeem(ipOf(c), token);
        // Whoever was signed in here is signed out first: this browser is now that person only.
        for (const name of persons.signOut(c.req.header('cookie'))) deleteCookie(c, name, { path: '/' });
        setPersonCookie(c, sessionToken);
        return c.json(persons.view(personId));
      })
      .post('/sign-out-everywhere', (c) => {
        persons.signOutEverywhere(signedIn(c));
        for (const name of persons.signOut(c.req.header('cookie'))) deleteCookie(c, name, { path: '/' });
        deleteCookie(c, PERSON_COOKIE, { path: '/' });
        return c.json(persons.view(undefined));
      })
      .post('/sign-out', (c) => {
        for (const name of persons.signOut(c.req.header('cookie'))) deleteCookie(c, name, { path: '/' });
        deleteCookie(c, PERSON_COOKIE, { path: '/' });
        return c.json(persons.view(undefined));
      })
  );
}
