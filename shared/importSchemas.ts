import { z } from 'zod/mini';
import { CreatedAgreementSchema } from './schemas/agreements';

/**
 * POST /api/agreements/import: a new agreement from a Word draft. The form
 * has `agreement` (the JSON of POST /api/agreements) and `file` (the .docx).
 * The answer, in zod/mini as the client checks it (see shared/schemas/common.ts).
 */
export const ImportSummarySchema = z.object({
  /** Headings matched to a section, in document order. */
  matched: z.array(z.object({ heading: z.string(), section: z.string() })),
  /** Headings whose text went to "Imported, to sort" ('' for the text before the first heading). */
  unsorted: z.array(z.string()),
});
export const ImportedAgreementSchema = z.extend(CreatedAgreementSchema, { imported: ImportSummarySchema });
export type ImportedAgreement = z.infer<typeof ImportedAgreementSchema>;
