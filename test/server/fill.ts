import * as Y from 'yjs';
import { addContact, addSignatory, fragmentName, getDuration, getMeta, partiesOf } from '../../shared/schema';

export function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** Fills every section of an agreement the way the editor would, so it can pass the readiness checklist. */
export function fillEverything(doc: Y.Doc): void {
  doc.transact(() => {
    getMeta(doc).set('title', 'Protocole complet');
    partiesOf(doc).forEach(({ id, map: party }, i) => {
      party.set('legalName', `Partie ${i}`);
      doc.getXmlFragment(fragmentName('context', id)).push([paragraph(`Mission ${i}`)]);
      doc.getXmlFragment(fragmentName('responsibilities', id)).push([paragraph(`Responsabilités ${i}`)]);
      addContact(doc, id, `Gestionnaire ${i}`);
      addSignatory(doc, id, `Signataire ${i}`, 'Directrice');
    });
    doc.getXmlFragment(fragmentName('purpose')).push([paragraph('Collaborer')]);
    doc.getXmlFragment(fragmentName('context')).push([paragraph('Pourquoi ensemble')]);
    doc.getXmlFragment(fragmentName('duration')).push([paragraph('Renouvelable')]);
    getDuration(doc).set('termYears', 2);
    getDuration(doc).set('terminationNoticeDays', 90);
  });
}
