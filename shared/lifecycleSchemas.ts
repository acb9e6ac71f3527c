import { z } from 'zod';
import { AgreementContentSchema } from './schemas/content';
import { CompareSideSchema } from './historySchemas';
import { AgreementDatesSchema, NOTICE_REASON_MAX, RECORD_MAX } from './lifecycleViews';

/**
 * After signing (POST …/notice, …/records, PATCH …/lifecycle) and the signed
 * JSON copy (GET …/export.json), as zod schemas; the types are inferred from
 * them. The answers are in shared/lifecycleViews.ts (zod/mini, which the
 * client loads), re-exported here.
 */
export * from './lifecycleViews';

export const NoticeInputSchema = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(NOTICE_REASON_MAX) });
export const RecordInputSchema = z.object({ body: z.string().trim().min(1, 'the record is empty').max(RECORD_MAX) });
export const LifecycleSettingsSchema = z.object({ reviewMeetings: z.boolean() });

/** The versioned schema of the machine-readable signed copy. */
export const SIGNED_COPY_SCHEMA = 'https://entente.app/schema/signed-agreement/v1';

/**
 * The signed JSON copy (GET …/export.json): canonical JSON (sorted keys, no
 * whitespace), so the file's SHA-256 is stable; `POST /api/verify` takes the
 * file (re-serialised canonically, so reformatting it does not matter).
 */
export const SignedCopySchema = z.object({
  schema: z.literal(SIGNED_COPY_SCHEMA),
  agreement: z.object({ id: z.string(), title: z.string(), language: z.string(), templateId: z.string() }),
  version: z.object({ number: z.number().int(), lockedAt: z.string(), signedAt: z.string() }),
  /** Exactly the content the signatures are bound to: its canonical JSON hashes to `hashes.version`. */
  content: AgreementContentSchema,
  parties: z.array(z.object({ id: z.string(), legalName: z.string(), address: z.string() })),
  signatures: z.array(z.object({ partyId: z.string(), fullName: z.string(), title: z.string(), signedAt: z.string(), versionHash: z.string() })),
  dates: AgreementDatesSchema,
  hashes: z.object({ algorithm: z.literal('SHA-256'), version: z.string(), pdf: z.string(), pages: z.string().nullable() }),
});
export type SignedCopy = z.infer<typeof SignedCopySchema>;

/** `?original=&to=` of GET …/original-compare: the original this agreement was opened from, and this agreement's side (a version id or the current text). */
export const LinkedCompareQuerySchema = z.object({ original: z.string().min(1).max(64), to: CompareSideSchema.default('current') });
export const RenewalDecisionSchema = z.object({ decision: z.enum(['renew', 'expire']) });
