import { Hono } from 'hono';
import { CreateAgreementSchema } from '../../shared/api';
import type { Authenticator } from '../auth/sessions';
import { authorize } from '../auth/policy';
import type { AgreementService } from '../services/agreements';
import type { AgreementStore } from '../store/agreements';
import { requireParticipant, setSessionCookie, type AuthEnv } from './access';
import { readBody } from './validate';

export function agreementRoutes(service: AgreementService, auth: Authenticator, store: AgreementStore): Hono<AuthEnv> {
  return (
    new Hono<AuthEnv>()
      .post('/', async (c) => {
        const input = await readBody(c, CreateAgreementSchema);
        const { created, sessionToken } = service.create(input);
        setSessionCookie(c, created.id, sessionToken);
        return c.json(created, 201);
      })
      // The agreements this browser has a session for.
      .get('/', (c) => c.json({ agreements: service.listFor(auth.agreementsOf(c.req.header('cookie'))) }))
      .use('/:id', requireParticipant(auth, store))
      .get('/:id', (c) => {
        authorize(c.var.participant, 'read');
        return c.json(service.get(c.var.agreementId));
      })
  );
}
