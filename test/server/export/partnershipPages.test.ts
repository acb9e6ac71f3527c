import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import mammoth from 'mammoth';
import { agreementDocx } from '../../../server/export/docx';
import { unpackDocx } from '../../../server/import/container';
import type { ExportModel } from '../../../server/export/model';
import { certifiedPdf } from '../../../server/export/pdf';
import type { Signature } from '../../../server/store/versions';
import { readAgreement } from '../../../shared/render';
import { initAgreementDoc } from '../../../shared/schema';
import { findTemplate } from '../../../shared/templates';
import { fillTemplate } from '../../shared/fillTemplate';
import { pdfText } from '../pdfText';

const HASH = 'ab'.repeat(32);

function signature(partyId: string, fullName: string, signedAt: string): Signature {
  return {
    id: `s-${partyId}`,
    versionId: 'v',
    participantId: `p-${partyId}`,
    partyId,
    fullName,
    title: 'Directrice',
    signedAt,
    ip: '203.0.113.7',
    userAgent: 'Chromium',
    versionHash: HASH,
  };
}

/** A signed partnership agreement, every section filled, with a RACI grid and a budget annex. */
function signedPartnership(): ExportModel {
  const template = findTemplate('partnership')!;
  const doc = new Y.Doc();
  initAgreementDoc(doc, {
    title: 'Accord de partenariat — Emploi 2027',
    language: 'fr',
    template,
    parties: [
      { id: 'a', legalName: '', address: '', mission: '' },
      { id: 'b', legalName: '', address: '', mission: '' },
    ],
  });
  fillTemplate(doc, template);
  return {
    agreementId: 'agr',
    template,
    content: readAgreement(doc, template),
    versionNumber: 2,
    versionHash: HASH,
    lockedAt: '2026-11-30T10:00:00.000Z',
    signatures: [signature('a', 'Ana Lemieux', '2026-12-01T14:00:00.000Z'), signature('b', 'Béa Roy', '2026-12-02T09:15:00.000Z')],
    inForceFrom: '2026-12-02T09:15:00.000Z',
    auditHead: 'c'.repeat(64),
  };
}

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the partnership agreement’s signed PDF, page by page', () => {
  it('numbers every page “page n sur N” and prints the title and the fingerprint in each footer', async () => {
    const pages = plain(await pdfText(await certifiedPdf(signedPartnership(), 'd'.repeat(64), '2026-12-02T09:16:00.000Z'))).split('\f');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`page ${i + 1} sur ${pages.length}`);
      expect(page, `page ${i + 1}`).toContain('Accord de partenariat — Emploi 2027');
      expect(page, `page ${i + 1}`).toContain(`Empreinte de la version (SHA-256) : ${HASH}`);
    });
    const text = pages.join('\n');
    // Every section, in order.
    const order = [
      'Résultats, buts et objectifs',
      'Rôles et responsabilités — matrice RACI',
      'Prise de décision',
      'Mécanisme de suivi',
      'Signatures',
      'Annexe — Budget',
    ];
    const at = order.map((h) => text.indexOf(h));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(text).not.toContain('Annexe — Plan d’évaluation');
    // The signature blocks of Ressource 5 and, apart from them, the date in force.
    const signatures = pages.find((p) => p.includes('Nom et titre : Ana Lemieux, Directrice'));
    expect(signatures).toBeDefined();
    expect(signatures).toMatch(
      /Partie 1\nNom et titre : Ana Lemieux, Directrice\nSignature : Signé électroniquement le 1er décembre 2026 à 14 h 00 UTC\nDate : 1er décembre 2026/,
    );
    expect(signatures).toMatch(
      /Partie 2\nNom et titre : Béa Roy, Directrice\nSignature : Signé électroniquement le 2 décembre 2026 à 9 h 15 UTC\nDate : 2 décembre 2026\nEn vigueur depuis le 2 décembre 2026/,
    );
    // The budget annex's totals and the certificate, last.
    expect(text).toMatch(/Toutes les parties\s+1 000,00 \$\s+2 000,00 \$\s+3 000,00 \$/);
    expect(pages.at(-1)).toContain('Certificat de signature');
  });

  it('the DOCX carries the same footer with Word’s page fields', async () => {
    const docx = await agreementDocx(signedPartnership());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const { value } = await mammoth.extractRawText({ buffer: docx });
    expect(plain(value)).toContain('Nom et titre : Béa Roy, Directrice');
    expect(plain(value)).toContain('Toutes les parties');
    const parts = unpackDocx(docx);
    const footer = [...parts].find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1].toString('utf8') ?? '';
    expect(footer).toContain('Accord de partenariat — Emploi 2027');
    expect(footer).toContain(HASH);
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(footer).toContain('page ');
    expect(footer).toContain(' sur ');
  });
});
