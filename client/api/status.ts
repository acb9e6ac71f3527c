/** Where an agreement stands and the steps to signing: approvals, lock, signatures, default mode, legal review (server/routes/signing.ts and beside); the audit log is client/api/audit.ts. */
import type { EditMode } from '../../shared/editMode';
import type { LegalReviewInput } from '../../shared/legalReview';
import { StatusViewSchema } from '../../shared/schemas/status';
import { get, json, request, under } from './http';

export const getStatus = (id: string, signal?: AbortSignal) => get(under(id, '/status'), StatusViewSchema, signal);
export const approveSection = (id: string, section: string) => request(under(id, '/approvals'), StatusViewSchema, json('POST', { section }));
export const lockAgreement = (id: string) => request(under(id, '/lock'), StatusViewSchema, json('POST'));
export const unlockAgreement = (id: string, reason: string) => request(under(id, '/unlock'), StatusViewSchema, json('POST', { reason }));
export const cancelVersion = (id: string, reason: string) => request(under(id, '/cancel'), StatusViewSchema, json('POST', { reason }));
export const signAgreement = (id: string, input: { fullName: string; title: string; versionHash: string }) =>
  request(under(id, '/sign'), StatusViewSchema, json('POST', input));
/** The owner sets everyone's default mode, Editing or Suggesting (shared/editMode.ts). */
export const setDefaultMode = (id: string, mode: EditMode) => request(under(id, '/default-mode'), StatusViewSchema, json('PUT', { mode }));

/** The owner records the lawyer's review (shared/legalReview.ts). */
export const recordLegalReview = (id: string, input: LegalReviewInput) => request(under(id, '/legal-review'), StatusViewSchema, json('POST', input));
