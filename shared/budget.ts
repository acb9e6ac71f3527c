import * as Y from 'yjs';
import { BUDGET_NATURES } from './contentEnums';
import { newId } from './schema';
import { readList, tableList, tableMap, text } from './tables';

/**
 * The budget annex of a partnership agreement (001, Ressource 6: "un budget
 * peut être joint en annexe"): one line per contribution, with the party
 * providing it, its amount and whether it is cash or in kind. In the Y.Map
 * `table:<key>`: lines Y.Array<Y.Map{id, label, partyId, amountCents, nature}>.
 * Amounts are whole cents, so totals add up exactly.
 */
export { BUDGET_NATURES };
export type BudgetNature = (typeof BUDGET_NATURES)[number];

export interface BudgetLine {
  id: string;
  label: string;
  partyId: string;
  amountCents: number;
  nature: BudgetNature;
}

export interface BudgetContent {
  lines: BudgetLine[];
}

const cents = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0);
const nature = (v: unknown): BudgetNature => (v === 'inKind' ? 'inKind' : 'cash');

export function readBudget(doc: Y.Doc, sectionKey: string): BudgetContent {
  return {
    lines: readList(tableMap(doc, sectionKey), 'lines').map((l) => ({
      id: text(l.get('id')),
      label: text(l.get('label')),
      partyId: text(l.get('partyId')),
      amountCents: cents(l.get('amountCents')),
      nature: nature(l.get('nature')),
    })),
  };
}

export function addBudgetLine(doc: Y.Doc, sectionKey: string, line: Partial<Omit<BudgetLine, 'id'>> = {}): string {
  const id = newId();
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    map.set('id', id);
    map.set('label', line.label ?? '');
    map.set('partyId', line.partyId ?? '');
    map.set('amountCents', line.amountCents ?? 0);
    map.set('nature', line.nature ?? 'cash');
    tableList(tableMap(doc, sectionKey), 'lines').push([map]);
  });
  return id;
}

export interface PartyTotal {
  partyId: string;
  cash: number;
  inKind: number;
  total: number;
}

/** Totals per party, in the order of `partyIds` (a line of an unlisted party is left out), and the grand total. */
export function budgetTotals(budget: BudgetContent, partyIds: readonly string[]): { parties: PartyTotal[]; cash: number; inKind: number; total: number } {
  const parties = partyIds.map((partyId): PartyTotal => {
    const mine = budget.lines.filter((l) => l.partyId === partyId);
    const cash = mine.filter((l) => l.nature === 'cash').reduce((s, l) => s + l.amountCents, 0);
    const inKind = mine.filter((l) => l.nature === 'inKind').reduce((s, l) => s + l.amountCents, 0);
    return { partyId, cash, inKind, total: cash + inKind };
  });
  const cash = parties.reduce((s, p) => s + p.cash, 0);
  const inKind = parties.reduce((s, p) => s + p.inKind, 0);
  return { parties, cash, inKind, total: cash + inKind };
}

/** A line counts once it says what, who, and how much. */
export const isCompleteLine = (l: BudgetLine, partyIds: readonly string[]): boolean =>
  l.label.trim() !== '' && partyIds.includes(l.partyId) && l.amountCents > 0;
