import { z } from 'zod/mini';
import { CHECKS } from '../contentEnums';
import type { CheckResult } from '../readiness';
import { at, type Assert, type Same } from './common';

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
