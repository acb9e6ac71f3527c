import { describe, expect, it } from 'vitest';
import { recommend, recommendIfAnswered, type AdvisorAnswers } from '../../shared/advisor';

const combinations: AdvisorAnswers[] = [false, true].flatMap((sharedFunding) =>
  (['few', 'many'] as const).flatMap((organisations) =>
    (['established', 'cocreated'] as const).map((services) => ({ sharedFunding, organisations, services })),
  ),
);

describe('the advisor (001: MOU or partnership agreement)', () => {
  it('covers the eight combinations of answers', () => {
    expect(combinations).toHaveLength(8);
  });

  it.each(combinations)('%o', (answers) => {
    const { templateId, reasons } = recommend(answers);
    const mouFits = !answers.sharedFunding && answers.organisations === 'few' && answers.services === 'established';
    expect(templateId).toBe(mouFits ? 'mou' : 'partnership');
    if (mouFits) {
      expect(reasons).toEqual(['noSharedFunding', 'fewOrganisations', 'establishedServices']);
    } else {
      // Each reason given is an answer that calls for a partnership agreement, and each such answer is given.
      const expected = [
        ...(answers.sharedFunding ? ['sharedFunding'] : []),
        ...(answers.services === 'cocreated' ? ['cocreatedServices'] : []),
        ...(answers.organisations === 'many' ? ['manyOrganisations'] : []),
        'lawyerReview',
      ];
      expect(reasons).toEqual(expected);
    }
  });

  it('recommends nothing until every question is answered', () => {
    expect(recommendIfAnswered({})).toBeNull();
    expect(recommendIfAnswered({ sharedFunding: false, organisations: 'few' })).toBeNull();
    expect(recommendIfAnswered({ sharedFunding: false, organisations: 'few', services: 'established' })?.templateId).toBe('mou');
  });
});
