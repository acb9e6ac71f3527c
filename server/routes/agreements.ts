import { Hono } from 'hono';
import { AgreementIdSchema, CreateAgreementSchema } from '../../shared/api';
import type { AgreementService } from '../services/agreements';
import { readBody, readParam } from './validate';

export function agreementRoutes(service: AgreementService): Hono {
  return new Hono()
    .post('/', async (c) => {
      const input = await readBody(c, CreateAgreementSchema);
      return c.json(service.create(input), 201);
    })
    .get('/', (c) => c.json({ agreements: service.list() }))
    .get('/:id', (c) => {
      const id = readParam(c, 'id', AgreementIdSchema, 'agreement');
      return c.json(service.get(id));
    });
}
