import { Hono } from 'hono';
import { CreateAgreementSchema } from '../../shared/api';
import type { Authenticator } from '../auth/sessions';
import { authorize } from '../auth/policy';
import type { AgreementService } from '../services/agreements';
import type { AgreementStore } from '../store/agreements';
import { peopleOf } from '../notify/people';
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
      // The agreements of the person this browser is (server/notify/people.ts).
      .get('/', (c) => c.json({ agreements: service.listFor(peopleOf(auth, c.req.header('cookie')).map((p) => p.agreementId)) }))
      .use('/:id', requireParticipant(auth, store))
      .get('/:id', (c) => {
        authorize(c.var.participant, 'read');
        return c.json(service.get(c.var.agreementId));
      })
  );
}
