import { canonicalJson } from './canonical';
import { diffText, hasChanges } from './diffText';
import { field, partyPairs, type FieldChange, type TextComparison } from './diffParts';
import { SECTION_KIND_DEFS } from './kinds';
import type { AgreementContent } from './render';
import { sectionContent } from './sections';
import type { AgreementTemplate, SectionKind, SectionTemplate } from './template';

export type { FieldChange, FieldName, TextComparison } from './diffParts';

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

function compareSection(a: AgreementContent, b: AgreementContent, section: SectionTemplate): Omit<SectionComparison, 'changed'> {
  const texts: TextComparison[] = [];
  const fields: FieldChange[] = [];
  const pairs = partyPairs(a, b);
  const sharedText = (): void => void texts.push({ partyId: null, ops: diffText(a.sections[section.key] ?? '', b.sections[section.key] ?? '') });
  const partyText = (): void => {
    for (const { id, before, after } of pairs)
      texts.push({ partyId: id, ops: diffText(before?.sections[section.key] ?? '', after?.sections[section.key] ?? '') });
  };
  const kind = SECTION_KIND_DEFS[section.kind];
  kind.compare({ a, b, key: section.key, pairs, fields, sharedText, partyText });
  // Whatever else differs in a table or a kind added later (a budget line's nature) still shows, as the section's content;
  // the text kinds are fully worded (a party added with empty text is shown in the Parties section).
  const shown = fields.length > 0 || texts.some((t) => hasChanges(t.ops));
  const before = canonicalJson(sectionContent(a, section));
  const after = canonicalJson(sectionContent(b, section));
  if (!shown && !kind.worded && before !== after) fields.push(...field(null, 'content', before, after));
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
