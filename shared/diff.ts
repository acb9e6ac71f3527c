import { canonicalJson } from './canonical';
import { diffText, hasChanges, type DiffOp } from './diffText';
import type { BudgetContent } from './budget';
import type { RaciContent } from './raci';
import type { AgreementContent, PartyContent } from './render';

const EMPTY_RACI: RaciContent = { tasks: [], roles: [], cells: {} };
const WORDED = new Set<string>(['parties', 'richtext', 'context', 'responsibilities', 'duration', 'signatories']);
import { sectionContent } from './sections';
import type { AgreementTemplate, SectionKind, SectionTemplate } from './template';

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
type ItemField = 'contact' | 'signatory' | 'task' | 'role' | 'budgetLine';

export interface SectionComparison {
  key: string;
  kind: SectionKind;
  changed: boolean;
  texts: TextComparison[];
  fields: FieldChange[];
}

export interface ContentComparison {
  sections: SectionComparison[];
  /** Keys of the sections whose content differs. */
  changedSections: string[];
  /** Parties whose own text or fields differ (added and removed parties included). */
  changedParties: string[];
}

const field = (partyId: string | null, name: FieldName, before: string | null, after: string | null, item: string | null = null): FieldChange[] =>
  before === after ? [] : [{ partyId, field: name, item, before, after }];

const numText = (n: number | null): string | null => (n === null ? null : String(n));

/** Added, removed and changed items of a list matched by id, each shown as one line of text. */
function itemChanges<T extends { id: string }>(
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
function raciLine(c: AgreementContent, raci: RaciContent, task: RaciContent['tasks'][number]): string {
  const lead = task.lead ? partyName(c, task.lead) : '';
  const letters = (['R', 'A', 'C', 'I'] as const)
    .map((l) => [l, raci.roles.filter((r) => raci.cells[`${task.id}:${r.id}`] === l).map((r) => r.name)] as const)
    .filter(([, roles]) => roles.length > 0)
    .map(([l, roles]) => `${l}: ${roles.join(', ')}`);
  return [lead ? `${task.name} (${lead})` : task.name, ...letters].join(' — ');
}

/** A budget line as one line (its nature, cash or in kind, shows as a content change only). */
const budgetLine =
  (c: AgreementContent) =>
  (l: BudgetContent['lines'][number]): string =>
    [l.label, partyName(c, l.partyId), (l.amountCents / 100).toFixed(2)].filter((s) => s !== '').join(' · ');

const contactLine = (c: PartyContent['contacts'][number]): string => [c.title, c.email, c.phone].filter((s) => s !== '').join(' · ');
const signatoryLine = (s: PartyContent['signatories'][number]): string => [s.name, s.title].filter((x) => x !== '').join(' · ');

/** The parties of either side, in the newer order, then the ones only the older side had. */
function partyPairs(a: AgreementContent, b: AgreementContent): { id: string; before: PartyContent | undefined; after: PartyContent | undefined }[] {
  const ids = [...b.parties.map((p) => p.id), ...a.parties.map((p) => p.id).filter((id) => !b.parties.some((p) => p.id === id))];
  return ids.map((id) => ({ id, before: a.parties.find((p) => p.id === id), after: b.parties.find((p) => p.id === id) }));
}

function compareSection(a: AgreementContent, b: AgreementContent, section: SectionTemplate): Omit<SectionComparison, 'changed'> {
  const texts: TextComparison[] = [];
  const fields: FieldChange[] = [];
  const pairs = partyPairs(a, b);
  const sharedText = (): void => void texts.push({ partyId: null, ops: diffText(a.sections[section.key] ?? '', b.sections[section.key] ?? '') });
  const partyText = (): void => {
    for (const { id, before, after } of pairs)
      texts.push({ partyId: id, ops: diffText(before?.sections[section.key] ?? '', after?.sections[section.key] ?? '') });
  };
  switch (section.kind) {
    case 'parties':
      fields.push(...field(null, 'title', a.title, b.title));
      for (const { id, before, after } of pairs) {
        if (!before || !after) fields.push(...field(id, 'party', before?.legalName ?? null, after?.legalName ?? null));
        else {
          fields.push(...field(id, 'legalName', before.legalName, after.legalName));
          fields.push(...field(id, 'address', before.address, after.address));
          fields.push(...field(id, 'mission', before.mission, after.mission));
        }
      }
      break;
    case 'richtext':
      sharedText();
      break;
    case 'context':
      partyText();
      sharedText();
      break;
    case 'responsibilities':
      partyText();
      for (const { id, before, after } of pairs) fields.push(...itemChanges(id, 'contact', before?.contacts ?? [], after?.contacts ?? [], contactLine));
      break;
    case 'duration':
      fields.push(...field(null, 'termYears', numText(a.duration.termYears), numText(b.duration.termYears)));
      fields.push(...field(null, 'renewalReviewMonths', numText(a.duration.renewalReviewMonths), numText(b.duration.renewalReviewMonths)));
      fields.push(...field(null, 'terminationNoticeDays', numText(a.duration.terminationNoticeDays), numText(b.duration.terminationNoticeDays)));
      sharedText();
      break;
    case 'signatories':
      for (const { id, before, after } of pairs)
        fields.push(...itemChanges(id, 'signatory', before?.signatories ?? [], after?.signatories ?? [], signatoryLine));
      break;
    case 'raci': {
      const [x, y] = [a.raci?.[section.key] ?? EMPTY_RACI, b.raci?.[section.key] ?? EMPTY_RACI];
      fields.push(...itemChanges(null, 'role', x.roles, y.roles, (r) => r.name));
      fields.push(
        ...itemChanges(
          null,
          'task',
          x.tasks,
          y.tasks,
          (t) => raciLine(a, x, t),
          (t) => raciLine(b, y, t),
        ),
      );
      break;
    }
    case 'budget':
      fields.push(...itemChanges(null, 'budgetLine', a.budget?.[section.key]?.lines ?? [], b.budget?.[section.key]?.lines ?? [], budgetLine(a), budgetLine(b)));
      break;
  }
  // Whatever else differs in a table or a kind added later (a budget line's nature) still shows, as the section's content;
  // the text kinds are fully worded (a party added with empty text is shown in the Parties section).
  const shown = fields.length > 0 || texts.some((t) => hasChanges(t.ops));
  const before = canonicalJson(sectionContent(a, section));
  const after = canonicalJson(sectionContent(b, section));
  if (!shown && !WORDED.has(section.kind) && before !== after) fields.push(...field(null, 'content', before, after));
  return { key: section.key, kind: section.kind, texts, fields };
}

/**
 * Compares two versions of an agreement section by section: words inserted
 * and deleted in each rich-text area (and each party's part of one), and
 * the structured fields as old → new. A section is changed when what an
 * approval of it covers differs (shared/sections.ts), so "changed" here and
 * "approvals cleared" agree.
 */
export function compareContents(before: AgreementContent, after: AgreementContent, template: AgreementTemplate): ContentComparison {
  const sections = template.sections.map((s): SectionComparison => {
    const compared = compareSection(before, after, s);
    const changed = canonicalJson(sectionContent(before, s)) !== canonicalJson(sectionContent(after, s));
    return { ...compared, changed: changed || compared.fields.length > 0 || compared.texts.some((t) => hasChanges(t.ops)) };
  });
  const changedParties = new Set<string>();
  for (const s of sections) {
    for (const t of s.texts) if (t.partyId !== null && hasChanges(t.ops)) changedParties.add(t.partyId);
    for (const f of s.fields) if (f.partyId !== null) changedParties.add(f.partyId);
  }
  return { sections, changedSections: sections.filter((s) => s.changed).map((s) => s.key), changedParties: [...changedParties] };
}

/** Just which sections and parties changed, for recording a version (no word diff needed). */
export function changeSummary(before: AgreementContent, after: AgreementContent, template: AgreementTemplate): { sections: string[]; parties: string[] } {
  const sections = template.sections.filter((s) => canonicalJson(sectionContent(before, s)) !== canonicalJson(sectionContent(after, s))).map((s) => s.key);
  const parties = partyPairs(before, after)
    .filter(({ before: p, after: q }) => !p || !q || canonicalJson(p) !== canonicalJson(q))
    .map((p) => p.id);
  return { sections, parties };
}
