import { z } from 'zod';
import { AgreementContentSchema } from './apiSchemas';
import { SECTION_KINDS } from './template';

/**
 * The drafting history's requests and answers (GET/POST …/history,
 * …/compare), as zod schemas; the types are inferred from them.
 */

export const HistoryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'not a version id');
/** A side of a comparison: a version's id, or the current text. */
export const CompareSideSchema = z.union([HistoryIdSchema, z.literal('current')]);
export const CompareQuerySchema = z.object({ from: CompareSideSchema, to: CompareSideSchema.default('current') });

export const NAME_MAX = 200;
export const NameVersionSchema = z.object({ name: z.string().trim().min(1, 'a name is required').max(NAME_MAX) });
export const RestoreSchema = z.object({ section: z.string().min(1).max(64).optional() });

const PersonSchema = z.object({ id: z.string(), name: z.string() });

export const HistoryEntryViewSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  kind: z.enum(['created', 'auto', 'named', 'locked', 'restored']),
  name: z.string().nullable(),
  createdAt: z.string(),
  createdBy: PersonSchema.nullable(),
  authors: z.array(PersonSchema),
  sections: z.array(z.string()),
  parties: z.array(z.string()),
  hash: z.string(),
  lockedVersion: z.number().int().nullable(),
  restoredFrom: z.number().int().nullable(),
});

export const HistoryListSchema = z.object({
  versions: z.array(HistoryEntryViewSchema),
  /** The version this participant saw when they last left the agreement. */
  lastSeenId: z.string().nullable(),
  /** The last named version ("the version sent to us"). */
  lastNamedId: z.string().nullable(),
});

export const HistoryVersionSchema = z.object({ version: HistoryEntryViewSchema, content: AgreementContentSchema });

/** `by`, on an insertion: who wrote it, as the authorship record says (absent or empty when unknown). */
const DiffOpSchema = z.object({ op: z.enum(['same', 'ins', 'del']), text: z.string(), by: z.array(PersonSchema).optional() });
const FieldChangeSchema = z.object({
  partyId: z.string().nullable(),
  field: z.enum([
    'title',
    'party',
    'legalName',
    'address',
    'mission',
    'contact',
    'signatory',
    'termYears',
    'renewalReviewMonths',
    'terminationNoticeDays',
    'task',
    'role',
    'budgetLine',
    'content',
  ]),
  item: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const SectionComparisonViewSchema = z.object({
  key: z.string(),
  kind: z.enum(SECTION_KINDS),
  changed: z.boolean(),
  texts: z.array(z.object({ partyId: z.string().nullable(), ops: z.array(DiffOpSchema) })),
  fields: z.array(FieldChangeSchema),
  /** Who made this section's changes (see README: "Who made a change"). */
  authors: z.array(PersonSchema),
});

/** A side of a comparison as shown in its heading. */
export const CompareSideViewSchema = z.object({
  id: z.string(),
  number: z.number().int().nullable(),
  name: z.string().nullable(),
  kind: z.enum(['created', 'auto', 'named', 'locked', 'restored', 'current']),
  createdAt: z.string(),
  hash: z.string(),
  lockedVersion: z.number().int().nullable(),
  restoredFrom: z.number().int().nullable(),
});

export const ComparisonSchema = z.object({
  from: CompareSideViewSchema,
  to: CompareSideViewSchema,
  sections: z.array(SectionComparisonViewSchema),
  changedSections: z.array(z.string()),
  changedParties: z.array(z.string()),
  /** The parties' names on the newer side (and removed ones' from the older), for labelling each party's part. */
  partyNames: z.record(z.string(), z.string()),
});

export type HistoryEntryView = z.infer<typeof HistoryEntryViewSchema>;
export type HistoryList = z.infer<typeof HistoryListSchema>;
export type HistoryVersion = z.infer<typeof HistoryVersionSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
export type CompareSideView = z.infer<typeof CompareSideViewSchema>;
export type SectionComparisonView = z.infer<typeof SectionComparisonViewSchema>;
