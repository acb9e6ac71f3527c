import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AgreementIdSchema } from '../../shared/api';
import { PERSON_TTL_MS, type Persons } from '../auth/persons';
import { cookieName, PERSON_COOKIE, SESSION_TTL_MS, type Authenticator } from '../auth/sessions';
import { HttpError, notFound } from '../errors';
import type { Participant } from '../store/participants';
import type { AgreementStore } from '../store/agreements';

export type AuthEnv = { Variables: { participant: Participant; agreementId: string } };

/**
 * Every route under /api/agreements/:id passes here: the agreement must
 * exist (404), the caller must have a session or token (401) for this very
 * agreement (403). What they may do there is the policy's business.
 */
export function requireParticipant(auth: Authenticator, agreements: AgreementStore): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const parsed = AgreementIdSchema.safeParse(c.req.param('id'));
    if (!parsed.success || !agreements.exists(parsed.data)) throw notFound('agreement');
    const result = auth.authenticate(parsed.data, c.req.raw.headers);
    if (!result.ok) {
      throw result.reason === 'unauthenticated'
        ? new HttpError(401, 'unauthenticated', 'Open your personal link to this agreement to sign in.')
        : new HttpError(403, 'forbidden', 'You are not a participant of this agreement.');
    }
    c.set('participant', result.participant);
    c.set('agreementId', parsed.data);
    await next();
  };
}

/** Sessions opened while answering a request, for the person middleware below. */
const opened = new WeakMap<Request, { agreementId: string; sessionToken: string }>();

/**
 * A personal link opened, an agreement created: the browser gets this
 * agreement's session. Written once the handler is done, by `personSessions`,
 * which also makes the participant one of the browser's person's.
 */
export function setSessionCookie(c: Context, agreementId: string, sessionToken: string): void {
  opened.set(c.req.raw, { agreementId, sessionToken });
}

const cookieOptions = (c: Context, maxAgeMs: number) =>
  ({ httpOnly: true, sameSite: 'Lax', path: '/', secure: new URL(c.req.url).protocol === 'https:', maxAge: Math.floor(maxAgeMs / 1000) }) as const;

export function setPersonCookie(c: Context, token: string): void {
  setCookie(c, PERSON_COOKIE, token, cookieOptions(c, PERSON_TTL_MS));
}

/**
 * Every session a request opened joins the browser's person (server/auth/persons.ts).
 * A browser signed in as a person needs no cookie per agreement (its person
 * cookie opens each one), so hundreds of agreements never grow its Cookie
 * header past Node's 16 KiB; a browser that is nobody yet gets the agreement's
 * cookie and becomes a person.
 */
export function personSessions(persons: Persons): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const session = opened.get(c.req.raw);
    if (!session || c.res.status >= 400) return;
    const result = persons.opened(c.req.header('cookie'), session.sessionToken);
    if (result.keepAgreementCookie) setCookie(c, cookieName(session.agreementId), session.sessionToken, cookieOptions(c, SESSION_TTL_MS));
    else if (getCookie(c, cookieName(session.agreementId)) !== undefined) deleteCookie(c, cookieName(session.agreementId), { path: '/' });
    if (result.personToken) setPersonCookie(c, result.personToken);
  };
}
