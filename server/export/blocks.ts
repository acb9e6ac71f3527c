import { activeSections } from '../../shared/included';
import { fragmentName } from '../../shared/schema';
import { exportWords } from './labels';
import { budgetBlocks, raciBlocks } from './tableBlocks';
import type { Block, ExportModel } from './model';

/** A line to sign or date by hand on a printed copy. */
const BLANK = '____________________';

/** The agreement as blocks in reading order: parties, every section, the signature block. */
export function agreementBlocks(m: ExportModel): Block[] {
  const { lang, t, labelled, dateTime, day } = exportWords(m.content.language);
  const blocks: Block[] = [];
  const para = (text: string): void => {
    for (const line of text.split('\n')) if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line });
  };
  // A rich-text area: its bold, italics, lists and tables from the version's Yjs state, else its plain text.
  const rich = (key: string, partyId: string | undefined, text: string): void => {
    const formatted = m.rich?.(fragmentName(key, partyId));
    if (formatted) blocks.push(...formatted);
    else para(text);
  };
  const partyName = (id: string): string => m.content.parties.find((p) => p.id === id)?.legalName ?? '';
  for (const section of activeSections(m.template, m.content)) {
    blocks.push({ kind: 'heading', text: section.title[lang] });
    switch (section.kind) {
      case 'parties':
        m.content.parties.forEach((p, i) => {
          blocks.push({ kind: 'subheading', text: i === 0 ? t('export.between', { party: p.legalName }) : t('export.and', { party: p.legalName }) });
          if (p.address) para(labelled(t('export.address'), p.address));
          if (p.mission) para(labelled(t('export.mission'), p.mission));
        });
        break;
      case 'richtext':
        rich(section.key, undefined, m.content.sections[section.key] ?? '');
        break;
      case 'context':
        for (const p of m.content.parties) {
          blocks.push({ kind: 'subheading', text: p.legalName });
          rich(section.key, p.id, p.sections[section.key] ?? '');
        }
        blocks.push({ kind: 'subheading', text: t('export.why') });
        rich(section.key, undefined, m.content.sections[section.key] ?? '');
        break;
      case 'responsibilities':
        for (const p of m.content.parties) {
          blocks.push({ kind: 'subheading', text: t('export.responsibilities', { party: p.legalName }) });
          rich(section.key, p.id, p.sections[section.key] ?? '');
          blocks.push({ kind: 'subheading', text: t('export.contacts', { party: p.legalName }) });
          for (const c of p.contacts) para([c.title, c.email, c.phone].filter(Boolean).join(' · '));
        }
        break;
      case 'duration': {
        const d = m.content.duration;
        if (d.termYears) para(t('export.term', { years: d.termYears }));
        if (d.renewalReviewMonths) para(t('export.renewal', { months: d.renewalReviewMonths }));
        if (d.terminationNoticeDays) para(t('export.notice', { days: d.terminationNoticeDays }));
        rich(section.key, undefined, d.notes);
        break;
      }
      case 'signatories':
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
              lines: [
                labelled(t('export.nameTitle'), `${s.name}, ${s.title}`),
                labelled(t('export.signature'), s.signature),
                labelled(t('export.date'), s.date),
              ],
            });
          }
        }
        if (m.inForceFrom) blocks.push({ kind: 'paragraph', text: t('export.inForce', { date: dateTime(m.inForceFrom) }), spaceBefore: true });
        break;
      case 'raci':
        blocks.push(...raciBlocks(m, section));
        break;
      case 'budget':
        blocks.push(...budgetBlocks(m, section));
        break;
    }
    if (section.closing) para(section.closing[lang]);
  }
  return blocks;
}

/** The certificate page: what proves this copy is the signed version. */
export function certificateBlocks(m: ExportModel, pagesHash: string, generatedAt: string): Block[] {
  const { t, labelled, dateTime } = exportWords(m.content.language);
  const partyName = (id: string): string => m.content.parties.find((p) => p.id === id)?.legalName ?? id;
  const blocks: Block[] = [
    { kind: 'heading', text: t('export.certificate') },
    { kind: 'paragraph', text: labelled(t('export.agreementId'), m.agreementId) },
    { kind: 'paragraph', text: labelled(t('export.version'), m.versionNumber) },
    { kind: 'paragraph', text: labelled(t('export.versionHash'), m.versionHash) },
    { kind: 'paragraph', text: labelled(t('export.pagesHash'), pagesHash) },
    { kind: 'subheading', text: t('export.signatures') },
  ];
  for (const s of m.signatures) {
    blocks.push({
      kind: 'signature',
      organisation: labelled(t('export.party'), partyName(s.partyId)),
      lines: [
        `${s.fullName}, ${s.title}`,
        `${t('export.signedOn', { date: dateTime(s.signedAt) })} (${s.signedAt})`,
        labelled(t('export.ip'), s.ip),
        labelled(t('export.userAgent'), s.userAgent),
        labelled('SHA-256', s.versionHash),
      ],
    });
  }
  blocks.push({ kind: 'paragraph', text: labelled(t('export.auditHead'), m.auditHead) });
  blocks.push({ kind: 'paragraph', text: t('export.generated', { date: generatedAt }) });
  return blocks;
}
