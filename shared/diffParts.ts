import type { BudgetContent } from './budget';
import type { DiffOp } from './diffText';
import type { RaciContent } from './raci';
import type { AgreementContent, PartyContent } from './render';

/** The text of one rich-text area compared: a shared section (partyId null) or one party's part of it. */
export interface TextComparison {
  partyId: string | null;
  ops: DiffOp[];
}

/**
 * A structured field that changed, old → new. `item` names a contact or
 * signatory (by id) when the field is one of theirs; null before means it
 * was added, null after that it was removed.
 */
export interface FieldChange {
  partyId: string | null;
  field: FieldName;
  item: string | null;
  before: string | null;
  after: string | null;
}

/** `content`: a section kind this comparison has no words for yet (a table, say), as canonical JSON. */
export type FieldName =
  'title' | 'party' | 'legalName' | 'address' | 'mission' | 'termYears' | 'renewalReviewMonths' | 'terminationNoticeDays' | ItemField | 'content';

/** Fields that are items of a list, matched by id: an added one has no old value, a removed one no new. */
export type ItemField = 'contact' | 'signatory' | 'task' | 'role' | 'budgetLine';

export interface PartyPair {
  id: string;
  before: PartyContent | undefined;
  after: PartyContent | undefined;
}

export const field = (partyId: string | null, name: FieldName, before: string | null, after: string | null, item: string | null = null): FieldChange[] =>
  before === after ? [] : [{ partyId, field: name, item, before, after }];

export const numText = (n: number | null): string | null => (n === null ? null : String(n));

/** Added, removed and changed items of a list matched by id, each shown as one line of text. */
export function itemChanges<T extends { id: string }>(
  partyId: string | null,
  name: ItemField,
  before: T[],
  after: T[],
  show: (t: T) => string,
  showAfter: (t: T) => string = show,
): FieldChange[] {
  const old = new Map(before.map((t) => [t.id, show(t)]));
  const now = new Map(after.map((t) => [t.id, showAfter(t)]));
  const out: FieldChange[] = [];
  for (const [id, text] of old) out.push(...field(partyId, name, text, now.get(id) ?? null, id));
  for (const [id, text] of now) if (!old.has(id)) out.push(...field(partyId, name, null, text, id));
  return out;
}

const partyName = (c: AgreementContent, id: string): string => c.parties.find((p) => p.id === id)?.legalName ?? '';

/** A RACI task as one line: its name, its lead organisation, then the roles under each letter ("R: Coordination; A: Direction"). */
export function raciLine(c: AgreementContent, raci: RaciContent, task: RaciContent['tasks'][number]): string {
  const lead = task.lead ? partyName(c, task.lead) : '';
  const letters = (['R', 'A', 'C', 'I'] as const)
    .map((l) => [l, raci.roles.filter((r) => raci.cells[`${task.id}:${r.id}`] === l).map((r) => r.name)] as const)
    .filter(([, roles]) => roles.length > 0)
    .map(([l, roles]) => `${l}: ${roles.join(', ')}`);
  return [lead ? `${task.name} (${lead})` : task.name, ...letters].join(' — ');
}

/** A budget line as one line (its nature, cash or in kind, shows as a content change only). */
export const budgetLine =
  (c: AgreementContent) =>
  (l: BudgetContent['lines'][number]): string =>
    [l.label, partyName(c, l.partyId), (l.amountCents / 100).toFixed(2)].filter((s) => s !== '').join(' · ');

export const contactLine = (c: PartyContent['contacts'][number]): string => [c.title, c.email, c.phone].filter((s) => s !== '').join(' · ');
export const signatoryLine = (s: PartyContent['signatories'][number]): string => [s.name, s.title].filter((x) => x !== '').join(' · ');

/** The parties of either side, in the newer order, then the ones only the older side had. */
export function partyPairs(a: AgreementContent, b: AgreementContent): PartyPair[] {
  const ids = [...b.parties.map((p) => p.id), ...a.parties.map((p) => p.id).filter((id) => !b.parties.some((p) => p.id === id))];
  return ids.map((id) => ({ id, before: a.parties.find((p) => p.id === id), after: b.parties.find((p) => p.id === id) }));
}
