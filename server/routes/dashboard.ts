import { Hono } from 'hono';
import type { Authenticator } from '../auth/sessions';
import type { Dashboard } from '../lifecycle/dashboard';
import { peopleOf } from '../notify/people';

/**
 * GET /api/dashboard: "my agreements", for the person this browser is (every
 * participant it holds a session for). Like the agreements list, no session
 * is an empty list, not a 401: there is nobody to refuse.
 */
export function dashboardRoutes(dashboard: Dashboard, auth: Authenticator): Hono {
  return new Hono().get('/', (c) => c.json({ agreements: dashboard.list(peopleOf(auth, c.req.header('cookie')).map((p) => p.id)) }));
}
