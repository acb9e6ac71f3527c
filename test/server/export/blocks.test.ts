import { describe, expect, it } from 'vitest';
import { agreementBlocks, certificateBlocks } from '../../../server/export/blocks';
import type { Block, ExportModel } from '../../../server/export/model';
import type { Signature } from '../../../server/store/versions';
import type { AgreementContent, PartyContent } from '../../../shared/render';
import { mouTemplate } from '../../../shared/templates/mou';

function party(id: string, legalName: string, extra: Partial<PartyContent> = {}): PartyContent {
  return {
    id,
    legalName,
    address: `${legalName}, 1 rue Principale`,
    mission: `La mission de ${legalName}`,
    sections: { context: `Contexte de ${legalName}`, responsibilities: `${legalName} fournit un local\n\n${legalName} anime les ateliers` },
    contacts: [{ id: `c-${id}`, title: 'Gestionnaire de programme', email: `info@${id}.example.org`, phone: '' }],
    signatories: [{ id: `s-${id}`, name: `Signataire ${id}`, title: 'Directrice' }],
    ...extra,
  };
}

function signature(partyId: string, fullName: string, signedAt: string): Signature {
  return {
    id: `sig-${partyId}`,
    versionId: 'v1',
    participantId: `p-${partyId}`,
    partyId,
    fullName,
    title: 'Directrice générale',
    signedAt,
    ip: '203.0.113.7',
    userAgent: 'Chromium/1',
    versionHash: 'a'.repeat(64),
  };
}

function model(language: 'fr' | 'en', change: Partial<ExportModel> = {}): ExportModel {
  const content: AgreementContent = {
    title: 'Protocole',
    language,
    templateId: 'mou',
    parties: [party('a', 'Centre Alpha'), party('b', 'Association Bêta')],
    duration: { termYears: 2, renewalReviewMonths: 6, terminationNoticeDays: 90, notes: 'Renouvelable une fois' },
    sections: { purpose: 'Collaborer\nAméliorer les services', context: 'Pourquoi ensemble', duration: 'Renouvelable une fois' },
  };
  return {
    agreementId: 'agr-1',
    template: mouTemplate,
    content,
    versionNumber: 3,
    versionHash: 'f'.repeat(64),
    lockedAt: '2025-12-01T13:00:00.000Z',
    signatures: [],
    inForceFrom: null,
    auditHead: 'e'.repeat(64),
    ...change,
  };
}

const texts = (blocks: Block[]): string[] =>
  blocks.map((b) => (b.kind === 'signature' ? `${b.organisation}|${b.lines.join('|')}` : b.kind === 'table' ? b.header.join('|') : b.text));

/** The blocks from one section's heading up to the next heading. */
function sectionOf(blocks: Block[], title: string): Block[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === title);
  if (start < 0) throw new Error(`no heading ${title}`);
  const next = blocks.findIndex((b, i) => i > start && b.kind === 'heading');
  return blocks.slice(start + 1, next < 0 ? undefined : next);
}

describe('agreementBlocks', () => {
  it('has one heading per template section, in order, in the agreement’s language', () => {
    for (const lang of ['fr', 'en'] as const) {
      const headings = agreementBlocks(model(lang))
        .filter((b) => b.kind === 'heading')
        .map((b) => (b.kind === 'heading' ? b.text : ''));
      // The optional RACI matrix is left out (the model has no `included` for it): it is not printed.
      expect(headings).toEqual(mouTemplate.sections.filter((s) => !s.optional).map((s) => s.title[lang]));
    }
  });

  it('falls back to French for a language it does not know', () => {
    const blocks = agreementBlocks(model('fr', { content: { ...model('fr').content, language: 'de' } }));
    expect(blocks[0]).toEqual({ kind: 'heading', text: mouTemplate.sections[0]!.title.fr });
  });

  it('introduces the first party with "between" and the next ones with "and", then their address and mission', () => {
    const fr = sectionOf(agreementBlocks(model('fr')), 'Parties');
    expect(fr[0]).toEqual({ kind: 'subheading', text: 'Entre Centre Alpha' });
    expect(fr.filter((b) => b.kind === 'subheading').map((b) => (b.kind === 'subheading' ? b.text : ''))).toEqual([
      'Entre Centre Alpha',
      'et Association Bêta',
    ]);
    // French sets a non-breaking space before the colon; English does not.
    expect(texts(fr)).toContain('Adresse\u00a0: Centre Alpha, 1 rue Principale');
    const en = sectionOf(agreementBlocks(model('en')), 'Parties');
    expect(texts(en).slice(0, 3)).toEqual(['Between Centre Alpha', 'Address: Centre Alpha, 1 rue Principale', 'Mission: La mission de Centre Alpha']);
    expect(texts(en)).toContain('and Association Bêta');
  });

  it('leaves out an empty address or mission rather than printing a bare label', () => {
    const m = model('en');
    m.content.parties[0] = party('a', 'Centre Alpha', { address: '', mission: '' });
    const section = texts(sectionOf(agreementBlocks(m), 'Parties'));
    expect(section.slice(0, 2)).toEqual(['Between Centre Alpha', 'and Association Bêta']);
  });

  it('prints rich text one paragraph per non-blank line', () => {
    const m = model('en');
    m.content.sections['purpose'] = 'Collaborate\n\n   \nImprove services';
    expect(sectionOf(agreementBlocks(m), 'Purpose')).toEqual([
      { kind: 'paragraph', text: 'Collaborate' },
      { kind: 'paragraph', text: 'Improve services' },
    ]);
  });

  it('prints an empty section as its heading alone', () => {
    const m = model('en');
    delete m.content.sections['purpose'];
    expect(sectionOf(agreementBlocks(m), 'Purpose')).toEqual([]);
  });

  it('gives the context of each party under its name, then the shared reason', () => {
    const section = texts(sectionOf(agreementBlocks(model('en')), 'Context'));
    expect(section).toEqual([
      'Centre Alpha',
      'Contexte de Centre Alpha',
      'Association Bêta',
      'Contexte de Association Bêta',
      'Why the parties commit',
      'Pourquoi ensemble',
    ]);
  });

  it('gives each party’s responsibilities then its contact points, joining a contact’s filled fields', () => {
    const m = model('en');
    m.content.parties[1] = party('b', 'Association Bêta', { contacts: [{ id: 'c', title: 'Coordonnatrice', email: '', phone: '613-555-0100' }] });
    const section = texts(sectionOf(agreementBlocks(m), 'Responsibilities and contact points'));
    expect(section).toEqual([
      'Centre Alpha — Responsibilities',
      'Centre Alpha fournit un local',
      'Centre Alpha anime les ateliers',
      'Centre Alpha — Contact points',
      'Gestionnaire de programme · info@a.example.org',
      'Association Bêta — Responsibilities',
      'Association Bêta fournit un local',
      'Association Bêta anime les ateliers',
      'Association Bêta — Contact points',
      'Coordonnatrice · 613-555-0100',
    ]);
  });

  it('writes the term, renewal and notice with the numbers, then the notes', () => {
    const section = sectionOf(agreementBlocks(model('en')), 'Duration');
    const lines = texts(section);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/\b2 years\b/);
    expect(lines[1]).toMatch(/\b6 months\b/);
    expect(lines[2]).toMatch(/\b90 days\b/);
    expect(lines[3]).toBe('Renouvelable une fois');
  });

  it('uses the singular for a one-year term', () => {
    const m = model('en');
    m.content.duration.termYears = 1;
    const first = texts(sectionOf(agreementBlocks(m), 'Duration'))[0];
    expect(first).toMatch(/\b1 year\b/);
    expect(first).not.toMatch(/\b1 years\b/);
  });

  it('leaves out the duration fields that are not set', () => {
    const m = model('en');
    m.content.duration = { termYears: null, renewalReviewMonths: null, terminationNoticeDays: null, notes: '' };
    expect(sectionOf(agreementBlocks(m), 'Duration')).toEqual([]);
  });

  it('before anyone signs, a signature block per signatory (agency, name and title, signature, date, as Ressource 5), and no date in force', () => {
    const blocks = agreementBlocks(model('en'));
    const section = sectionOf(blocks, 'Signatories');
    expect(section).toEqual([
      {
        kind: 'signature',
        organisation: 'Centre Alpha',
        lines: ['Name and title: Signataire a, Directrice', 'Signature: Not signed', 'Date: ____________________'],
      },
      {
        kind: 'signature',
        organisation: 'Association Bêta',
        lines: ['Name and title: Signataire b, Directrice', 'Signature: Not signed', 'Date: ____________________'],
      },
    ]);
    expect(texts(blocks).some((t) => t.startsWith('In force'))).toBe(false);
  });

  it('once a party signed, its block shows who signed and when (UTC), instead of the signatories typed in', () => {
    const m = model('en', { signatures: [signature('b', 'Béatrice Tremblay', '2025-12-01T20:48:00.000Z')] });
    const [alpha, beta] = sectionOf(agreementBlocks(m), 'Signatories');
    expect(alpha).toEqual({
      kind: 'signature',
      organisation: 'Centre Alpha',
      lines: ['Name and title: Signataire a, Directrice', 'Signature: Not signed', 'Date: ____________________'],
    });
    if (beta?.kind !== 'signature') throw new Error('no signature block for the second party');
    expect(beta.organisation).toBe('Association Bêta');
    expect(beta.lines).toHaveLength(3);
    expect(beta.lines[0]).toBe('Name and title: Béatrice Tremblay, Directrice générale');
    expect(beta.lines[1]).toMatch(/^Signature: Signed electronically on .*December 1, 2025.* UTC$/);
    expect(beta.lines[2]).toBe('Date: December 1, 2025');
  });

  it('once everyone signed, says when the agreement is in force', () => {
    const m = model('fr', {
      signatures: [signature('a', 'Ana', '2025-12-01T10:00:00.000Z'), signature('b', 'Béa', '2025-12-02T11:30:00.000Z')],
      inForceFrom: '2025-12-02T11:30:00.000Z',
    });
    const last = agreementBlocks(m).at(-1);
    if (last?.kind !== 'paragraph') throw new Error('no closing paragraph');
    expect(last.text).toMatch(/^En vigueur .*2 décembre 2025.* UTC$/);
    // Set apart from the signature blocks above it.
    expect(last.spaceBefore).toBe(true);
  });
});

describe('certificateBlocks', () => {
  const signed = model('en', {
    signatures: [signature('a', 'Ana Alpha', '2025-12-01T10:00:00.000Z'), signature('gone', 'Ghost', '2025-12-01T11:00:00.000Z')],
    inForceFrom: '2025-12-01T11:00:00.000Z',
  });

  it('prints the agreement id, version, both fingerprints and the audit head', () => {
    const blocks = certificateBlocks(signed, 'd'.repeat(64), '2025-12-03T09:00:00.000Z');
    expect(blocks[0]).toEqual({ kind: 'heading', text: 'Signing certificate' });
    const lines = texts(blocks);
    expect(lines).toContain('Agreement id: agr-1');
    expect(lines).toContain('Version: 3');
    expect(lines).toContain(`Version fingerprint (SHA-256): ${'f'.repeat(64)}`);
    expect(lines).toContain(`Agreement pages fingerprint (PDF, SHA-256): ${'d'.repeat(64)}`);
    expect(lines).toContain(`Audit chain head: ${'e'.repeat(64)}`);
    expect(lines.at(-1)).toBe('Generated on 2025-12-03T09:00:00.000Z');
  });

  it('gives one block per signature with the evidence kept for it', () => {
    const blocks = certificateBlocks(signed, 'd'.repeat(64), '2025-12-03T09:00:00.000Z').filter((b) => b.kind === 'signature');
    expect(blocks).toHaveLength(2);
    const [first] = blocks;
    if (first?.kind !== 'signature') throw new Error('no signature block');
    expect(first.organisation).toBe('Party: Centre Alpha');
    expect(first.lines[0]).toBe('Ana Alpha, Directrice générale');
    expect(first.lines[1]).toMatch(/^Signed electronically on .*December 1, 2025.* UTC \(2025-12-01T10:00:00\.000Z\)$/);
    expect(first.lines.slice(2)).toEqual(['IP address: 203.0.113.7', 'Browser: Chromium/1', `SHA-256: ${'a'.repeat(64)}`]);
  });

  it('names a party that is no longer in the content by its id', () => {
    const blocks = certificateBlocks(signed, 'd'.repeat(64), '2025-12-03T09:00:00.000Z');
    expect(blocks.some((b) => b.kind === 'signature' && b.organisation === 'Party: gone')).toBe(true);
  });

  it('is written in French for a French agreement, with the French colon', () => {
    const fr = model('fr', { signatures: [signature('a', 'Ana Alpha', '2025-12-01T10:00:00.000Z')] });
    const lines = texts(certificateBlocks(fr, 'd'.repeat(64), '2025-12-03T09:00:00.000Z'));
    expect(lines[0]).toBe('Certificat de signature');
    expect(lines).toContain('Version\u00a0: 3');
    expect(lines.some((l) => l.startsWith('Partie\u00a0: Centre Alpha|'))).toBe(true);
  });
});
