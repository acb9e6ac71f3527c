import type { DiffOp } from '../../shared/diffText';
import type { Comparison, CompareSideView } from '../../shared/historySchemas';
import { FIELD_KEYS, listNames, versionLabel } from '../../shared/historyLabels';
import { LOCALES } from '../../shared/i18n';
import type { AgreementTemplate } from '../../shared/template';
import { exportWords } from './labels';

/** A paragraph of a redline: runs kept, inserted (underlined) or deleted (struck through). */
export type RedlineRun = DiffOp;

/** What a redline prints, in reading order, shared by its PDF and DOCX writers. */
export type RedlineBlock =
  | { kind: 'title'; text: string }
  | { kind: 'side'; label: string; lines: string[] }
  | { kind: 'note'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'runs'; runs: RedlineRun[] }
  /** `label` ends with the language's colon. */
  | { kind: 'field'; label: string; before: string | null; after: string | null };

/** Splits diff runs into paragraphs at each newline (one line per paragraph in the text), keeping each run's mark. */
export function paragraphsOf(ops: readonly DiffOp[]): RedlineRun[][] {
  const paragraphs: RedlineRun[][] = [[]];
  for (const op of ops) {
    op.text.split('\n').forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (piece !== '') paragraphs.at(-1)?.push({ op: op.op, text: piece });
    });
  }
  return paragraphs.filter((p) => p.length > 0);
}

/**
 * How a comparison across two agreements (what an amendment changes) is
 * headed: its own line under the title, and each side's agreement named
 * above its version.
 */
export interface RedlineHeading {
  note: string;
  /** Printed above each side's version: the agreement's title (and, signed, when). */
  fromLines: string[];
  toLines: string[];
}

/**
 * A comparison as a redline document: headed with both versions' names,
 * dates and fingerprints, then each changed section with its words marked
 * and its field changes (old → new); unchanged sections are only named.
 */
export function redlineBlocks(
  cmp: Comparison,
  template: AgreementTemplate,
  language: string,
  agreementTitle: string,
  heading?: RedlineHeading,
): RedlineBlock[] {
  const w = exportWords(language);
  const { t, lang } = w;
  const locale = LOCALES[lang];
  const side = (label: string, s: CompareSideView, above: readonly string[] = []): RedlineBlock => ({
    kind: 'side',
    label,
    lines: [
      ...above,
      s.number === null ? versionLabel(t, s) : t('history.option', { n: s.number, label: versionLabel(t, s) }),
      w.dateTime(s.createdAt),
      w.labelled('SHA-256', s.hash),
    ],
  });
  const blocks: RedlineBlock[] = [
    { kind: 'title', text: agreementTitle },
    { kind: 'note', text: heading?.note ?? t('export.redlineTitle') },
    side(t('export.redlineFrom'), cmp.from, heading?.fromLines),
    side(t('export.redlineTo'), cmp.to, heading?.toLines),
    { kind: 'note', text: t('export.redlineLegend') },
  ];
  const party = (id: string | null): string => (id === null ? t('compare.shared') : cmp.partyNames[id] || t('party.unnamed'));
  const unchanged: string[] = [];
  template.sections.forEach((section, index) => {
    const s = cmp.sections.find((x) => x.key === section.key);
    const title = `${index + 1}. ${section.title[lang]}`;
    if (!s || !s.changed) return void unchanged.push(title);
    blocks.push({ kind: 'heading', text: title });
    if (s.authors.length > 0) blocks.push({ kind: 'note', text: t('export.redlineChangedBy', { names: listNames(locale, s.authors) }) });
    for (const part of s.texts) {
      if (!part.ops.some((o) => o.op !== 'same')) continue;
      if (s.texts.length > 1) blocks.push({ kind: 'subheading', text: party(part.partyId) });
      for (const runs of paragraphsOf(part.ops)) blocks.push({ kind: 'runs', runs });
    }
    for (const f of s.fields) {
      const name = f.partyId === null ? t(FIELD_KEYS[f.field]) : `${t(FIELD_KEYS[f.field])} — ${party(f.partyId)}`;
      blocks.push({ kind: 'field', label: t('common.labelColon', { label: name }), before: f.before, after: f.after });
    }
  });
  if (cmp.changedSections.length === 0) blocks.push({ kind: 'note', text: t('compare.noChanges') });
  if (unchanged.length > 0) blocks.push({ kind: 'note', text: t('export.redlineUnchanged', { sections: unchanged.join(' · ') }) });
  return blocks;
}

/** "(none)" for a field that had or has no value. */
export const noneWord = (language: string): string => exportWords(language).t('compare.none');
