import { contactLine, itemChanges } from '../diffParts';
import { blank, perParty } from './helpers';
import type { SectionKindDef } from './types';

/** Per party, rich text plus contact points by job title. */
export const responsibilities: SectionKindDef = {
  sharedText: false,
  perParty: true,
  restore: { partyList: { key: 'contacts', fields: ['id', 'title', 'email', 'phone'] } },
  approval: (content, key) =>
    perParty(content, (p) => ({ text: p.sections[key] ?? '', contacts: p.contacts.map(({ title, email, phone }) => ({ title, email, phone })) })),
  readiness: ({ content, key, missing }) => {
    for (const p of content.parties) {
      if (blank(p.sections[key])) {
        missing('sectionsFilled', `${key}:${p.id}`);
        missing('responsibilities', `${key}:${p.id}`);
      } else if (!p.contacts.some((c) => !blank(c.title))) missing('responsibilities', `contacts:${p.id}`);
    }
  },
  worded: true,
  compare: ({ pairs, fields, partyText }) => {
    partyText();
    for (const { id, before, after } of pairs) fields.push(...itemChanges(id, 'contact', before?.contacts ?? [], after?.contacts ?? [], contactLine));
  },
};
