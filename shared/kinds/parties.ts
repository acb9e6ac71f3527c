import { field } from '../diffParts';
import { blank, perParty } from './helpers';
import type { SectionKindDef } from './types';

/** The structured list of parties (legal name, address, mission), with the agreement's title. */
export const parties: SectionKindDef = {
  sharedText: false,
  perParty: false,
  restore: { meta: ['title'], party: ['legalName', 'address', 'mission'] },
  approval: (content) => ({ title: content.title, parties: perParty(content, (p) => ({ legalName: p.legalName, address: p.address, mission: p.mission })) }),
  readiness: ({ content, key, missing }) => {
    for (const p of content.parties) if (blank(p.legalName)) missing('sectionsFilled', `${key}:${p.id}`);
  },
  worded: true,
  compare: ({ a, b, pairs, fields }) => {
    fields.push(...field(null, 'title', a.title, b.title));
    for (const { id, before, after } of pairs) {
      if (!before || !after) fields.push(...field(id, 'party', before?.legalName ?? null, after?.legalName ?? null));
      else {
        fields.push(...field(id, 'legalName', before.legalName, after.legalName));
        fields.push(...field(id, 'address', before.address, after.address));
        fields.push(...field(id, 'mission', before.mission, after.mission));
      }
    }
  },
};
