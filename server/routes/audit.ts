import { Hono } from 'hono';
import { authorize } from '../auth/policy';
import type { AuditService } from '../services/audit';
import type { AuthEnv } from './access';

/** GET /api/agreements/:id/audit: the log and whether its hash chain holds. */
export function auditRoutes(audit: AuditService): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/audit', (c) => {
    authorize(c.var.participant, 'read');
    return c.json(audit.view(c.var.agreementId));
  });
}
