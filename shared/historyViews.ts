import { z } from 'zod/mini';
import { AgreementContentSchema } from './schemas/content';
import { SECTION_KINDS } from './template';

/**
 * The drafting history's answers (GET/POST …/history, …/compare), in
 * zod/mini as the client checks them (see shared/schemas/common.ts); the types
 * are inferred from them. The requests are in shared/historySchemas.ts,
 * which re-exports these.
 */

/** The longest name a version may be given. */
export const NAME_MAX = 200;

const PersonSchema = z.object({ id: z.string(), name: z.string() });

export const HistoryEntryViewSchema = z.object({
  id: z.string(),
  number: z.int(),
  kind: z.enum(['created', 'auto', 'named', 'locked', 'restored']),
  name: z.nullable(z.string()),
  createdAt: z.string(),
  createdBy: z.nullable(PersonSchema),
  authors: z.array(PersonSchema),
  sections: z.array(z.string()),
  parties: z.array(z.string()),
  hash: z.string(),
  lockedVersion: z.nullable(z.int()),
  restoredFrom: z.nullable(z.int()),
});

export const HistoryListSchema = z.object({
  versions: z.array(HistoryEntryViewSchema),
  /** The version this participant saw when they last left the agreement. */
  lastSeenId: z.nullable(z.string()),
  /** The last named version ("the version sent to us"). */
  lastNamedId: z.nullable(z.string()),
});

export const HistoryVersionSchema = z.object({ version: HistoryEntryViewSchema, content: AgreementContentSchema });

/** `by`, on an insertion: who wrote it, as the authorship record says (absent or empty when unknown). */
const DiffOpSchema = z.object({ op: z.enum(['same', 'ins', 'del']), text: z.string(), by: z.optional(z.array(PersonSchema)) });
const FieldChangeSchema = z.object({
  partyId: z.nullable(z.string()),
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
  item: z.nullable(z.string()),
  before: z.nullable(z.string()),
  after: z.nullable(z.string()),
});

export const SectionComparisonViewSchema = z.object({
  key: z.string(),
  kind: z.enum(SECTION_KINDS),
  changed: z.boolean(),
  texts: z.array(z.object({ partyId: z.nullable(z.string()), ops: z.array(DiffOpSchema) })),
  fields: z.array(FieldChangeSchema),
  /** Who made this section's changes (see README: "Who made a change"). */
  authors: z.array(PersonSchema),
});

/** A side of a comparison as shown in its heading. */
export const CompareSideViewSchema = z.object({
  id: z.string(),
  number: z.nullable(z.int()),
  name: z.nullable(z.string()),
  kind: z.enum(['created', 'auto', 'named', 'locked', 'restored', 'current']),
  createdAt: z.string(),
  hash: z.string(),
  lockedVersion: z.nullable(z.int()),
  restoredFrom: z.nullable(z.int()),
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
