import { z } from 'zod/mini';
import { at } from './common';

export const VerifyResultSchema = z.object({
  match: z.boolean(),
  /**
   * What matched: the signed PDF file itself, the version fingerprint, or the
   * agreement pages fingerprint (both printed on the certificate), or the
   * signed JSON copy (shared/lifecycleSchemas.ts).
   */
  matched: z.optional(z.enum(['pdf', 'version', 'pages', 'json'])),
  hash: z.string(),
  agreement: z.optional(
    z.object({
      title: z.string(),
      versionNumber: z.int(),
      versionHash: z.string(),
      signedAt: z.nullable(at),
      signatures: z.array(z.object({ fullName: z.string(), title: z.string(), signedAt: at })),
    }),
  ),
});
