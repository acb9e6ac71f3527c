import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agreementBlocks } from '../../../server/export/blocks';
import { agreementDocx } from '../../../server/export/docx';
import { reviewPdf } from '../../../server/export/pdf';
import { pdfText } from '../pdfText';
import type { ExportModel } from '../../../server/export/model';
import { getIncluded } from '../../../shared/included';
import { readAgreement } from '../../../shared/render';
import { initAgreementDoc } from '../../../shared/schema';
import type { AgreementTemplate } from '../../../shared/template';
import { findTemplate } from '../../../shared/templates';
import { fillTemplate } from '../../shared/fillTemplate';

function modelOf(template: AgreementTemplate, change: (doc: Y.Doc) => void = () => undefined): ExportModel {
  const doc = new Y.Doc();
  const parties = [
    { id: 'a', legalName: '', address: '', mission: '' },
    { id: 'b', legalName: '', address: '', mission: '' },
  ];
  initAgreementDoc(doc, { title: 'Accord', language: 'fr', template, parties });
  fillTemplate(doc, template);
  change(doc);
  return {
    agreementId: 'agr',
    template,
    content: readAgreement(doc, template),
    versionNumber: 1,
    versionHash: 'f'.repeat(64),
    lockedAt: '2026-12-01T10:00:00.000Z',
    signatures: [],
    inForceFrom: null,
    auditHead: '0'.repeat(64),
  };
}

const headings = (m: ExportModel): string[] => agreementBlocks(m).flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const texts = (m: ExportModel): string[] => agreementBlocks(m).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('exports of the other templates', () => {
  it('print every section of the partnership agreement, and an annex only while it is included', () => {
    const t = findTemplate('partnership')!;
    const all = headings(modelOf(t));
    expect(all).toContain('Prise de décision');
    expect(all).toContain('Annexe — Budget');
    expect(all).not.toContain('Annexe — Plan d’évaluation');
    const without = headings(modelOf(t, (doc) => getIncluded(doc).set('budget', false)));
    expect(without).not.toContain('Annexe — Budget');
    expect(without).toHaveLength(all.length - 1);
  });

  it('print the government MOU’s background clauses and “hereinafter the parties” after the parties', () => {
    const t = findTemplate('government-mou')!;
    const m = modelOf(t);
    const lines = texts(m);
    expect(lines).toContain('Ci-après appelés «\u00a0les parties\u00a0».');
    expect(lines.some((l) => l.startsWith('C. Le présent protocole d’entente annule et remplace'))).toBe(true);
    expect(headings(m).at(-1)).toBe('Annexe A — Services');
  });

  it('print the RACI grid and the budget with its totals per party as tables, in the PDF and the DOCX', async () => {
    const t = findTemplate('partnership')!;
    const m = modelOf(t);
    const tables = agreementBlocks(m).filter((b) => b.kind === 'table');
    expect(tables.map((b) => b.header)).toEqual([
      ['Tâche', 'Organisation responsable', 'Gestionnaire de programme', 'Responsable de l’admission'],
      ['Poste budgétaire', 'Partie', 'Argent ou en nature', 'Montant'],
      ['Partie', 'Argent', 'En nature', 'Total'],
    ]);
    expect(tables[0]?.rows).toEqual([{ cells: ['Formulaires d’admission', '', 'A', 'R'] }]);
    const totals = tables[2]?.rows.map((r) => r.cells.join(' | ').replace(/\u00a0|\u202f/g, ' '));
    expect(totals).toEqual([
      'Partie 1 | 1 000,00 $ | 0,00 $ | 1 000,00 $',
      'Partie 2 | 0,00 $ | 2 000,00 $ | 2 000,00 $',
      'Toutes les parties | 1 000,00 $ | 2 000,00 $ | 3 000,00 $',
    ]);
    expect(tables[2]?.rows.at(-1)?.bold).toBe(true);
    const text = (await pdfText(await reviewPdf(m))).replace(/\u00a0|\u202f/g, ' ');
    // Cells wrap inside their column: a long name may span two lines of text.
    expect(text).toMatch(/Tâche\s+Organisation\s+Gestionnaire de\s+Responsable de/);
    expect(text).toMatch(/Formulaires\s+A\s+R/);
    for (const expected of ['Totaux par partie', 'Toutes les parties', '3 000,00 $', 'Poste 2']) expect(text).toContain(expected);
    const docx = await agreementDocx(m);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });
});
