import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addContact, addParty, addSignatory, fragmentName, getParties, initAgreementDoc, partyList, removeListItem, removeParty } from '../../shared/schema';
import { fragmentToText, readAgreement } from '../../shared/render';
import { mouTemplate } from '../../shared/templates/mou';
import { TEMPLATES, findTemplate } from '../../shared/templates';
import { LANGUAGES } from '../../shared/template';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

describe('agreement schema', () => {
  it('a new agreement has the template defaults and at least the minimum number of parties', () => {
    const doc = new Y.Doc();
    initAgreementDoc(doc, { title: 'PE', language: 'fr', template: mouTemplate, parties: [{ legalName: 'A', address: '', mission: '' }] });
    const content = readAgreement(doc, mouTemplate);
    expect(content.title).toBe('PE');
    expect(content.language).toBe('fr');
    expect(content.parties).toHaveLength(2);
    expect(content.parties[0]?.legalName).toBe('A');
    expect(content.duration).toMatchObject({ termYears: 1, renewalReviewMonths: 6, terminationNoticeDays: 60 });
  });

  it('adding a party gives it its own per-party sections; removing it empties them', () => {
    const doc = new Y.Doc();
    initAgreementDoc(doc, { title: 'PE', language: 'en', template: mouTemplate, parties: [] });
    const id = addParty(doc, { legalName: 'Union locale 123', address: 'Montréal', mission: 'Former' });
    doc.getXmlFragment(fragmentName('responsibilities', id)).insert(0, [paragraph('Fournir les locaux')]);
    addContact(doc, id, 'Gestionnaire de programme');
    addSignatory(doc, id, 'Marie Tremblay', 'Codirectrice');
    addSignatory(doc, id, 'Jean Roy', 'Codirecteur');
    let party = readAgreement(doc, mouTemplate).parties.find((p) => p.id === id);
    expect(party?.sections['responsibilities']).toBe('Fournir les locaux');
    expect(party?.sections).toHaveProperty('context');
    expect(party?.contacts.map((c) => c.title)).toEqual(['Gestionnaire de programme']);
    expect(party?.signatories.map((s) => s.name)).toEqual(['Marie Tremblay', 'Jean Roy']);

    const signatories = partyList(doc, id, 'signatories');
    const first = signatories?.get(0).get('id');
    if (signatories && typeof first === 'string') removeListItem(signatories, first);
    party = readAgreement(doc, mouTemplate).parties.find((p) => p.id === id);
    expect(party?.signatories.map((s) => s.name)).toEqual(['Jean Roy']);

    removeParty(doc, id, mouTemplate);
    expect(getParties(doc).length).toBe(2);
    expect(doc.getXmlFragment(fragmentName('responsibilities', id)).length).toBe(0);
  });

  it('fragment names never collide with the structured maps', () => {
    const doc = new Y.Doc();
    initAgreementDoc(doc, { title: 'PE', language: 'en', template: mouTemplate, parties: [] });
    for (const section of mouTemplate.sections) expect(() => doc.getXmlFragment(fragmentName(section.key))).not.toThrow();
  });

  it('rich text is read one line per block, with formatting dropped', () => {
    const fragment = new Y.Doc().getXmlFragment('f');
    const bold = new Y.XmlText();
    fragment.insert(0, [paragraph('Premier'), new Y.XmlElement('paragraph')]);
    (fragment.get(1) as Y.XmlElement).insert(0, [bold]);
    bold.insert(0, 'gras', { bold: true });
    bold.insert(4, ' et normal');
    expect(fragmentToText(fragment)).toBe('Premier\ngras et normal');
  });
});

describe('templates', () => {
  it('every template section has a title and guidance in French and in English', () => {
    for (const template of TEMPLATES) {
      for (const section of template.sections) {
        for (const lang of LANGUAGES) {
          expect(section.title[lang].length, `${template.id}.${section.key}.title.${lang}`).toBeGreaterThan(0);
          expect(section.guidance[lang].length, `${template.id}.${section.key}.guidance.${lang}`).toBeGreaterThan(20);
        }
      }
    }
  });

  it('the MOU template has the sections of Ressource 5, in order', () => {
    expect(findTemplate('mou')?.sections.map((s) => s.key)).toEqual(['parties', 'purpose', 'context', 'responsibilities', 'duration', 'signatories']);
    expect([30, 60, 90]).toContain(mouTemplate.duration.terminationNoticeDays);
  });

  it('section keys are unique within a template', () => {
    for (const template of TEMPLATES) {
      const keys = template.sections.map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
