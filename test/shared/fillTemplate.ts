import * as Y from 'yjs';
import { addContact, addSignatory, fragmentName, getDuration, hasSharedText, isPerParty, paragraph, partiesOf } from '../../shared/schema';
import { addBudgetLine } from '../../shared/budget';
import { addRole, addTask, setCell } from '../../shared/raci';
import type { AgreementTemplate } from '../../shared/template';

/** Fills every section of any template the way the editors would, so the content checks can pass. */
export function fillTemplate(doc: Y.Doc, template: AgreementTemplate): void {
  doc.transact(() => {
    const parties = partiesOf(doc);
    parties.forEach(({ map }, i) => map.set('legalName', `Partie ${i + 1}`));
    for (const section of template.sections) {
      const shared = doc.getXmlFragment(fragmentName(section.key));
      if (hasSharedText(section.kind) && shared.length === 0) shared.push([paragraph(`Texte de ${section.key}`)]);
      if (isPerParty(section.kind)) {
        for (const { id } of parties) doc.getXmlFragment(fragmentName(section.key, id)).push([paragraph(`${section.key} de ${id}`)]);
      }
      if (section.kind === 'responsibilities') for (const { id } of parties) addContact(doc, id, 'Gestionnaire de programme');
      if (section.kind === 'signatories') for (const { id } of parties) addSignatory(doc, id, `Signataire ${id}`, 'Directrice');
      if (section.kind === 'duration') getDuration(doc).set('termYears', 2);
      if (section.kind === 'raci') {
        const task = addTask(doc, section.key, 'Formulaires d’admission');
        const lead = addRole(doc, section.key, 'Gestionnaire de programme');
        const worker = addRole(doc, section.key, 'Responsable de l’admission');
        setCell(doc, section.key, task, lead, 'A');
        setCell(doc, section.key, task, worker, 'R');
      }
      if (section.kind === 'budget') {
        parties.forEach(({ id }, i) =>
          addBudgetLine(doc, section.key, { label: `Poste ${i + 1}`, partyId: id, amountCents: (i + 1) * 100_000, nature: i % 2 ? 'inKind' : 'cash' }),
        );
      }
    }
  });
}
