import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agreementDocx } from '../../../server/export/docx';
import { richBlocks } from '../../../server/export/richBlocks';
import { richOf, type ExportModel } from '../../../server/export/model';
import { certifiedPdf } from '../../../server/export/pdf';
import { unpackDocx } from '../../../server/import/container';
import { readAgreement } from '../../../shared/render';
import { fragmentName, initAgreementDoc } from '../../../shared/schema';
import { mouTemplate } from '../../../shared/templates/mou';
import { pdfText } from '../pdfText';

/** An element with children, as Tiptap stores it through y-prosemirror. */
function el(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, string> = {}): Y.XmlElement {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.insert(0, children);
  return e;
}

/** A text node; each run's marks are attributes, as y-prosemirror writes bold and italic. */
function text(...runs: [string, ('bold' | 'italic')[]?][]): Y.XmlText {
  const t = new Y.XmlText();
  let at = 0;
  for (const [s, marks = []] of runs) {
    t.insert(at, s, Object.fromEntries(marks.map((m) => [m, {}])));
    at += s.length;
  }
  return t;
}

const item = (s: string) => el('listItem', [el('paragraph', [text([s])])]);
const cell = (s: string) => el('tableCell', [el('paragraph', [text([s])])]);

/** An MOU whose purpose is formatted like an imported Word draft: bold, italics, two lists and a table. */
function formatted(): ExportModel {
  const doc = new Y.Doc();
  initAgreementDoc(doc, {
    title: 'Protocole mis en forme',
    language: 'fr',
    template: mouTemplate,
    parties: [
      { id: 'a', legalName: 'Agence A', address: '', mission: '' },
      { id: 'b', legalName: 'Agence B', address: '', mission: '' },
    ],
  });
  const purpose = doc.getXmlFragment(fragmentName('purpose'));
  purpose.insert(0, [
    el('paragraph', [text(['Collaborer pour '], ['améliorer les résultats', ['bold']], [' des '], ['demandeurs d’emploi', ['italic']], ['.'])]),
    el('bulletList', [item('Rencontre trimestrielle'), item('Rapport annuel')]),
    el('orderedList', [item('Signer'), item('Évaluer')], { start: '1' }),
    el('table', [el('tableRow', [cell('Atelier'), cell('Date')]), el('tableRow', [cell('Accueil'), cell('Avril')])]),
  ]);
  return {
    agreementId: 'agr',
    template: mouTemplate,
    content: readAgreement(doc, mouTemplate),
    versionNumber: 1,
    versionHash: 'ab'.repeat(32),
    lockedAt: '2026-11-30T10:00:00.000Z',
    signatures: [],
    inForceFrom: null,
    auditHead: 'c'.repeat(64),
    rich: richOf(Y.encodeStateAsUpdate(doc)),
  };
}

describe('exports print rich text as written', () => {
  it('reads a fragment as runs, list items and a table', () => {
    const m = formatted();
    const blocks = m.rich?.(fragmentName('purpose'));
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'Collaborer pour améliorer les résultats des demandeurs d’emploi.',
        runs: [
          { text: 'Collaborer pour ' },
          { text: 'améliorer les résultats', bold: true },
          { text: ' des ' },
          { text: 'demandeurs d’emploi', italic: true },
          { text: '.' },
        ],
      },
      { kind: 'paragraph', text: 'Rencontre trimestrielle', marker: '•', level: 0 },
      { kind: 'paragraph', text: 'Rapport annuel', marker: '•', level: 0 },
      { kind: 'paragraph', text: 'Signer', marker: '1.', level: 0 },
      { kind: 'paragraph', text: 'Évaluer', marker: '2.', level: 0 },
      { kind: 'table', header: ['Atelier', 'Date'], rows: [{ cells: ['Accueil', 'Avril'] }] },
    ]);
    // Plain text prints as before: no runs when nothing is bold or italic.
    expect(richBlocks(new Y.Doc().getXmlFragment('empty'))).toEqual([]);
  });

  it('the DOCX has bold and italic runs, the list markers and a Word table', async () => {
    const xml =
      unpackDocx(await agreementDocx(formatted()))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">améliorer les résultats<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">demandeurs d’emploi<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:t xml:space="preserve">•<\/w:t><w:tab\/>[\s\S]*Rencontre trimestrielle/);
    expect(xml).toMatch(/<w:t xml:space="preserve">2\.<\/w:t><w:tab\/>[\s\S]*Évaluer/);
    const table = xml.slice(xml.indexOf('<w:tbl>'));
    expect(table).toMatch(/<w:tr>[\s\S]*Atelier[\s\S]*Date[\s\S]*<\/w:tr>[\s\S]*<w:tr>[\s\S]*Accueil[\s\S]*Avril/);
  });

  it('the PDF shows the table’s cells in rows and the list items with their markers', async () => {
    const pdf = plain(await pdfText(await certifiedPdf(formatted(), 'd'.repeat(64), '2026-12-02T09:16:00.000Z')));
    expect(pdf).toContain('Collaborer pour améliorer les résultats des demandeurs d’emploi.');
    expect(pdf).toMatch(/^Atelier[ \t]+Date$/m);
    expect(pdf).toMatch(/^Accueil[ \t]+Avril$/m);
    expect(pdf).toMatch(/^•[ \t]*Rencontre trimestrielle$/m);
    expect(pdf).toMatch(/^2\.[ \t]*Évaluer$/m);
  });
});

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
