import { blank, perParty } from './helpers';
import type { SectionKindDef } from './types';

/** One rich-text paragraph per party's mission, then a shared one (why the partnership). */
export const context: SectionKindDef = {
  sharedText: true,
  perParty: true,
  approval: (content, key) => ({ shared: content.sections[key] ?? '', parties: perParty(content, (p) => p.sections[key] ?? '') }),
  readiness: ({ content, key, missing }) => {
    if (blank(content.sections[key])) missing('sectionsFilled', key);
    for (const p of content.parties) if (blank(p.sections[key])) missing('sectionsFilled', `${key}:${p.id}`);
  },
  worded: true,
  compare: ({ sharedText, partyText }) => {
    partyText();
    sharedText();
  },
};
