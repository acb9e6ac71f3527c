import { blank } from './helpers';
import type { SectionKindDef } from './types';

/** One shared rich-text fragment. */
export const richtext: SectionKindDef = {
  sharedText: true,
  perParty: false,
  approval: (content, key) => content.sections[key] ?? '',
  readiness: ({ content, key, missing }) => {
    if (blank(content.sections[key])) missing('sectionsFilled', key);
  },
  worded: true,
  compare: ({ sharedText }) => sharedText(),
};
