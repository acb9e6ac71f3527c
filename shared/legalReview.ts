import { z } from 'zod';
import { LegalReviewSchema } from './schemas/status';

/**
 * The lawyer's review the guides advise for a partnership agreement (001:
 * such agreements are complex; have a lawyer draft or review the final
 * text). The owner records who reviewed it and on what day; the readiness
 * checklist asks for it when the template says so (`legalReviewAdvised`).
 */
export const LegalReviewInputSchema = z.object({
  reviewer: z.string().trim().min(1, 'reviewer is required').max(200),
  /** The day of the review, YYYY-MM-DD; not in the future. */
  reviewedOn: z.iso.date('not a date (YYYY-MM-DD)').refine((d) => d <= new Date().toISOString().slice(0, 10), 'the review date is in the future'),
});
export type LegalReviewInput = z.input<typeof LegalReviewInputSchema>;

/** The review as recorded (zod/mini, as the client checks it in answers: shared/schemas/status.ts). */
export { LegalReviewSchema };
export type LegalReview = z.infer<typeof LegalReviewSchema>;
