/**
 * Which agreement? The questions of the partnership guide (001, "Créer et
 * signer un protocole d'entente ou un accord de partenariat"): an MOU fits
 * when there is no shared funding, only two or three organisations, and
 * services that are clear and established; a partnership agreement fits
 * when funding is shared, services are created together, or several
 * organisations take part. The advice is a recommendation: the user still
 * picks the template.
 */
export interface AdvisorAnswers {
  sharedFunding: boolean;
  /** 'few': two or three organisations; 'many': more. */
  organisations: 'few' | 'many';
  /** 'established': services already clear and established; 'cocreated': created together (e.g. a curriculum). */
  services: 'established' | 'cocreated';
}

export type AdvisorReason =
  'noSharedFunding' | 'fewOrganisations' | 'establishedServices' | 'sharedFunding' | 'manyOrganisations' | 'cocreatedServices' | 'lawyerReview';

export interface AdvisorRecommendation {
  templateId: 'mou' | 'partnership';
  /** Why, in the guide's terms, in the order the guide gives them. */
  reasons: AdvisorReason[];
}

export function recommend(a: AdvisorAnswers): AdvisorRecommendation {
  const forPartnership: AdvisorReason[] = [];
  if (a.sharedFunding) forPartnership.push('sharedFunding');
  if (a.services === 'cocreated') forPartnership.push('cocreatedServices');
  if (a.organisations === 'many') forPartnership.push('manyOrganisations');
  // Any one of the guide's partnership conditions is enough: an MOU needs all three of its own.
  if (forPartnership.length > 0) return { templateId: 'partnership', reasons: [...forPartnership, 'lawyerReview'] };
  return { templateId: 'mou', reasons: ['noSharedFunding', 'fewOrganisations', 'establishedServices'] };
}

/** The answers so far; a recommendation once all three are given. */
export type PartialAnswers = Partial<AdvisorAnswers>;

export function recommendIfAnswered(a: PartialAnswers): AdvisorRecommendation | null {
  if (a.sharedFunding === undefined || a.organisations === undefined || a.services === undefined) return null;
  return recommend({ sharedFunding: a.sharedFunding, organisations: a.organisations, services: a.services });
}
