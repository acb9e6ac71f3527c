import * as Y from 'yjs';
import type { z } from 'zod';
import type { CreateAgreementSchema } from '../../shared/api';
import type { AgreementContent } from '../../shared/render';
import { partyIdsOf } from '../../shared/schema';
import { initTable, isTableKind, tableMap } from '../../shared/tables';
import type { AgreementTemplate } from '../../shared/template';
import { copyPartyLists, copyVersion } from '../services/historyRestore';

/**
 * A new draft prefilled from a signed version (a renewal, an amendment):
 * the same template and parties, and everything the signed document holds
 * — rich text with its marks, lists and tables, the RACI matrix and budget
 * rows, contacts, signatories, duration, annexes in or out — copied from
 * its Yjs state (`state`, the history's locked copy) by the copier a
 * restore uses. The new agreement's parties, contacts and signatories have
 * ids of their own: the signed parties are paired with the new ones by
 * place, and the table rows that name a party (a task's lead, a budget
 * line's party) name the new one. `owner` is whoever opens it, in the party
 * at `partyIndex`.
 */
export function prefill(
  content: AgreementContent,
  state: Uint8Array,
  template: AgreementTemplate,
  owner: { name: string; email: string; partyIndex: number },
): { input: z.output<typeof CreateAgreementSchema>; fill: (doc: Y.Doc) => void } {
  const input = {
    title: content.title,
    language: content.language === 'en' ? ('en' as const) : ('fr' as const),
    templateId: template.id,
    owner: { name: owner.name, email: owner.email, partyIndex: Math.min(Math.max(0, owner.partyIndex), Math.max(0, content.parties.length - 1)) },
    parties: content.parties.map((p) => ({ legalName: p.legalName, address: p.address, mission: '' })),
  };
  const fill = (doc: Y.Doc): void => {
    const signed = new Y.Doc();
    try {
      Y.applyUpdate(signed, state);
      const ids = partyIdsOf(doc);
      const parties = new Map(partyIdsOf(signed).flatMap((old, i) => (ids[i] ? [[old, ids[i]] as const] : [])));
      const pairing = { parties, freshIds: true };
      copyVersion(doc, signed, template.sections, pairing);
      copyPartyLists(doc, signed, pairing);
      // A signed table whose lists were never written still needs them (see initTable).
      for (const s of template.sections) if (isTableKind(s.kind)) initTable(tableMap(doc, s.key), s.kind);
    } finally {
      signed.destroy();
    }
  };
  return { input, fill };
}
