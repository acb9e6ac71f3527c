import { Hono } from 'hono';
import type { AuthorListSchema } from '../../shared/schemas/authors';
import type { z } from 'zod';
import { authorize } from '../auth/policy';
import type { AuthorStore } from '../store/authors';
import type { AuthEnv } from './access';

/** Mounted under /api/agreements/:id, after `requireParticipant`: the authorship record, for everyone on the agreement. */
export function authorRoutes(store: AuthorStore): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/authors', (c) => {
    authorize(c.var.participant, 'read');
    // Everything stored is in the record: whatever is queued was bound as it was applied.
    const body: z.infer<typeof AuthorListSchema> = { authors: store.list(c.var.agreementId) };
    return c.json(body);
  });
}
