/**
 * The fixed lists the API's response schemas check (`schemas/content.ts`,
 * `schemas/status.ts`), in a module of their own: a page that only
 * validates responses (the agreement list) then does not download the
 * document code (`schema.ts`, `kinds/`) that `raci.ts`, `budget.ts` and
 * `readiness.ts` bring in.
 */
export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;
export const BUDGET_NATURES = ['cash', 'inKind'] as const;
/** What must be true before the owner can lock the final version (`readiness.ts`). */
export const CHECKS = [
  'sectionsFilled',
  'responsibilities',
  'duration',
  'signatories',
  'raci',
  'noOpenThreads',
  'suggestions',
  'approvals',
  'legalReview',
] as const;
