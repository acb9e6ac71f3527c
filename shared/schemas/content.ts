import { z } from 'zod/mini';
import { BUDGET_NATURES, RACI_LETTERS } from '../contentEnums';
import type { AgreementContent } from '../render';
import type { Assert, Same } from './common';

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
