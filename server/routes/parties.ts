import { Hono } from 'hono';
import { AddPartySchema, PartyIdSchema } from '../../shared/api';
import { authorize } from '../auth/policy';
import type { PartyService } from '../services/parties';
import type { AuthEnv } from './access';
import { readBody, readParam } from './validate';

/** Mounted under /api/agreements/:id, after `requireParticipant`. */
export function partyRoutes(service: PartyService): Hono<AuthEnv> {
  return new Hono<AuthEnv>()
    .get('/parties', (c) => {
      authorize(c.var.participant, 'read');
      return c.json({ parties: service.list(c.var.participant.agreementId) });
    })
    .post('/parties', async (c) => {
      const input = await readBody(c, AddPartySchema);
      authorize(c.var.participant, 'manage');
      return c.json(service.add(c.var.participant, input), 201);
    })
    .delete('/parties/:partyId', (c) => {
      const partyId = readParam(c, 'partyId', PartyIdSchema, 'party');
      authorize(c.var.participant, 'manage');
      return c.json({ parties: service.remove(c.var.participant, partyId) });
    });
}
