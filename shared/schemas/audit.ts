import { z } from 'zod/mini';
import { at } from './common';

export const AuditViewSchema = z.object({
  entries: z.array(
    z.object({
      seq: z.int(),
      at,
      actorId: z.nullable(z.string()),
      actorName: z.string(),
      action: z.string(),
      details: z.record(z.string(), z.unknown()),
      hash: z.string(),
    }),
  ),
  chain: z.object({ ok: z.boolean(), head: z.optional(z.string()), brokenAt: z.optional(z.int()), entries: z.int() }),
});
