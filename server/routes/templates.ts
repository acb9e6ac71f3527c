import { Hono } from 'hono';
import { TEMPLATES } from '../../shared/templates';

export function templateRoutes(): Hono {
  return new Hono().get('/', (c) => c.json({ templates: TEMPLATES }));
}
