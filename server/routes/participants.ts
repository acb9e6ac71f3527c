import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { InviteSchema, ParticipantIdSchema, UpdateParticipantSchema } from '../../shared/api';
import { authorize } from '../auth/policy';
import { cookieName, PERSON_COOKIE } from '../auth/sessions';
import type { ParticipantService } from '../services/participants';
import type { AuthEnv } from './access';
import { readBody, readParam } from './validate';

/** Mounted under /api/agreements/:id, after `requireParticipant`. */
export function participantRoutes(service: ParticipantService): Hono<AuthEnv> {
  const participantId = (c: Parameters<typeof readParam>[0]): string => readParam(c, 'pid', ParticipantIdSchema, 'participant');
  return new Hono<AuthEnv>()
    .get('/me', (c) => {
      authorize(c.var.participant, 'read');
      return c.json(service.me(c.var.participant));
    })
    .get('/participants', (c) => {
      authorize(c.var.participant, 'read');
      return c.json({ participants: service.list(c.var.participant) });
    })
    .post('/participants', async (c) => {
      const input = await readBody(c, InviteSchema);
      authorize(c.var.participant, 'manage');
      return c.json(service.invite(c.var.participant, input), 201);
    })
    .patch('/participants/:pid', async (c) => {
      const id = participantId(c);
      const input = await readBody(c, UpdateParticipantSchema);
      authorize(c.var.participant, 'manage');
      return c.json(service.update(c.var.participant, id, input));
    })
    .delete('/participants/:pid', (c) => {
      const id = participantId(c);
      authorize(c.var.participant, 'manage');
      return c.json(service.revoke(c.var.participant, id));
    })
    .post('/participants/:pid/link', (c) => {
      const id = participantId(c);
      authorize(c.var.participant, 'manage');
      // Owners renewing their own link stay signed in in the browser they did it from.
      const session = getCookie(c, cookieName(c.var.agreementId));
      return c.json(service.reissueLink(c.var.participant, id, session, getCookie(c, PERSON_COOKIE)));
    });
}
