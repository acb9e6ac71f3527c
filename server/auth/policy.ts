import type { Me, Role, Visibility } from '../../shared/api';
import { HttpError } from '../errors';
import type { Participant } from '../store/participants';

/**
 * The one place that decides who may do what. Every REST handler asks here
 * (after validating its input, before calling a service), and so does the
 * sync server; nothing else compares roles. Rules that need data a service
 * reads (who wrote a comment, who was recorded to sign) are functions here
 * too, which the service calls with that data.
 */
export type Action =
  | 'read' // open the agreement, receive the document and presence
  | 'edit' // change the document
  | 'comment' // write comments
  | 'approve' // approve a section for one's party
  | 'sign' // sign the locked version (signatories only)
  | 'manage'; // invite, change roles, revoke

const RIGHTS: Record<Role, readonly Action[]> = {
  owner: ['read', 'edit', 'comment', 'approve', 'manage'],
  editor: ['read', 'edit', 'comment', 'approve'],
  commenter: ['read', 'comment'],
  viewer: ['read'],
};

export function can(participant: Pick<Participant, 'role' | 'revokedAt' | 'signatory'>, action: Action): boolean {
  if (participant.revokedAt !== null) return false;
  // Signing is not a role but a designation: any participant marked signatory signs for their party.
  if (action === 'sign') return participant.signatory;
  return RIGHTS[participant.role].includes(action);
}

/** Throws the 403 a route returns when the participant may not do `action`. */
export function authorize(participant: Participant, action: Action): void {
  if (!can(participant, action)) {
    const why = action === 'sign' ? 'Only a designated signatory may sign.' : `A ${participant.role} may not ${action} on this agreement.`;
    throw new HttpError(403, 'forbidden', why);
  }
}

const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message);

/** A shared thread is for everyone; an internal one only for its party. */
export function canSeeThread(viewer: Pick<Participant, 'partyId'>, thread: { visibility: Visibility; partyId: string }): boolean {
  return thread.visibility === 'shared' || thread.partyId === viewer.partyId;
}

/** Only its author edits or deletes a comment. */
export function authorizeCommentAuthor(participant: Pick<Participant, 'id'>, authorId: string): void {
  if (authorId !== participant.id) throw forbidden('Only its author may change a comment.');
}

/** The thread's author, or anyone who may edit the document, resolves and reopens it. */
export function authorizeResolve(participant: Participant, threadAuthorId: string): void {
  if (threadAuthorId !== participant.id && !can(participant, 'edit')) {
    throw forbidden('Only the thread’s author or an editor may resolve or reopen it.');
  }
}

/** Only the signatories recorded when the version was locked sign it; returns the signer's record. */
export function authorizeRecordedSigner<R extends { participantId: string }>(recorded: readonly R[], signer: Pick<Participant, 'id'>): R {
  const mine = recorded.find((r) => r.participantId === signer.id);
  if (!mine) throw forbidden('Only the signatories recorded when this version was locked may sign it.');
  return mine;
}

/**
 * After signing, written notice of termination is given by the owner or by a
 * party's designated signatory (the people who bound their party can unbind it).
 */
export function authorizeNotice(participant: Participant): void {
  if (!canGiveNotice(participant)) throw forbidden('Only the owner or a designated signatory may give notice.');
}

export const canGiveNotice = (p: Pick<Participant, 'role' | 'revokedAt' | 'signatory'>): boolean => p.revokedAt === null && (p.role === 'owner' || p.signatory);

/** The record of the partnership's history and achievements is written by those who draft for a party, or sign for it. */
export const canWriteRecord = (p: Pick<Participant, 'role' | 'revokedAt' | 'signatory'>): boolean => can(p, 'edit') || (p.revokedAt === null && p.signatory);

export function authorizeRecord(participant: Participant): void {
  if (!canWriteRecord(participant)) throw forbidden('Only an editor, the owner or a signatory may write the record.');
}

/** The owner stays the owner: nobody changes their role or revokes them. */
export function assertOwnerKept(target: Pick<Participant, 'role'>, change: 'role' | 'revoke'): void {
  if (target.role !== 'owner') return;
  throw new HttpError(400, 'invalid_request', change === 'role' ? "The owner's role cannot be changed." : 'The owner cannot be revoked.');
}

export function rightsOf(participant: Participant): Me['can'] {
  return {
    edit: can(participant, 'edit'),
    comment: can(participant, 'comment'),
    approve: can(participant, 'approve'),
    sign: can(participant, 'sign'),
    manage: can(participant, 'manage'),
  };
}

/** Who a participant would be after a change (an invitation has no "before"). */
export interface SignerChange {
  signatory: boolean;
  partyId: string;
  revoked: boolean;
}

/**
 * While a version awaits signatures, who must sign it was fixed at lock
 * (`recorded`, null when the agreement is not locked). A change that would
 * take a recorded signer off the list (undesignate, revoke) or to another
 * party, or add a signatory, is refused: the version would no longer be
 * signed by the people it was locked for.
 */
export function assertSignersKept(
  recorded: readonly { participantId: string; partyId: string }[] | null,
  before: Pick<Participant, 'id' | 'name' | 'signatory'> | null,
  after: SignerChange,
): void {
  if (recorded === null) return;
  const mine = before && recorded.find((r) => r.participantId === before.id);
  if (mine && before) {
    if (after.revoked || !after.signatory || after.partyId !== mine.partyId) {
      throw new HttpError(409, 'signers_fixed', `${before.name} must sign the locked version for their party: unlock or cancel first.`);
    }
  } else if (after.signatory && !after.revoked && !before?.signatory) {
    throw new HttpError(409, 'signers_fixed', 'The signatories were fixed when the version was locked: unlock or cancel first.');
  }
}
