import { describe, expect, it } from 'vitest';
import { NEEDS_LABELS, NEEDS_QUESTIONS, questionsInforming, workshopsFor } from '../../shared/needs';
import { isWritableRoot } from '../../shared/schema';
import { findTemplate, TEMPLATES } from '../../shared/templates';

describe('the needs questionnaire (000, step 2)', () => {
  it('asks 000’s nine questions, in French and English as they are written', () => {
    expect(NEEDS_QUESTIONS).toEqual(['objectives', 'timelines', 'people', 'workshops', 'geography', 'resources', 'scheduling', 'costs', 'evaluation']);
    for (const q of NEEDS_QUESTIONS) {
      expect(NEEDS_LABELS[q].en.trim()).not.toBe('');
      expect(NEEDS_LABELS[q].fr).not.toContain("'");
      expect(NEEDS_LABELS[q].fr).not.toMatch(/[^\u00a0][:;?!]/);
    }
    expect(NEEDS_LABELS.workshops.fr).toContain('20 participants');
  });

  it('counts the workshops at 20 participants each from the number of people', () => {
    expect(workshopsFor('250 employés en Ontario')).toBe(13);
    expect(workshopsFor('1\u00a0200')).toBe(60);
    expect(workshopsFor('20')).toBe(1);
    expect(workshopsFor('environ 100')).toBeNull();
    expect(workshopsFor('0')).toBeNull();
  });

  it('appears where the template says, beside the sections its answers inform', () => {
    const mou = findTemplate('mou')!;
    expect(questionsInforming(mou, 'responsibilities')).toEqual(['people', 'workshops', 'geography', 'resources', 'scheduling', 'costs']);
    expect(questionsInforming(mou, 'duration')).toEqual(['timelines', 'evaluation']);
    expect(questionsInforming(findTemplate('partnership')!, 'budget')).toEqual(['resources', 'costs']);
    expect(findTemplate('government-mou')?.needs).toBeUndefined();
    // Every section a template names exists in it.
    for (const t of TEMPLATES) for (const keys of Object.values(t.needs ?? {})) for (const k of keys) expect(t.sections.map((s) => s.key)).toContain(k);
  });

  it('lets clients write a listed party’s answers, only in templates that have the questionnaire', () => {
    const parties = new Set(['p1']);
    expect(isWritableRoot('needs:p1', findTemplate('mou')!, parties)).toBe(true);
    expect(isWritableRoot('needs:p2', findTemplate('mou')!, parties)).toBe(false);
    expect(isWritableRoot('needs:p1', findTemplate('government-mou')!, parties)).toBe(false);
  });
});
