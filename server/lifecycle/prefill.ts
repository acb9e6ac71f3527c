import * as Y from 'yjs';
import type { z } from 'zod';
import type { CreateAgreementSchema } from '../../shared/api';
import type { AgreementContent } from '../../shared/render';
import { addContact, addSignatory, fragmentName, getDuration, hasSharedText, isPerParty, paragraph, partiesOf, partyMap } from '../../shared/schema';
import type { AgreementTemplate } from '../../shared/template';

const writeText = (fragment: Y.XmlFragment, text: string): void => {
  fragment.delete(0, fragment.length);
  const lines = text.split('\n');
  if (text.length > 0) fragment.push(lines.map((line) => paragraph(line)));
};

/**
 * A new draft prefilled from a signed version's text (a renewal, an
 * amendment): the same template, parties, sections (one paragraph per
 * line, as the signed text reads), contacts, signatories and duration. The
 * RACI matrix and budget tables start empty (their content is kept in the
 * signed original) and marks (bold, lists) are not carried: the signed text
 * is plain. `owner` is whoever opens it, in their party.
 */
export function prefill(
  content: AgreementContent,
  template: AgreementTemplate,
  owner: { name: string; email: string; partyId: string },
): { input: z.output<typeof CreateAgreementSchema>; fill: (doc: Y.Doc) => void } {
  const input = {
    title: content.title,
    language: content.language === 'en' ? ('en' as const) : ('fr' as const),
    templateId: template.id,
    owner: {
      name: owner.name,
      email: owner.email,
      partyIndex: Math.max(
        0,
        content.parties.findIndex((p) => p.id === owner.partyId),
      ),
    },
    parties: content.parties.map((p) => ({ legalName: p.legalName, address: p.address, mission: '' })),
  };
  const fill = (doc: Y.Doc): void => {
    const ids = partiesOf(doc).map((p) => p.id);
    for (const section of template.sections) {
      const shared = content.sections[section.key] ?? (section.kind === 'duration' ? content.duration.notes : '');
      if (hasSharedText(section.kind)) writeText(doc.getXmlFragment(fragmentName(section.key)), shared);
      if (isPerParty(section.kind))
        content.parties.forEach((p, i) => {
          const id = ids[i];
          if (id) writeText(doc.getXmlFragment(fragmentName(section.key, id)), p.sections[section.key] ?? '');
        });
    }
    content.parties.forEach((p, i) => {
      const id = ids[i];
      if (!id) return;
      partyMap(doc, id).set('mission', p.mission);
      for (const c of p.contacts) addContact(doc, id, c.title, c.email, c.phone);
      for (const s of p.signatories) addSignatory(doc, id, s.name, s.title);
    });
    const duration = getDuration(doc);
    duration.set('termYears', content.duration.termYears);
    duration.set('renewalReviewMonths', content.duration.renewalReviewMonths);
    duration.set('terminationNoticeDays', content.duration.terminationNoticeDays);
  };
  return { input, fill };
}
