import { Hono } from 'hono';
import { z } from 'zod';
import { CalendarFeedInputSchema, CalendarScopeSchema } from '../../shared/calendarSchemas';
import { authorize } from '../auth/policy';
import type { Authenticator } from '../auth/sessions';
import type { CalendarService } from '../calendar/service';
import { peopleOf } from '../notify/people';
import type { AuthEnv } from './access';
import { readBody, readParam } from './validate';

const origin = (url: string): string => new URL(url).origin;

/**
 * Mounted under /api/agreements/:id: the asking participant's calendar feeds
 * (GET …/calendar, POST …/calendar {scope} shows the URL once, DELETE
 * …/calendar/:scope revokes it and answers the live ones).
 */
export function calendarRoutes(calendar: CalendarService, auth: Authenticator): Hono<AuthEnv> {
  return new Hono<AuthEnv>()
    .get('/calendar', (c) => {
      authorize(c.var.participant, 'read');
      return c.json(calendar.list(c.var.participant));
    })
    .post('/calendar', async (c) => {
      const { scope } = await readBody(c, CalendarFeedInputSchema);
      authorize(c.var.participant, 'read');
      const person = scope === 'person' ? peopleOf(auth, c.req.header('cookie'), c.var.participant) : [];
      const personId = scope === 'person' ? auth.personOf(c.req.header('cookie')) : undefined;
      return c.json(calendar.create(c.var.participant, scope, person, origin(c.req.url), personId), 201);
    })
    .delete('/calendar/:scope', (c) => {
      const scope = readParam(c, 'scope', CalendarScopeSchema, 'Calendar feed');
      authorize(c.var.participant, 'read');
      calendar.revoke(c.var.participant, scope);
      return c.json(calendar.list(c.var.participant));
    });
}

// 256 random bits, base64url, then the extension calendar apps like to see.
const FeedFileSchema = z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/);

/** GET /api/calendar/:token.ics: what calendar apps fetch. The token is the only credential; unknown or revoked is a 404. */
export function calendarFeedRoutes(calendar: CalendarService): Hono {
  return new Hono().get('/:file', (c) => {
    const file = readParam(c, 'file', FeedFileSchema, 'Calendar feed');
    const { ics, filename } = calendar.feed(file.slice(0, -'.ics'.length), origin(c.req.url));
    c.header('Content-Type', 'text/calendar; charset=UTF-8');
    c.header('Content-Disposition', `inline; filename="${filename}"`);
    return c.body(ics);
  });
}
