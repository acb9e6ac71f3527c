import type { Role } from '../../shared/api';
import { HttpError } from '../errors';
import type { Participant } from '../store/participants';

/**
 * The one place that decides who may do what. Routes and the sync server
 * ask here; nothing else compares roles.
 */
export type Action =
  | 'read' // open the agreement, receive the document and presence
  | 'edit' // change the document
  | 'comment' // write comments (issue: comments)
  | 'manage'; // invite, change roles, revoke

const RIGHTS: Record<Role, readonly Action[]> = {
  owner: ['read', 'edit', 'comment', 'manage'],
  editor: ['read', 'edit', 'comment'],
  commenter: ['read', 'comment'],
  viewer: ['read'],
};

export function can(participant: Pick<Participant, 'role' | 'revokedAt'>, action: Action): boolean {
  return participant.revokedAt === null && RIGHTS[participant.role].includes(action);
}

/** Throws the 403 a route returns when the participant may not do `action`. */
export function authorize(participant: Participant, action: Action): void {
  if (!can(participant, action)) {
    throw new HttpError(403, 'forbidden', `A ${participant.role} may not ${action} on this agreement.`);
  }
}

export function rightsOf(participant: Participant): { edit: boolean; comment: boolean; manage: boolean } {
  return { edit: can(participant, 'edit'), comment: can(participant, 'comment'), manage: can(participant, 'manage') };
}
