import { Hono } from 'hono';
import { ApproveSchema, ReasonSchema, SignSchema } from '../../shared/api';
import { authorize } from '../auth/policy';
import type { AddressOf } from '../clientAddress';
import type { ApprovalService } from '../signing/approvals';
import type { LifecycleService } from '../signing/lifecycle';
import type { AuthEnv } from './access';
import { readBody } from './validate';

/** Mounted under /api/agreements/:id: approvals, readiness, lock, unlock, cancel, sign. */
export function signingRoutes(lifecycle: LifecycleService, approvals: ApprovalService, addressOf: AddressOf): Hono<AuthEnv> {
  return new Hono<AuthEnv>()
    .get('/status', (c) => {
      authorize(c.var.participant, 'read');
      return c.json(lifecycle.status(c.var.agreementId));
    })
    .post('/approvals', async (c) => {
      const { section } = await readBody(c, ApproveSchema);
      authorize(c.var.participant, 'approve');
      approvals.approve(c.var.participant, section);
      return c.json(lifecycle.status(c.var.agreementId), 201);
    })
    .post('/lock', (c) => {
      authorize(c.var.participant, 'manage');
      return c.json(lifecycle.lock(c.var.participant));
    })
    .post('/unlock', async (c) => {
      const { reason } = await readBody(c, ReasonSchema);
      authorize(c.var.participant, 'manage');
      return c.json(lifecycle.unlock(c.var.participant, reason));
    })
    .post('/cancel', async (c) => {
      const { reason } = await readBody(c, ReasonSchema);
      authorize(c.var.participant, 'manage');
      return c.json(lifecycle.cancel(c.var.participant, reason));
    })
    .post('/sign', async (c) => {
      const input = await readBody(c, SignSchema);
      // Designated signatories; the service then asks the policy whether they were recorded at lock.
      authorize(c.var.participant, 'sign');
      const ip = addressOf(c);
      const userAgent = (c.req.header('user-agent') ?? 'unknown').slice(0, 500);
      return c.json(await lifecycle.sign(c.var.participant, input, { ip, userAgent }));
    });
}
