import { z } from 'zod/mini';

export const PartyViewSchema = z.object({
  id: z.string(),
  /** 0-based position in the agreement. */
  index: z.int(),
  legalName: z.string(),
  /** How many (non-revoked) participants belong to it. */
  participants: z.int(),
});
export const PartyListSchema = z.object({ parties: z.array(PartyViewSchema) });
