import type { SectionKind, SectionTemplate } from '../../shared/template';
import type { ExportWords } from './labels';
import { budgetBlocks, raciBlocks } from './tableBlocks';
import type { Block, ExportModel } from './model';

/** A line to sign or date by hand on a printed copy. */
const BLANK = '____________________';

/** What a kind's printing rule gets: the version, the words, and the ways to add blocks. */
export interface KindPrint {
  m: ExportModel;
  section: SectionTemplate;
  words: ExportWords;
  blocks: Block[];
  /** Plain text, one paragraph per non-empty line. */
  para: (text: string) => void;
  /** A rich-text area: its bold, italics, lists and tables from the version's Yjs state, else its plain text. */
  rich: (key: string, partyId: string | undefined, text: string) => void;
}

/** How each section kind prints in the PDF and the DOCX, after the section's heading. */
export const KIND_BLOCKS: Record<SectionKind, (p: KindPrint) => void> = {
  parties: ({ m, words: { t, labelled }, blocks, para }) => {
    m.content.parties.forEach((p, i) => {
      blocks.push({ kind: 'subheading', text: i === 0 ? t('export.between', { party: p.legalName }) : t('export.and', { party: p.legalName }) });
      if (p.address) para(labelled(t('export.address'), p.address));
      if (p.mission) para(labelled(t('export.mission'), p.mission));
    });
  },
  richtext: ({ m, section, rich }) => rich(section.key, undefined, m.content.sections[section.key] ?? ''),
  context: ({ m, section, words: { t }, blocks, rich }) => {
    for (const p of m.content.parties) {
      blocks.push({ kind: 'subheading', text: p.legalName });
      rich(section.key, p.id, p.sections[section.key] ?? '');
    }
    blocks.push({ kind: 'subheading', text: t('export.why') });
    rich(section.key, undefined, m.content.sections[section.key] ?? '');
  },
  responsibilities: ({ m, section, words: { t }, blocks, para, rich }) => {
    for (const p of m.content.parties) {
      blocks.push({ kind: 'subheading', text: t('export.responsibilities', { party: p.legalName }) });
      rich(section.key, p.id, p.sections[section.key] ?? '');
      blocks.push({ kind: 'subheading', text: t('export.contacts', { party: p.legalName }) });
      for (const c of p.contacts) para([c.title, c.email, c.phone].filter(Boolean).join(' · '));
    }
  },
  duration: ({ m, section, words: { t }, para, rich }) => {
    const d = m.content.duration;
    if (d.termYears) para(t('export.term', { years: d.termYears }));
    if (d.renewalReviewMonths) para(t('export.renewal', { months: d.renewalReviewMonths }));
    if (d.terminationNoticeDays) para(t('export.notice', { days: d.terminationNoticeDays }));
    rich(section.key, undefined, d.notes);
  },
  signatories: ({ m, words: { t, labelled, dateTime, day }, blocks }) => {
    const partyName = (id: string): string => m.content.parties.find((p) => p.id === id)?.legalName ?? '';
    // One block per signatory, as Ressource 5 lays it out: agency, name and title, signature, date.
    for (const p of m.content.parties) {
      const organisation = p.legalName || partyName(p.id);
      const signed = m.signatures.filter((s) => s.partyId === p.id);
      const people =
        signed.length > 0
          ? signed.map((s) => ({
              name: s.fullName,
              title: s.title,
              signature: t('export.signedOn', { date: dateTime(s.signedAt) }),
              date: day(s.signedAt),
            }))
          : p.signatories.map((s) => ({ name: s.name, title: s.title, signature: t('export.notSigned'), date: BLANK }));
      for (const s of people) {
        blocks.push({
          kind: 'signature',
          organisation,
          lines: [labelled(t('export.nameTitle'), `${s.name}, ${s.title}`), labelled(t('export.signature'), s.signature), labelled(t('export.date'), s.date)],
        });
      }
    }
    if (m.inForceFrom) blocks.push({ kind: 'paragraph', text: t('export.inForce', { date: dateTime(m.inForceFrom) }), spaceBefore: true });
  },
  raci: ({ m, section, blocks }) => void blocks.push(...raciBlocks(m, section)),
  budget: ({ m, section, blocks }) => void blocks.push(...budgetBlocks(m, section)),
};
