import { Hono } from 'hono';
import { MailPreferencesSchema, MarkReadSchema } from '../../shared/notifySchemas';
import { authorize } from '../auth/policy';
import type { Authenticator } from '../auth/sessions';
import type { Notifications } from '../notify';
import { peopleOf } from '../notify/people';
import type { AuthEnv } from './access';
import { readBody } from './validate';

/**
 * Mounted under /api/agreements/:id: the bell (everything told to the person
 * asking, across the agreements this browser is signed in to), marking read,
 * one's e-mail choices, and for the owner the e-mails that could not be delivered.
 */
export function notificationRoutes(n: Notifications, auth: Authenticator): Hono<AuthEnv> {
  const people = (c: { req: { header(name: string): string | undefined } }, asking: AuthEnv['Variables']['participant']) =>
    peopleOf(auth, c.req.header('cookie'), asking).map((p) => p.id);
  return new Hono<AuthEnv>()
    .get('/notifications', (c) => {
      authorize(c.var.participant, 'read');
      return c.json(n.service.list(people(c, c.var.participant)));
    })
    .post('/notifications/read', async (c) => {
      const { ids } = await readBody(c, MarkReadSchema);
      authorize(c.var.participant, 'read');
      return c.json(n.service.markRead(people(c, c.var.participant), ids));
    })
    .get('/mail-preferences', (c) => {
      authorize(c.var.participant, 'read');
      return c.json({ ...n.service.preferences(c.var.participant), configured: n.service.mailConfigured });
    })
    .put('/mail-preferences', async (c) => {
      const prefs = await readBody(c, MailPreferencesSchema);
      authorize(c.var.participant, 'read');
      return c.json({ ...n.service.setPreferences(c.var.participant, prefs), configured: n.service.mailConfigured });
    })
    .get('/mail-failures', (c) => {
      authorize(c.var.participant, 'manage');
      return c.json({ configured: n.service.mailConfigured, failures: n.outbox.failures(c.var.agreementId) });
    });
}
