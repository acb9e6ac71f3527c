import { z } from 'zod/mini';

/**
 * After signing (GET …/lifecycle), the dashboard and the links between
 * agreements as the server answers them, in zod/mini as the client checks
 * them (see shared/schemas/common.ts); the types are inferred from them. The
 * requests and the signed JSON copy are in shared/lifecycleSchemas.ts, which
 * re-exports these.
 */

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD'));

export const AgreementDatesSchema = z.object({
  inForceFrom: day,
  endDate: z.nullable(day),
  renewalReviewDate: z.nullable(day),
  noticeDays: z.int().check(z.positive()),
  reviewMeetings: z.array(day),
});

/** The longest notice reason and partnership record (the requests: shared/lifecycleSchemas.ts). */
export const NOTICE_REASON_MAX = 2000;
export const RECORD_MAX = 20_000;

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
  phase: z.nullable(z.enum(['in_force', 'notice_given', 'ended'])),
  /** Why it ended: a notice, or its term ran out. */
  endedBy: z.nullable(z.enum(['notice', 'expiry'])),
  /** The dates its signed version gives it (null until signed). */
  dates: z.nullable(AgreementDatesSchema),
  /** Review meetings are on (the default) or the owner turned them off. */
  reviewMeetings: z.boolean(),
  /** The next of the dates that matter, as of today on the server. */
  next: z.nullable(z.object({ kind: z.enum(['review_meeting', 'renewal_review', 'notice_effective', 'end']), on: day })),
  today: day,
  notice: z.nullable(NoticeViewSchema),
  /** The record of the partnership's history and achievements, asked of the parties once it ends. */
  records: z.array(PartnershipRecordSchema),
  /** What this reader may do now. */
  may: z.object({ giveNotice: z.boolean(), record: z.boolean(), settings: z.boolean() }),
});

export type AgreementDatesView = z.infer<typeof AgreementDatesSchema>;
export type LifecycleView = z.infer<typeof LifecycleViewSchema>;
export type NoticeView = z.infer<typeof NoticeViewSchema>;

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
  next: z.nullable(z.object({ kind: z.enum(['review_meeting', 'renewal_review', 'notice_effective', 'end']), on: day })),
  updatedAt: z.string(),
});
export const DashboardSchema = z.object({ agreements: z.array(DashboardItemSchema) });
export type DashboardItem = z.infer<typeof DashboardItemSchema>;

/** A linked agreement; `signedAt` is when its version was signed (null while it is not). */
const LinkedSchema = z.object({ id: z.string(), title: z.string(), status: z.enum(['draft', 'locked', 'signed']), signedAt: z.nullable(z.string()) });
const AmendmentSchema = z.extend(LinkedSchema, { createdAt: z.string() });
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
  source: z.nullable(z.extend(LinkedSchema, { kind: z.enum(['amendment', 'renewal']), basedOn: LinkedSchema, behind: z.nullable(LinkedSchema) })),
  amendments: z.array(AmendmentSchema),
  renewal: z.nullable(z.object({ decision: z.enum(['renew', 'expire']), agreement: z.nullable(LinkedSchema) })),
  /**
   * The agreement as it stands, the same on the original's page and on each
   * of its amendments' pages: the original, then its signed amendments in the
   * order they were signed, and apart the amendments still being drafted.
   */
  chain: z.object({ original: LinkedSchema, inForce: z.array(AmendmentSchema), inProgress: z.array(AmendmentSchema) }),
});
export type LinksView = z.infer<typeof LinksViewSchema>;
/** The answer to opening an amendment or a renewal: the new draft (null when letting it expire). */
export const FollowUpSchema = z.object({ id: z.nullable(z.string()) });
