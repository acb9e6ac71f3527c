import { Hono } from 'hono';
import { LegalReviewInputSchema } from '../../shared/legalReview';
import { authorize } from '../auth/policy';
import type { LifecycleService } from '../signing/lifecycle';
import { recordLegalReview, type LegalReviewDeps } from '../signing/legalReview';
import type { AuthEnv } from './access';
import { readBody } from './validate';

/** Mounted under /api/agreements/:id: the owner records the lawyer's review; the answer is the new status. */
export function legalReviewRoutes(d: LegalReviewDeps, lifecycle: LifecycleService): Hono<AuthEnv> {
  return new Hono<AuthEnv>().post('/legal-review', async (c) => {
    const input = await readBody(c, LegalReviewInputSchema);
    authorize(c.var.participant, 'manage');
    recordLegalReview(d, c.var.participant, input);
    return c.json(lifecycle.status(c.var.agreementId), 201);
  });
}
