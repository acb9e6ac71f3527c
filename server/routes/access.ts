import type { Context, MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { AgreementIdSchema } from '../../shared/api';
import { cookieName, SESSION_TTL_MS, type Authenticator } from '../auth/sessions';
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

export function setSessionCookie(c: Context, agreementId: string, sessionToken: string): void {
  setCookie(c, cookieName(agreementId), sessionToken, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}
