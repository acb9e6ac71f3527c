import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agreementBlocks } from '../../../server/export/blocks';
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
});
