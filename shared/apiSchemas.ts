import { z } from 'zod/mini';
import { ROLES } from './roles';
import { ERROR_CODES } from './errors';
import { NotificationViewSchema } from './notifyViews';
import { BUDGET_NATURES, CHECKS, RACI_LETTERS } from './contentEnums';
import type { AgreementEvent } from './events';
import type { CheckResult } from './readiness';
import type { AgreementContent } from './render';

/**
 * What the REST API answers and the event stream carries, as zod schemas.
 * The response types in shared/api.ts are `z.infer` of these, so the types
 * the server builds and the checks the client runs (client/api/,
 * client/events.ts) cannot drift apart. Objects strip keys they do not
 * name: test/shared/apiSchemas.test.ts parses every route's real answer and
 * checks nothing was dropped.
 *
 * Written with zod/mini, whose schemas are plain functions a bundler leaves
 * out when unused, because the client checks every answer with them: classic
 * zod's schemas carry every method (and JSON Schema output), about 20 kB gzip
 * more on each page that loads the data layer. They are zod schemas all the
 * same: the server's classic request schemas embed them (AnchorSchema in
 * shared/api.ts) and everything parses them alike. Request schemas stay in
 * classic zod (shared/api.ts and the like), which only the server loads.
 */

/** ISO 8601 timestamps as the server writes them; kept as strings. */
const at = z.string();

/** Where a thread points: a whole section, or a text range inside one of its fragments (also a request field: shared/api.ts). */
export const AnchorSchema = z.object({
  /** The Yjs fragment holding the text (see `fragmentName`). */
  fragment: z.string().check(z.minLength(1), z.maxLength(120)),
  /** Y.encodeRelativePosition of the range start (association 0) and end (association -1), base64. */
  start: z.base64().check(z.maxLength(400)),
  end: z.base64().check(z.maxLength(400)),
  /** The text the range covered when the thread was opened: shown if the text goes away. */
  quote: z.string().check(z.minLength(1), z.maxLength(2000)),
});

/** Who sees a thread: every party ('shared'), or the author's party only. */
export const VISIBILITIES = ['shared', 'party'] as const;

/** How an editor's changes land: straight into the text, or as suggestions others accept or reject (shared/editMode.ts). */
export const EditModeSchema = z.enum(['editing', 'suggesting']);

/** The lawyer's review as the owner recorded it (shared/legalReview.ts). */
export const LegalReviewSchema = z.object({
  reviewer: z.string(),
  reviewedOn: z.string(),
  /** Who recorded it (the owner's participant id) and when. */
  recordedBy: z.string(),
  recordedAt: z.string(),
});

/** Both directions assignable: the schema and a hand-written interface describe the same shape. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export const PartyViewSchema = z.object({
  id: z.string(),
  /** 0-based position in the agreement. */
  index: z.int(),
  legalName: z.string(),
  /** How many (non-revoked) participants belong to it. */
  participants: z.int(),
});
export const PartyListSchema = z.object({ parties: z.array(PartyViewSchema) });

export const AgreementSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  templateId: z.string(),
  createdAt: at,
  updatedAt: at,
});
export const AgreementListSchema = z.object({ agreements: z.array(AgreementSummarySchema) });

const PartyContentSchema = z.object({
  id: z.string(),
  legalName: z.string(),
  address: z.string(),
  mission: z.string(),
  sections: z.record(z.string(), z.string()),
  contacts: z.array(z.object({ id: z.string(), title: z.string(), email: z.string(), phone: z.string() })),
  signatories: z.array(z.object({ id: z.string(), name: z.string(), title: z.string() })),
});

/** The document as plain JSON (shared/render.ts `AgreementContent`). */
export const AgreementContentSchema = z.object({
  title: z.string(),
  language: z.string(),
  templateId: z.string(),
  parties: z.array(PartyContentSchema),
  duration: z.object({
    termYears: z.nullable(z.number()),
    renewalReviewMonths: z.nullable(z.number()),
    terminationNoticeDays: z.nullable(z.number()),
    notes: z.string(),
  }),
  sections: z.record(z.string(), z.string()),
  included: z.optional(z.record(z.string(), z.boolean())),
  raci: z.optional(
    z.record(
      z.string(),
      z.object({
        tasks: z.array(z.object({ id: z.string(), name: z.string(), lead: z.string() })),
        roles: z.array(z.object({ id: z.string(), name: z.string() })),
        cells: z.record(z.string(), z.enum(RACI_LETTERS)),
      }),
    ),
  ),
  budget: z.optional(
    z.record(
      z.string(),
      z.object({
        lines: z.array(z.object({ id: z.string(), label: z.string(), partyId: z.string(), amountCents: z.number(), nature: z.enum(BUDGET_NATURES) })),
      }),
    ),
  ),
});
export type ContentSchemaMatches = Assert<Same<z.infer<typeof AgreementContentSchema>, AgreementContent>>;

export const AgreementDetailSchema = z.extend(AgreementSummarySchema, { content: AgreementContentSchema });
/** The answer to POST /api/agreements: the agreement and the owner's personal link (shown this once). */
export const CreatedAgreementSchema = z.extend(AgreementDetailSchema, { ownerLink: z.string() });

/** Every REST error: a stable code (shared/errors.ts) for programs, and English detail for people reading the API. */
export const ApiErrorSchema = z.object({ error: z.enum(ERROR_CODES), message: z.string() });

export const ParticipantViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  partyId: z.string(),
  role: z.enum(ROLES),
  signatory: z.boolean(),
  createdAt: at,
  revokedAt: z.nullable(at),
  /**
   * The personal link, only in the answer that issues it: the invitation
   * (POST …/participants) and a re-issue (POST …/participants/:pid/link).
   * The server keeps only its hash, so no list, `/me` included, can show it again.
   */
  link: z.optional(z.string()),
});
export const ParticipantListSchema = z.object({ participants: z.array(ParticipantViewSchema) });

/** Who the current session is, on one agreement. */
export const MeSchema = z.object({
  participant: ParticipantViewSchema,
  agreementId: z.string(),
  /** The template the agreement was drafted from: the page loads its chunk beside the first sync, not after it. */
  templateId: z.string(),
  can: z.object({ edit: z.boolean(), comment: z.boolean(), approve: z.boolean(), sign: z.boolean(), manage: z.boolean() }),
});

export const CommentViewSchema = z.object({
  id: z.string(),
  /** Sent by the server (its stored row); the client does not need it. */
  threadId: z.optional(z.string()),
  authorId: z.string(),
  authorName: z.string(),
  /** Empty once deleted; the comment stays as a marker so replies keep their place. */
  body: z.string(),
  mentions: z.array(z.string()),
  createdAt: at,
  editedAt: z.nullable(at),
  deletedAt: z.nullable(at),
});

export const ThreadEventSchema = z.object({
  action: z.enum(['resolved', 'reopened']),
  by: z.string(),
  byName: z.string(),
  at,
});

export const ThreadViewSchema = z.object({
  id: z.string(),
  /** Sent by the server (its stored row); the client does not need it. */
  agreementId: z.optional(z.string()),
  section: z.string(),
  anchor: z.nullable(AnchorSchema),
  /** The anchored text is gone; the quote is all that is left of it. */
  orphaned: z.boolean(),
  visibility: z.enum(VISIBILITIES),
  /** The party an internal thread belongs to (and the author's party for shared ones). */
  partyId: z.string(),
  authorId: z.string(),
  createdAt: at,
  resolvedAt: z.nullable(at),
  resolvedBy: z.nullable(z.string()),
  /** The suggestion this thread replies to (shared/suggestions.ts), or null for a comment thread. */
  suggestionId: z.nullable(z.string()),
  history: z.array(ThreadEventSchema),
  comments: z.array(CommentViewSchema),
  /** Comments by others the current participant has not read yet. */
  unread: z.int(),
});
export const ThreadListSchema = z.object({ threads: z.array(ThreadViewSchema) });

export const ApprovalViewSchema = z.object({
  section: z.string(),
  partyId: z.string(),
  participantId: z.string(),
  participantName: z.string(),
  contentHash: z.string(),
  approvedAt: at,
});

export const AgreementStatusSchema = z.enum(['draft', 'locked', 'signed']);

export const SignatureViewSchema = z.object({
  participantId: z.string(),
  partyId: z.string(),
  fullName: z.string(),
  title: z.string(),
  signedAt: at,
  versionHash: z.string(),
});

export const VersionViewSchema = z.object({
  number: z.int(),
  hash: z.string(),
  status: z.enum(['locked', 'unlocked', 'signed', 'cancelled']),
  lockedAt: at,
  closedAt: z.nullable(at),
  closeReason: z.nullable(z.string()),
  signedAt: z.nullable(at),
  pdfHash: z.nullable(z.string()),
});

/** One readiness check (shared/readiness.ts `CheckResult`). */
export const CheckResultSchema = z.object({ key: z.enum(CHECKS), ok: z.boolean(), missing: z.array(z.string()) });
export type CheckSchemaMatches = Assert<Same<z.infer<typeof CheckResultSchema>, CheckResult>>;

/** Everything about where an agreement stands, for everyone on it. */
export const StatusViewSchema = z.object({
  status: AgreementStatusSchema,
  /** The locked or signed version, if any. */
  version: z.nullable(VersionViewSchema),
  history: z.array(VersionViewSchema),
  approvals: z.array(ApprovalViewSchema),
  /** Approvals still matching their section, as `section:partyId`. */
  validApprovals: z.array(z.string()),
  checklist: z.array(CheckResultSchema),
  signatures: z.array(SignatureViewSchema),
  /**
   * Who must sign, and who has: once locked, the people recorded at lock for
   * each party of the version; before, those a lock would record now (the
   * designated signatories). `partyName` is the party's legal name in that
   * version (or in the draft).
   */
  signers: z.array(z.object({ partyId: z.string(), partyName: z.string(), participantId: z.string(), name: z.string(), signed: z.boolean() })),
  /** Date of the last signature, once every signatory has signed. */
  inForceFrom: z.nullable(at),
  /** The lawyer's review the owner recorded (shared/legalReview.ts), if any. */
  legalReview: z.optional(z.nullable(LegalReviewSchema)),
  /** Everyone's default mode, set by the owner (PUT …/default-mode); each editor may switch for themselves. */
  defaultMode: EditModeSchema,
});

export const AuditViewSchema = z.object({
  entries: z.array(
    z.object({
      seq: z.int(),
      at,
      actorId: z.nullable(z.string()),
      actorName: z.string(),
      action: z.string(),
      details: z.record(z.string(), z.unknown()),
      hash: z.string(),
    }),
  ),
  chain: z.object({ ok: z.boolean(), head: z.optional(z.string()), brokenAt: z.optional(z.int()), entries: z.int() }),
});

export const VerifyResultSchema = z.object({
  match: z.boolean(),
  /**
   * What matched: the signed PDF file itself, the version fingerprint, or the
   * agreement pages fingerprint (both printed on the certificate), or the
   * signed JSON copy (shared/lifecycleSchemas.ts).
   */
  matched: z.optional(z.enum(['pdf', 'version', 'pages', 'json'])),
  hash: z.string(),
  agreement: z.optional(
    z.object({
      title: z.string(),
      versionNumber: z.int(),
      versionHash: z.string(),
      signedAt: z.nullable(at),
      signatures: z.array(z.object({ fullName: z.string(), title: z.string(), signedAt: at })),
    }),
  ),
});

/**
 * Who wrote what (GET …/authors, event `authors`): each Yjs client id the
 * server bound, to a participant (name, and their party when the binding was
 * made) or to nobody (the server's own changes, content older than the
 * record); and when its items were stored: items from `clock` on, up to the
 * next span's clock, were stored from `at` (within a minute).
 */
export const AuthorViewSchema = z.object({
  clientId: z.int().check(z.nonnegative()),
  participant: z.nullable(z.object({ id: z.string(), name: z.string(), partyId: z.string() })),
  spans: z.array(z.object({ clock: z.int().check(z.nonnegative()), at })),
});
export const AuthorListSchema = z.object({ authors: z.array(AuthorViewSchema) });

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

/** A signal without content: whatever `data` holds is not read. */
const signal = z.pipe(
  z.unknown(),
  z.transform((): Record<string, never> => ({})),
);

/**
 * One server-sent event as the client receives it (shared/events.ts), its
 * payload checked: `{ type: <event name>, data: <parsed JSON> }`.
 */
export const AgreementEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), data: signal }),
  z.object({ type: z.literal('thread'), data: ThreadViewSchema }),
  z.object({ type: z.literal('participants'), data: signal }),
  z.object({ type: z.literal('parties'), data: PartyListSchema }),
  z.object({ type: z.literal('status'), data: signal }),
  z.object({ type: z.literal('authors'), data: AuthorListSchema }),
  z.object({ type: z.literal('history'), data: signal }),
  z.object({ type: z.literal('notification'), data: NotificationViewSchema }),
  z.object({ type: z.literal('ping'), data: signal }),
]);
export type EventSchemaMatches = Assert<Same<z.output<typeof AgreementEventSchema>, AgreementEvent>>;

/**
 * The person this browser is signed in as (GET /api/person, server/auth/persons.ts):
 * whether e-mail is on, and their addresses — `proven` once a link mailed there
 * was opened (only those sign in by e-mail), else an address an agreement of
 * theirs invited them under, which they may prove.
 */
export const PersonViewSchema = z.object({
  signedIn: z.boolean(),
  mail: z.boolean(),
  agreements: z.int().check(z.nonnegative()),
  emails: z.array(z.object({ email: z.string(), proven: z.boolean() })),
});
/** A one-time sign-in link to open in another browser (POST /api/person/sign-in-link), shown once. */
export const SignInLinkSchema = z.object({ url: z.string(), expiresAt: at });
/** A sign-in e-mail was queued (or, for an address nobody proved, nothing was: the answer is the same). */
export const SignInMailSchema = z.object({ sent: z.literal(true), expiresInMinutes: z.int().check(z.positive()) });
