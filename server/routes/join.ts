import { Hono } from 'hono';
import type { Authenticator } from '../auth/sessions';
import { setSessionCookie } from './access';

/** `/join/:token`: a personal link. Starts a session and opens the agreement. */
export function joinRoutes(auth: Authenticator): Hono {
  return new Hono().get('/:token', (c) => {
    const token = c.req.param('token');
    const opened = token.length <= 100 ? auth.openSession(token) : undefined;
    if (!opened) return c.redirect('/?link=invalid', 302);
    setSessionCookie(c, opened.participant.agreementId, opened.sessionToken);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(`/a/${opened.participant.agreementId}`, 302);
  });
}
