import { describe, expect, it } from 'vitest';
import { matchHeading, normalizeHeading } from '../../../server/import/headings';
import { findTemplate } from '../../../shared/templates';

describe('matching a Word heading to a section', () => {
  it('ignores case, accents, apostrophes, numbering and punctuation', () => {
    expect(normalizeHeading('  3.2) Durée de l’Entente : ')).toBe('duree de l entente');
    expect(normalizeHeading('Article 4 – Résolution des conflits')).toBe('resolution des conflits');
    expect(normalizeHeading('IV. Gouvernance')).toBe('gouvernance');
  });

  it.each([
    ['mou', 'BUT', 'purpose'],
    ['mou', 'Objet de l’entente', 'purpose'],
    ['mou', 'Background', 'context'],
    ['mou', 'Responsabilités et points de contact', 'responsibilities'],
    ['mou', 'Term and termination', 'duration'],
    ['mou', 'En foi de quoi', 'signatories'],
    ['partnership', 'Engagements financiers', 'financial'],
    ['partnership', 'Dispute resolution', 'conflicts'],
    ['partnership', 'Annexe — Budget', 'budget'],
    ['partnership', 'Plan de travail', 'workPlan'],
    ['government-mou', 'Annexe A — Services', 'annexA'],
    ['government-mou', '1. Définitions', 'definitions'],
  ])('%s: “%s” is %s', (templateId, heading, key) => {
    expect(matchHeading(findTemplate(templateId)!, heading)?.key).toBe(key);
  });

  it('leaves an unknown heading unmatched', () => {
    expect(matchHeading(findTemplate('mou')!, 'Calendrier des ateliers')).toBeUndefined();
    expect(matchHeading(findTemplate('mou')!, '')).toBeUndefined();
  });
});
