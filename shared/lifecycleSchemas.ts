import { z } from 'zod';
import { AgreementContentSchema } from './apiSchemas';
import { CompareSideSchema } from './historySchemas';

/**
 * After signing (GET …/lifecycle, POST …/notice, …/records, PATCH
 * …/lifecycle) and the signed JSON copy (GET …/export.json), as zod
 * schemas; the types are inferred from them.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD');

export const AgreementDatesSchema = z.object({
  inForceFrom: day,
  endDate: day.nullable(),
  renewalReviewDate: day.nullable(),
  noticeDays: z.number().int().positive(),
  reviewMeetings: z.array(day),
});

export const NOTICE_REASON_MAX = 2000;
export const RECORD_MAX = 20_000;
export const NoticeInputSchema = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(NOTICE_REASON_MAX) });
export const RecordInputSchema = z.object({ body: z.string().trim().min(1, 'the record is empty').max(RECORD_MAX) });
export const LifecycleSettingsSchema = z.object({ reviewMeetings: z.boolean() });

const PersonSchema = z.object({ id: z.string(), name: z.string() });

export const NoticeViewSchema = z.object({
  givenAt: z.string(),
  givenBy: PersonSchema,
  partyId: z.string(),
  partyName: z.string(),
  reason: z.string(),
  /** The day the agreement ends because of it (the notice period after it was given, or the end date if sooner). */
  effectiveOn: day,
});

export const PartnershipRecordSchema = z.object({
  id: z.string(),
  partyId: z.string(),
  author: PersonSchema,
  body: z.string(),
  createdAt: z.string(),
});

export const LifecycleViewSchema = z.object({
  /** In force, notice given, ended; null until the agreement is signed. */
  phase: z.enum(['in_force', 'notice_given', 'ended']).nullable(),
  /** Why it ended: a notice, or its term ran out. */
  endedBy: z.enum(['notice', 'expiry']).nullable(),
  /** The dates its signed version gives it (null until signed). */
  dates: AgreementDatesSchema.nullable(),
  /** Review meetings are on (the default) or the owner turned them off. */
  reviewMeetings: z.boolean(),
  /** The next of the dates that matter, as of today on the server. */
  next: z.object({ kind: z.enum(['review_meeting', 'renewal_review', 'notice_effective', 'end']), on: day }).nullable(),
  today: day,
  notice: NoticeViewSchema.nullable(),
  /** The record of the partnership's history and achievements, asked of the parties once it ends. */
  records: z.array(PartnershipRecordSchema),
  /** What this reader may do now. */
  may: z.object({ giveNotice: z.boolean(), record: z.boolean(), settings: z.boolean() }),
});

export type AgreementDatesView = z.infer<typeof AgreementDatesSchema>;
export type LifecycleView = z.infer<typeof LifecycleViewSchema>;
export type NoticeView = z.infer<typeof NoticeViewSchema>;

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

/** Where an agreement stands, as the dashboard names it. */
export const DASHBOARD_STATUSES = ['drafting', 'awaiting_approvals', 'locked', 'awaiting_signatures', 'in_force', 'notice_given', 'ended'] as const;
export type DashboardStatus = (typeof DASHBOARD_STATUSES)[number];

export const DashboardItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(DASHBOARD_STATUSES),
  role: z.enum(['owner', 'editor', 'commenter', 'viewer']),
  /** The legal names of the parties, as of the latest version of the text the server kept. */
  parties: z.array(z.string()),
  /** The next date that matters (signed agreements), else null. */
  next: z.object({ kind: z.enum(['review_meeting', 'renewal_review', 'notice_effective', 'end']), on: day }).nullable(),
  updatedAt: z.string(),
});
export const DashboardSchema = z.object({ agreements: z.array(DashboardItemSchema) });
export type DashboardItem = z.infer<typeof DashboardItemSchema>;

/** A linked agreement; `signedAt` is when its version was signed (null while it is not). */
const LinkedSchema = z.object({ id: z.string(), title: z.string(), status: z.enum(['draft', 'locked', 'signed']), signedAt: z.string().nullable() });
const AmendmentSchema = LinkedSchema.extend({ createdAt: z.string() });
/** What follows from a signed agreement (GET …/links): the original it amends or renews, its amendments in order, the renewal decision. */
export const LinksViewSchema = z.object({
  /**
   * What this draft amends (an amendment of an amendment amends the same
   * original) or renews, and `basedOn`, the agreement whose signed text it was
   * prefilled from: the agreement as it then stood (the original itself, or
   * the chain's latest signed amendment). `behind`: while this draft is not
   * signed, the agreement that stands now if an amendment was signed since it
   * was opened (this draft does not hold its changes); else null.
   */
  source: LinkedSchema.extend({ kind: z.enum(['amendment', 'renewal']), basedOn: LinkedSchema, behind: LinkedSchema.nullable() }).nullable(),
  amendments: z.array(AmendmentSchema),
  renewal: z.object({ decision: z.enum(['renew', 'expire']), agreement: LinkedSchema.nullable() }).nullable(),
  /**
   * The agreement as it stands, the same on the original's page and on each
   * of its amendments' pages: the original, then its signed amendments in the
   * order they were signed, and apart the amendments still being drafted.
   */
  chain: z.object({ original: LinkedSchema, inForce: z.array(AmendmentSchema), inProgress: z.array(AmendmentSchema) }),
});
/** `?original=&to=` of GET …/original-compare: the original this agreement was opened from, and this agreement's side (a version id or the current text). */
export const LinkedCompareQuerySchema = z.object({ original: z.string().min(1).max(64), to: CompareSideSchema.default('current') });
export type LinksView = z.infer<typeof LinksViewSchema>;
export const RenewalDecisionSchema = z.object({ decision: z.enum(['renew', 'expire']) });
/** The answer to opening an amendment or a renewal: the new draft (null when letting it expire). */
export const FollowUpSchema = z.object({ id: z.string().nullable() });
