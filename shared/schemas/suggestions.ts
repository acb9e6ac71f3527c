import { z } from 'zod/mini';
import { at } from './common';

/**
 * One open suggestion (GET …/suggestions): what it would add and remove (¶
 * where it splits or joins paragraphs), and its author from the authorship
 * record (the binding of the client id that wrote its mark; null for the
 * server's own changes), `at` when that mark was stored (to the minute).
 */
export const SuggestionViewSchema = z.object({
  id: z.string(),
  sectionKey: z.string(),
  partyId: z.nullable(z.string()),
  inserted: z.string(),
  deleted: z.string(),
  author: z.nullable(z.object({ participantId: z.string(), name: z.string(), partyId: z.string() })),
  at: z.nullable(at),
});
export const SuggestionListSchema = z.object({ suggestions: z.array(SuggestionViewSchema) });
