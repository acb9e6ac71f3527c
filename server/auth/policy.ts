import type { Me, Role } from '../../shared/api';
import { HttpError } from '../errors';
import type { Participant } from '../store/participants';

/**
 * The one place that decides who may do what. Routes and the sync server
 * ask here; nothing else compares roles.
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
    throw new HttpError(403, 'forbidden', `A ${participant.role} may not ${action} on this agreement.`);
  }
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
