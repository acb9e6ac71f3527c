import { z } from 'zod/mini';
import { ROLES } from '../roles';
import { at } from './common';

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
