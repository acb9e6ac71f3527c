import { Hono } from 'hono';
import type { z } from 'zod';
import type { SuggestionListSchema } from '../../shared/schemas/suggestions';
import { authorize } from '../auth/policy';
import type { SuggestionService } from '../services/suggestions';
import type { AuthEnv } from './access';

/** Mounted under /api/agreements/:id, after `requireParticipant`: the open suggestions with their authors, for everyone on the agreement. */
export function suggestionRoutes(suggestions: SuggestionService): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/suggestions', (c) => {
    authorize(c.var.participant, 'read');
    const body: z.infer<typeof SuggestionListSchema> = { suggestions: suggestions.list(c.var.agreementId) };
    return c.json(body);
  });
}
