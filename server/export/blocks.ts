import { labelsFor } from './labels';
import type { Block, ExportModel } from './model';

const day = (iso: string, language: string): string =>
  new Date(iso).toLocaleString(language === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

/** The agreement as blocks in reading order: parties, every section, the signature block. */
export function agreementBlocks(m: ExportModel): Block[] {
  const lang = m.content.language === 'en' ? 'en' : 'fr';
  const L = labelsFor(lang);
  const blocks: Block[] = [];
  const para = (text: string): void => {
    for (const line of text.split('\n')) if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line });
  };
  const partyName = (id: string): string => m.content.parties.find((p) => p.id === id)?.legalName ?? '';
  for (const section of m.template.sections) {
    blocks.push({ kind: 'heading', text: section.title[lang] });
    switch (section.kind) {
      case 'parties':
        m.content.parties.forEach((p, i) => {
          blocks.push({ kind: 'subheading', text: `${i === 0 ? L.between : L.and} ${p.legalName}` });
          if (p.address) para(`${L.address}${L.colon}${p.address}`);
          if (p.mission) para(`${L.mission}${L.colon}${p.mission}`);
        });
        break;
      case 'richtext':
        para(m.content.sections[section.key] ?? '');
        break;
      case 'context':
        for (const p of m.content.parties) {
          blocks.push({ kind: 'subheading', text: p.legalName });
          para(p.sections[section.key] ?? '');
        }
        blocks.push({ kind: 'subheading', text: L.why });
        para(m.content.sections[section.key] ?? '');
        break;
      case 'responsibilities':
        for (const p of m.content.parties) {
          blocks.push({ kind: 'subheading', text: `${p.legalName} — ${L.responsibilities}` });
          para(p.sections[section.key] ?? '');
          blocks.push({ kind: 'subheading', text: `${p.legalName} — ${L.contacts}` });
          for (const c of p.contacts) para([c.title, c.email, c.phone].filter(Boolean).join(' · '));
        }
        break;
      case 'duration': {
        const d = m.content.duration;
        if (d.termYears) para(L.term(d.termYears));
        if (d.renewalReviewMonths) para(L.renewal(d.renewalReviewMonths));
        if (d.terminationNoticeDays) para(L.notice(d.terminationNoticeDays));
        para(d.notes);
        break;
      }
      case 'signatories':
        for (const p of m.content.parties) {
          const signed = m.signatures.filter((s) => s.partyId === p.id);
          const lines = signed.length > 0
            ? signed.map((s) => `${s.fullName}, ${s.title} — ${L.signedOn} ${day(s.signedAt, lang)}`)
            : p.signatories.map((s) => `${s.name}, ${s.title} — ${L.notSigned}`);
          blocks.push({ kind: 'signature', organisation: p.legalName || partyName(p.id), lines });
        }
        if (m.inForceFrom) para(`${L.inForce} ${day(m.inForceFrom, lang)}`);
        break;
    }
  }
  return blocks;
}

/** The certificate page: what proves this copy is the signed version. */
export function certificateBlocks(m: ExportModel, pagesHash: string, generatedAt: string): Block[] {
  const lang = m.content.language === 'en' ? 'en' : 'fr';
  const L = labelsFor(lang);
  const partyName = (id: string): string => m.content.parties.find((p) => p.id === id)?.legalName ?? id;
  const blocks: Block[] = [
    { kind: 'heading', text: L.certificate },
    { kind: 'paragraph', text: `${L.agreementId}${L.colon}${m.agreementId}` },
    { kind: 'paragraph', text: `${L.version}${L.colon}${m.versionNumber}` },
    { kind: 'paragraph', text: `${L.versionHash}${L.colon}${m.versionHash}` },
    { kind: 'paragraph', text: `${L.pagesHash}${L.colon}${pagesHash}` },
    { kind: 'subheading', text: L.signatures },
  ];
  for (const s of m.signatures) {
    blocks.push({
      kind: 'signature',
      organisation: `${L.party}${L.colon}${partyName(s.partyId)}`,
      lines: [`${s.fullName}, ${s.title}`, `${L.signedOn} ${day(s.signedAt, lang)} (${s.signedAt})`, `${L.ip}${L.colon}${s.ip}`, `${L.userAgent}${L.colon}${s.userAgent}`, `SHA-256${L.colon}${s.versionHash}`],
    });
  }
  blocks.push({ kind: 'paragraph', text: `${L.auditHead}${L.colon}${m.auditHead}` });
  blocks.push({ kind: 'paragraph', text: `${L.generated} ${generatedAt}` });
  return blocks;
}
