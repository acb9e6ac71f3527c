import { z } from 'zod/mini';
import { at } from './common';
import { AgreementContentSchema } from './content';

export const AgreementSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  templateId: z.string(),
  createdAt: at,
  updatedAt: at,
});
export const AgreementListSchema = z.object({ agreements: z.array(AgreementSummarySchema) });

export const AgreementDetailSchema = z.extend(AgreementSummarySchema, { content: AgreementContentSchema });
/** The answer to POST /api/agreements: the agreement and the owner's personal link (shown this once). */
export const CreatedAgreementSchema = z.extend(AgreementDetailSchema, { ownerLink: z.string() });
