import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApproveSchema, ReasonSchema, SignSchema } from '../../shared/api';
import { authorize } from '../auth/policy';
import type { ApprovalService } from '../signing/approvals';
import type { LifecycleService } from '../signing/lifecycle';
import type { AuthEnv } from './access';
import { readBody } from './validate';

/** Mounted under /api/agreements/:id: approvals, readiness, lock, unlock, cancel, sign. */
export function signingRoutes(lifecycle: LifecycleService, approvals: ApprovalService): Hono<AuthEnv> {
  return new Hono<AuthEnv>()
    .get('/status', (c) => {
      authorize(c.var.participant, 'read');
      return c.json(lifecycle.status(c.var.agreementId));
    })
    .post('/approvals', async (c) => {
      const { section } = await readBody(c, ApproveSchema);
      approvals.approve(c.var.participant, section);
      return c.json(lifecycle.status(c.var.agreementId), 201);
    })
    .post('/lock', (c) => c.json(lifecycle.lock(c.var.participant)))
    .post('/unlock', async (c) => c.json(lifecycle.unlock(c.var.participant, (await readBody(c, ReasonSchema)).reason)))
    .post('/cancel', async (c) => c.json(lifecycle.cancel(c.var.participant, (await readBody(c, ReasonSchema)).reason)))
    .post('/sign', async (c) => {
      const input = await readBody(c, SignSchema);
      const ip = getConnInfo(c).remote.address ?? 'unknown';
      const userAgent = (c.req.header('user-agent') ?? 'unknown').slice(0, 500);
      return c.json(await lifecycle.sign(c.var.participant, input, { ip, userAgent }));
    });
}
