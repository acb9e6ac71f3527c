import { describe, expect, it } from 'vitest';
import { changeSummary, compareContents } from '../../shared/diff';
import { diffText } from '../../shared/diffText';
import type { AgreementContent, PartyContent } from '../../shared/render';
import { mouTemplate } from '../../shared/templates/mou';
import { partnershipTemplate } from '../../shared/templates/partnership';

const changes = (before: string, after: string) => diffText(before, after).filter((o) => o.op !== 'same');

const party = (id: string, over: Partial<PartyContent> = {}): PartyContent => ({
  id,
  legalName: `Org ${id}`,
  address: '1 rue',
  mission: '',
  sections: { context: '', responsibilities: '' },
  contacts: [],
  signatories: [],
  ...over,
});

const content = (over: Partial<AgreementContent> = {}): AgreementContent => ({
  title: 'Entente',
  language: 'fr',
  templateId: 'mou',
  parties: [party('p1'), party('p2')],
  duration: { termYears: 2, renewalReviewMonths: 6, terminationNoticeDays: 90, notes: '' },
  sections: { purpose: '', context: '', duration: '' },
  ...over,
});

describe('word diff', () => {
  it('marks inserted and deleted words, keeping the rest', () => {
    expect(changes('former des jeunes', 'former des jeunes adultes')).toEqual([{ op: 'ins', text: 'adultes' }]);
    expect(changes('former des jeunes adultes', 'former des adultes')).toEqual([{ op: 'del', text: 'jeunes ' }]);
    const ops = diffText('a b c', 'a x c');
    expect(ops.map((o) => o.text).join('')).not.toBe('');
    expect(changes('a b c', 'a x c')).toEqual([
      { op: 'del', text: 'b' },
      { op: 'ins', text: 'x' },
    ]);
  });

  it('a moved word is deleted where it was and inserted where it went', () => {
    const before = 'Le comité se réunit chaque mois à Sudbury.';
    const after = 'Le comité se réunit à Sudbury chaque mois.';
    const ops = changes(before, after);
    expect(ops.some((o) => o.op === 'del' && o.text.includes('chaque mois'))).toBe(true);
    expect(ops.some((o) => o.op === 'ins' && o.text.includes('chaque mois'))).toBe(true);
    expect(ops.some((o) => o.text.includes('comité'))).toBe(false);
  });

  it('paragraphs are aligned first: an added paragraph is one insertion, the others untouched', () => {
    const before = 'Premier.\nDeuxième.\nTroisième.';
    const after = 'Premier.\nNouveau.\nDeuxième.\nTroisième.';
    expect(changes(before, after)).toEqual([{ op: 'ins', text: 'Nouveau.\n' }]);
    // Reading the kept and inserted runs gives the new text, the kept and deleted the old one.
    const ops = diffText(before, after);
    expect(
      ops
        .filter((o) => o.op !== 'del')
        .map((o) => o.text)
        .join(''),
    ).toBe(after);
    expect(
      ops
        .filter((o) => o.op !== 'ins')
        .map((o) => o.text)
        .join(''),
    ).toBe(before);
  });

  it('rebuilds both texts from a long rewrite', () => {
    const words = (seed: number) => Array.from({ length: 3000 }, (_, i) => `w${(i * seed) % 997}`).join(' ');
    const before = words(7);
    const after = words(13);
    const ops = diffText(before, after);
    expect(
      ops
        .filter((o) => o.op !== 'del')
        .map((o) => o.text)
        .join(''),
    ).toBe(after);
    expect(
      ops
        .filter((o) => o.op !== 'ins')
        .map((o) => o.text)
        .join(''),
    ).toBe(before);
  });
});

describe('section-aware comparison', () => {
  it('each party’s part of a section is compared on its own, and unchanged sections say so', () => {
    const a = content();
    const b = content({ parties: [party('p1', { sections: { context: '', responsibilities: 'Animer les ateliers' } }), party('p2')] });
    const cmp = compareContents(a, b, mouTemplate);
    expect(cmp.changedSections).toEqual(['responsibilities']);
    expect(cmp.changedParties).toEqual(['p1']);
    const resp = cmp.sections.find((s) => s.key === 'responsibilities')!;
    expect(resp.texts.map((t) => [t.partyId, t.ops.filter((o) => o.op !== 'same')])).toEqual([
      ['p1', [{ op: 'ins', text: 'Animer les ateliers' }]],
      ['p2', []],
    ]);
    expect(cmp.sections.filter((s) => !s.changed).map((s) => s.key)).toEqual(['parties', 'purpose', 'context', 'raci', 'duration', 'signatories']);
  });

  it('lists parties, contacts, duration and signatories as field changes, old → new', () => {
    const a = content({
      parties: [party('p1', { contacts: [{ id: 'c1', title: 'Coordonnatrice', email: 'a@x.org', phone: '' }] }), party('p2')],
    });
    const b = content({
      title: 'Entente révisée',
      duration: { termYears: 3, renewalReviewMonths: 6, terminationNoticeDays: 60, notes: '' },
      parties: [
        party('p1', { legalName: 'Réseau Emploi', contacts: [{ id: 'c1', title: 'Directrice', email: 'a@x.org', phone: '' }] }),
        party('p2', { signatories: [{ id: 's1', name: 'Ana Roy', title: 'Présidente' }] }),
        party('p3'),
      ],
    });
    const fields = compareContents(a, b, mouTemplate).sections.flatMap((s) => s.fields);
    expect(fields).toEqual([
      { partyId: null, field: 'title', item: null, before: 'Entente', after: 'Entente révisée' },
      { partyId: 'p1', field: 'legalName', item: null, before: 'Org p1', after: 'Réseau Emploi' },
      { partyId: 'p3', field: 'party', item: null, before: null, after: 'Org p3' },
      { partyId: 'p1', field: 'contact', item: 'c1', before: 'Coordonnatrice · a@x.org', after: 'Directrice · a@x.org' },
      { partyId: null, field: 'termYears', item: null, before: '2', after: '3' },
      { partyId: null, field: 'terminationNoticeDays', item: null, before: '90', after: '60' },
      { partyId: 'p2', field: 'signatory', item: 's1', before: null, after: 'Ana Roy · Présidente' },
    ]);
  });

  it('the summary a version records names the same sections and parties', () => {
    const a = content();
    const b = content({ sections: { purpose: 'Former', context: '', duration: '' }, parties: [party('p1'), party('p2', { address: '2 rue' })] });
    expect(changeSummary(a, b, mouTemplate)).toEqual({ sections: ['parties', 'purpose'], parties: ['p2'] });
    expect(changeSummary(a, a, mouTemplate)).toEqual({ sections: [], parties: [] });
  });
});

describe('table sections', () => {
  it('a RACI matrix compares by task and role, a budget by line, each as one line old → new', () => {
    const raci = (letter: 'R' | 'A') => ({
      tasks: [{ id: 't1', name: 'Recruter les jeunes', lead: 'p1' }],
      roles: [
        { id: 'r1', name: 'Coordination' },
        { id: 'r2', name: 'Direction' },
      ],
      cells: { 't1:r1': letter, 't1:r2': 'A' as const },
    });
    const a = content({
      raci: { raci: raci('R') },
      budget: { budget: { lines: [{ id: 'l1', label: 'Salles', partyId: 'p2', amountCents: 150000, nature: 'cash' }] } },
    });
    const b = content({
      raci: { raci: { ...raci('A'), roles: [...raci('A').roles, { id: 'r3', name: 'Évaluation' }] } },
      budget: { budget: { lines: [{ id: 'l1', label: 'Salles', partyId: 'p2', amountCents: 175000, nature: 'cash' }] } },
    });
    const fields = compareContents(a, b, partnershipTemplate).sections.flatMap((s) => s.fields);
    expect(fields).toContainEqual({ partyId: null, field: 'role', item: 'r3', before: null, after: 'Évaluation' });
    expect(fields).toContainEqual({
      partyId: null,
      field: 'task',
      item: 't1',
      before: 'Recruter les jeunes (Org p1) — R: Coordination — A: Direction',
      after: 'Recruter les jeunes (Org p1) — A: Coordination, Direction',
    });
    expect(fields).toContainEqual({ partyId: null, field: 'budgetLine', item: 'l1', before: 'Salles · Org p2 · 1500.00', after: 'Salles · Org p2 · 1750.00' });
  });

  it('a change it has no words for still shows, as the section’s content', () => {
    const line = (nature: 'cash' | 'inKind') => ({ lines: [{ id: 'l1', label: 'Salles', partyId: 'p2', amountCents: 100, nature }] });
    const cmp = compareContents(content({ budget: { budget: line('cash') } }), content({ budget: { budget: line('inKind') } }), partnershipTemplate);
    const budget = cmp.sections.find((s) => s.key === 'budget');
    expect(budget?.changed).toBe(true);
    expect(budget?.fields.map((f) => f.field)).toEqual(['content']);
  });
});
