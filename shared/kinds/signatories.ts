import { itemChanges, signatoryLine } from '../diffParts';
import { blank, perParty } from './helpers';
import type { SectionKindDef } from './types';

/** Per party, the people who sign (name and title). */
export const signatories: SectionKindDef = {
  sharedText: false,
  perParty: false,
  restore: { partyList: { key: 'signatories', fields: ['id', 'name', 'title'] } },
  approval: (content) => perParty(content, (p) => ({ organisation: p.legalName, signatories: p.signatories.map(({ name, title }) => ({ name, title })) })),
  readiness: ({ content, key, signerParties, participantParties, missing }) => {
    for (const p of content.parties) {
      if (!p.signatories.some((s) => !blank(s.name) && !blank(s.title))) {
        missing('sectionsFilled', `${key}:${p.id}`);
        missing('signatories', `${key}:${p.id}`);
      }
      // `invite:` when nobody of that party takes part yet, `signer:` when someone does but none is designated to sign.
      if (!signerParties.has(p.id)) missing('signatories', `${participantParties.has(p.id) ? 'signer' : 'invite'}:${p.id}`);
    }
  },
  worded: true,
  compare: ({ pairs, fields }) => {
    for (const { id, before, after } of pairs) fields.push(...itemChanges(id, 'signatory', before?.signatories ?? [], after?.signatories ?? [], signatoryLine));
  },
};
