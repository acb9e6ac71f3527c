import type { AgreementContent } from './render';
import type { SectionTemplate } from './template';

/**
 * The part of an agreement's content that belongs to one section: what a
 * party approves when it approves that section, and what must change for
 * the approval to be cleared.
 */
export function sectionContent(content: AgreementContent, section: SectionTemplate): unknown {
  // Leaving an annex out changes it; its content, kept in the document, is not what is approved then.
  if (section.optional && content.included?.[section.key] === false) return { excluded: true };
  const perParty = <T>(pick: (p: AgreementContent['parties'][number]) => T): { party: string; value: T }[] =>
    content.parties.map((p) => ({ party: p.id, value: pick(p) }));
  switch (section.kind) {
    case 'parties':
      return { title: content.title, parties: perParty((p) => ({ legalName: p.legalName, address: p.address, mission: p.mission })) };
    case 'richtext':
      return content.sections[section.key] ?? '';
    case 'context':
      return { shared: content.sections[section.key] ?? '', parties: perParty((p) => p.sections[section.key] ?? '') };
    case 'responsibilities':
      return perParty((p) => ({ text: p.sections[section.key] ?? '', contacts: p.contacts.map(({ title, email, phone }) => ({ title, email, phone })) }));
    case 'duration':
      return content.duration;
    case 'signatories':
      return perParty((p) => ({ organisation: p.legalName, signatories: p.signatories.map(({ name, title }) => ({ name, title })) }));
    case 'raci':
      return content.raci?.[section.key] ?? { tasks: [], roles: [], cells: {} };
    case 'budget':
      return content.budget?.[section.key] ?? { lines: [] };
  }
}
