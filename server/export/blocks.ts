import { activeSections } from '../../shared/included';
import { fragmentName } from '../../shared/schema';
import { exportWords } from './labels';
import { KIND_BLOCKS } from './kindBlocks';
import type { Block, ExportModel } from './model';

/** The agreement as blocks in reading order: parties, every section, the signature block. */
export function agreementBlocks(m: ExportModel): Block[] {
  const words = exportWords(m.content.language);
  const { lang } = words;
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
  for (const section of activeSections(m.template, m.content)) {
    blocks.push({ kind: 'heading', text: section.title[lang] });
    KIND_BLOCKS[section.kind]({ m, section, words, blocks, para, rich });
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
