import { isCompleteLine } from '../budget';
import { budgetLine, itemChanges } from '../diffParts';
import type { SectionKindDef } from './types';

/** Budget lines (what, which party, amount, cash or in kind) with totals per party (`budget.ts`), in its `table:<key>` map. */
export const budget: SectionKindDef = {
  sharedText: false,
  perParty: false,
  table: { lines: 'array' },
  restore: { tableParties: [{ list: 'lines', field: 'partyId' }] },
  approval: (content, key) => content.budget?.[key] ?? { lines: [] },
  readiness: ({ content, key, missing }) => {
    const ids = content.parties.map((p) => p.id);
    if (!(content.budget?.[key]?.lines ?? []).some((l) => isCompleteLine(l, ids))) missing('sectionsFilled', key);
  },
  worded: false,
  compare: ({ a, b, key, fields }) => {
    fields.push(...itemChanges(null, 'budgetLine', a.budget?.[key]?.lines ?? [], b.budget?.[key]?.lines ?? [], budgetLine(a), budgetLine(b)));
  },
};
