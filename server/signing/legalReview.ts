import type { z } from 'zod';
import type { LegalReview, LegalReviewInputSchema } from '../../shared/legalReview';
import type { Participant } from '../store/participants';
import { HttpError } from '../errors';
import type { EventHub } from '../events/hub';
import type { AuditLog } from '../store/audit';
import type { VersionStore } from '../store/versions';

/**
 * The review is kept in the audit log (`legal_review_recorded`), not a table
 * of its own: it is a fact about the agreement with a time and an author,
 * exactly what the log holds, and the log's hash chain vouches for it.
 * The latest entry counts (a review may be recorded again after changes).
 */
export function latestLegalReview(audit: AuditLog, agreementId: string): LegalReview | null {
  const entry = audit.latest(agreementId, 'legal_review_recorded');
  if (!entry) return null;
  const { reviewer, reviewedOn } = entry.details;
  if (typeof reviewer !== 'string' || typeof reviewedOn !== 'string') return null;
  return { reviewer, reviewedOn, recordedBy: entry.actorId ?? '', recordedAt: entry.at };
}

export interface LegalReviewDeps {
  audit: AuditLog;
  versions: VersionStore;
  hub: EventHub;
}

/** The owner records the review, while the agreement is still a draft (it is part of getting ready to lock). */
export function recordLegalReview(d: LegalReviewDeps, by: Participant, input: z.output<typeof LegalReviewInputSchema>): void {
  const id = by.agreementId;
  const status = d.versions.status(id);
  if (status !== 'draft') throw new HttpError(409, status, `The agreement is ${status}.`);
  d.audit.append(id, by.id, 'legal_review_recorded', { reviewer: input.reviewer, reviewedOn: input.reviewedOn });
  d.hub.publish(id, 'status', {});
}
