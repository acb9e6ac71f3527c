/** The person this browser is signed in as, sign-in links and signing out (server/routes/person.ts). */
import { PersonViewSchema, SignInLinkSchema, SignInMailSchema } from '../../shared/schemas/person';
import { get, json, request } from './http';

/** The person this browser is signed in as (server/routes/person.ts); a sign-in link's token is in the answer that makes it, this once. */
export const getPerson = (signal?: AbortSignal) => get('/api/person', PersonViewSchema, signal);
export const copySignInLink = () => request('/api/person/sign-in-link', SignInLinkSchema, json('POST'));
/** Signed in: a sign-in link to one of one's addresses; signed out: to an address proven before (same answer whoever owns it). */
export const mailSignInLink = (email: string, language: 'fr' | 'en', signedIn: boolean) =>
  request(signedIn ? '/api/person/email-link' : '/api/person/sign-in', SignInMailSchema, json('POST', { email, language }));
export const redeemSignIn = (token: string) => request('/api/person/redeem', PersonViewSchema, json('POST', { token }));
export const signOut = (everywhere = false) => request(`/api/person/${everywhere ? 'sign-out-everywhere' : 'sign-out'}`, PersonViewSchema, json('POST'));
