import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { activeSections, getIncluded } from '../../shared/included';
import { readiness } from '../../shared/readiness';
import { readAgreement } from '../../shared/render';
import { initAgreementDoc, isWritableRoot } from '../../shared/schema';
import { sectionContent } from '../../shared/sections';
import { LANGUAGES, SECTION_KINDS, type AgreementTemplate, type Lang } from '../../shared/template';
import { TEMPLATES, findTemplate } from '../../shared/templates';
import { fillTemplate } from './fillTemplate';

function created(template: AgreementTemplate, language: Lang = 'fr'): Y.Doc {
  const doc = new Y.Doc();
  const parties = Array.from({ length: template.minParties }, (_, i) => ({ id: `p${i}`, legalName: '', address: '', mission: '' }));
  initAgreementDoc(doc, { title: 'Test', language, template, parties });
  return doc;
}

const allChecks = (doc: Y.Doc, template: AgreementTemplate, legalReview: { reviewer: string } | null = null) => {
  const content = readAgreement(doc, template);
  const ids = content.parties.map((p) => p.id);
  const approvals = new Set(activeSections(template, content).flatMap((s) => ids.map((id) => `${s.key}:${id}`)));
  return readiness({
    content,
    template,
    openSharedThreads: [],
    approvals,
    signerParties: new Set(ids),
    participantParties: new Set(ids),
    legalReview,
  });
};

describe('the templates', () => {
  it('offers the MOU, the partnership agreement and the government service MOU', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['mou', 'partnership', 'government-mou']);
    for (const t of TEMPLATES) expect(findTemplate(t.id)).toBe(t);
  });

  it('gives every template and section its words in French and English, and unique keys of known kinds', () => {
    for (const t of TEMPLATES) {
      for (const lang of LANGUAGES) {
        expect(t.name[lang].trim(), `${t.id} name ${lang}`).not.toBe('');
        expect(t.description[lang].trim()).not.toBe('');
        for (const s of t.sections) {
          expect(s.title[lang].trim(), `${t.id}.${s.key} ${lang}`).not.toBe('');
          expect(s.guidance[lang].trim(), `${t.id}.${s.key} ${lang}`).not.toBe('');
          if (s.initial) expect(s.initial[lang].length, `${t.id}.${s.key} ${lang}`).toBe(s.initial[lang === 'fr' ? 'en' : 'fr'].length);
        }
      }
      expect(new Set(t.sections.map((s) => s.key)).size).toBe(t.sections.length);
      for (const s of t.sections) expect(SECTION_KINDS).toContain(s.kind);
    }
  });

  it('writes the standard clauses’ French as French is written (typographic apostrophes, no-break space before : ; ? !)', () => {
    for (const t of TEMPLATES) {
      for (const text of t.sections.flatMap((s) => [...(s.initial?.fr ?? []), s.closing?.fr ?? '', t.source])) {
        expect(text).not.toContain("'");
        expect(text).not.toMatch(/[^\u00a0][:;?!]/);
        expect(text).not.toMatch(/«[^\u00a0]|[^\u00a0]»/);
      }
    }
  });

  it('has the partnership agreement’s sections of Ressource 6 and 002 D4, in order, with its three annexes', () => {
    const t = findTemplate('partnership');
    expect(t?.sections.map((s) => s.key)).toEqual([
      'parties',
      'results',
      'values',
      'roles',
      'raci',
      'resources',
      'financial',
      'liability',
      'evaluation',
      'decisions',
      'conflicts',
      'termination',
      'governance',
      'communication',
      'kpis',
      'followup',
      'signatories',
      'workPlan',
      'budget',
      'evaluationPlan',
    ]);
    expect(t?.sections.filter((s) => s.optional).map((s) => s.key)).toEqual(['workPlan', 'budget', 'evaluationPlan']);
    expect(t?.legalReviewAdvised).toBe(true);
  });

  it('writes the guide’s example clauses into a new agreement, in its language', () => {
    const partnership = findTemplate('partnership')!;
    const fr = readAgreement(created(partnership, 'fr'), partnership);
    expect(fr.sections['decisions']).toContain('consensus');
    expect(fr.sections['decisions']).toContain('majorité simple');
    expect(fr.sections['conflicts']).toContain('médiateur indépendant');
    expect(fr.sections['termination']).toContain('trois mois');
    const en = readAgreement(created(partnership, 'en'), partnership);
    expect(en.sections['decisions']).toContain('simple majority');
    const gov = findTemplate('government-mou')!;
    const background = readAgreement(created(gov, 'fr'), gov).sections['background']?.split('\n') ?? [];
    expect(background.map((line) => line.slice(0, 2))).toEqual(['A.', 'B.', 'C.', 'D.', 'E.', 'EN']);
    expect(readAgreement(created(gov, 'en'), gov).sections['definitions']).toContain('Annex A');
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: a new agreement filled in passes every content check', (_id, template) => {
    const doc = created(template);
    const before = allChecks(doc, template);
    expect(before.find((c) => c.key === 'sectionsFilled')?.ok).toBe(false);
    fillTemplate(doc, template);
    const after = allChecks(doc, template, { reviewer: 'Me Tremblay' });
    expect(after.filter((c) => !c.ok)).toEqual([]);
  });

  it('asks for the lawyer’s review only where the guides advise it', () => {
    const partnership = findTemplate('partnership')!;
    const doc = created(partnership);
    fillTemplate(doc, partnership);
    expect(allChecks(doc, partnership).find((c) => c.key === 'legalReview')).toEqual({ key: 'legalReview', ok: false, missing: ['legalReview'] });
    expect(allChecks(doc, partnership, { reviewer: 'Me Tremblay' }).find((c) => c.key === 'legalReview')?.ok).toBe(true);
    const mou = findTemplate('mou')!;
    expect(allChecks(created(mou), mou).some((c) => c.key === 'legalReview')).toBe(false);
  });

  it('leaves an annex out of the checks and approvals once removed, and brings it back when added', () => {
    const t = findTemplate('partnership')!;
    const doc = created(t);
    expect(readAgreement(doc, t).included).toEqual({ workPlan: true, budget: true, evaluationPlan: false });
    fillTemplate(doc, t);
    doc.getXmlFragment('section:workPlan').delete(0, 1);
    getIncluded(doc).set('raci', true);
    const content = () => readAgreement(doc, t);
    const filled = () => allChecks(doc, t, { reviewer: 'x' }).find((c) => c.key === 'sectionsFilled');
    expect(filled()?.missing).toEqual(['workPlan']);
    const approvedBefore = sectionContent(
      content(),
      t.sections.find((s) => s.key === 'workPlan')!,
    );
    getIncluded(doc).set('workPlan', false);
    expect(filled()?.ok).toBe(true);
    expect(activeSections(t, content()).map((s) => s.key)).not.toContain('workPlan');
    // Removing it changes what an approval of it covered.
    expect(
      sectionContent(
        content(),
        t.sections.find((s) => s.key === 'workPlan')!,
      ),
    ).not.toEqual(approvedBefore);
    getIncluded(doc).set('evaluationPlan', true);
    expect(activeSections(t, content()).map((s) => s.key)).toContain('evaluationPlan');
  });

  it('offers the MOU an optional RACI matrix, left out at first, and lets clients write the annex choices', () => {
    const mou = findTemplate('mou')!;
    const content = readAgreement(created(mou), mou);
    expect(content.included).toEqual({ raci: false });
    expect(activeSections(mou, content).map((s) => s.key)).not.toContain('raci');
    expect(isWritableRoot('included', mou, new Set())).toBe(true);
    // The government MOU has neither annex nor table: its content has no such keys.
    const gov = findTemplate('government-mou')!;
    expect(Object.keys(readAgreement(created(gov), gov)).sort()).toEqual(['duration', 'language', 'parties', 'sections', 'templateId', 'title']);
  });
});
