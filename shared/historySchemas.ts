import { z } from 'zod';
import { NAME_MAX } from './historyViews';

/**
 * The drafting history's requests (GET/POST …/history, …/compare), as zod
 * schemas, and (re-exported from shared/historyViews.ts, in zod/mini, which
 * the client loads) its answers.
 */
export * from './historyViews';

export const HistoryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'not a version id');
/** A side of a comparison: a version's id, or the current text. */
export const CompareSideSchema = z.union([HistoryIdSchema, z.literal('current')]);
export const CompareQuerySchema = z.object({ from: CompareSideSchema, to: CompareSideSchema.default('current') });

export const NameVersionSchema = z.object({ name: z.string().trim().min(1, 'a name is required').max(NAME_MAX) });
export const RestoreSchema = z.object({ section: z.string().min(1).max(64).optional() });
