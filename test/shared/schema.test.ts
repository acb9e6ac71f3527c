import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addContact,
  addSignatory,
  findParty,
  fragmentName,
  initAgreementDoc,
  isWritableRoot,
  partyIdsOf,
  partyList,
  removeListItem,
  unlistParty,
  writeParty,
} from '../../shared/schema';
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
  const two = [
    { id: 'a1', legalName: 'A', address: '', mission: 'Former des jeunes' },
    { id: 'b2', legalName: '', address: '', mission: '' },
  ];

  it('a new agreement has the template defaults, its parties in order, and each mission as its Context paragraph', () => {
    const doc = new Y.Doc();
    initAgreementDoc(doc, { title: 'PE', language: 'fr', template: mouTemplate, parties: two });
    const content = readAgreement(doc, mouTemplate);
    expect(content.title).toBe('PE');
    expect(content.language).toBe('fr');
    expect(content.parties.map((p) => p.id)).toEqual(['a1', 'b2']);
    expect(content.parties[0]?.legalName).toBe('A');
    expect(content.parties[0]?.sections['context']).toBe('Former des jeunes');
    // Asked once: the mission is the Context paragraph, not also a party field.
    expect(content.parties[0]?.mission).toBe('');
    expect(content.duration).toMatchObject({ termYears: 1, renewalReviewMonths: 6, terminationNoticeDays: 60 });
  });

  it('a party has its own per-party sections and lists; unlisting it empties them', () => {
    const doc = new Y.Doc();
    initAgreementDoc(doc, { title: 'PE', language: 'en', template: mouTemplate, parties: two });
    const id = 'c3';
    writeParty(doc, id, { legalName: 'Union locale 123', address: 'Montréal', mission: '' }, mouTemplate);
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

    unlistParty(doc, id, mouTemplate);
    expect(partyIdsOf(doc)).toEqual(['a1', 'b2']);
    expect(findParty(doc, id)).toBeUndefined();
    expect(doc.getXmlFragment(fragmentName('responsibilities', id)).length).toBe(0);
  });

  it('clients may write the sections, meta, duration and listed parties, nothing else', () => {
    const ids = new Set(['a1']);
    for (const name of ['meta', 'duration', 'party:a1', 'section:purpose', 'section:context', 'section:context:a1', 'section:responsibilities:a1']) {
      expect(isWritableRoot(name, mouTemplate, ids), name).toBe(true);
    }
    for (const name of [
      'partyIds',
      'parties',
      'party:zz',
      'section:responsibilities',
      'section:purpose:a1',
      'section:context:zz',
      'section:nope',
      'evil',
      '',
    ]) {
      expect(isWritableRoot(name, mouTemplate, ids), name).toBe(false);
    }
  });

  it('fragment names never collide with the structured maps', () => {
    const doc = new Y.Doc();
    initAgreementDoc(doc, { title: 'PE', language: 'en', template: mouTemplate, parties: two });
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
    // Plus the RACI matrix of 001, optional and left out until the editors add it.
    expect(findTemplate('mou')?.sections.map((s) => s.key)).toEqual(['parties', 'purpose', 'context', 'responsibilities', 'raci', 'duration', 'signatories']);
    expect(
      findTemplate('mou')
        ?.sections.filter((s) => s.optional)
        .map((s) => [s.key, s.optional?.included]),
    ).toEqual([['raci', false]]);
    expect([30, 60, 90]).toContain(mouTemplate.duration.terminationNoticeDays);
  });

  it('section keys are unique within a template', () => {
    for (const template of TEMPLATES) {
      const keys = template.sections.map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
