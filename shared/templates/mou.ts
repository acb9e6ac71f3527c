import type { AgreementTemplate } from '../template';

/**
 * Memorandum of understanding, after "Ressource 5: Exemple de protocole
 * d'entente" (partnership guide, seeds/001). Guidance is paraphrased.
 */
export const mouTemplate: AgreementTemplate = {
  id: 'mou',
  name: { fr: 'Protocole d’entente', en: 'Memorandum of understanding' },
  description: {
    fr: 'Pour deux ou trois organisations égales, sans financement partagé, dont les services sont clairs et établis. Engagement de bonne foi, non juridiquement contraignant.',
    en: 'For two or three equal organisations with no shared funding and clear, established services. A good-faith commitment, not a legally binding contract.',
  },
  source: 'Ressource 5\u00a0: Exemple de protocole d’entente',
  minParties: 2,
  duration: { termYears: 1, renewalReviewMonths: 6, terminationNoticeDays: 60 },
  // 000's questions, beside the sections they inform.
  needs: {
    objectives: ['purpose'],
    timelines: ['duration'],
    people: ['purpose', 'responsibilities'],
    workshops: ['responsibilities'],
    geography: ['context', 'responsibilities'],
    resources: ['responsibilities'],
    scheduling: ['responsibilities'],
    costs: ['responsibilities'],
    evaluation: ['duration'],
  },
  sections: [
    {
      key: 'parties',
      kind: 'parties',
      title: { fr: 'Parties', en: 'Parties' },
      guidance: {
        fr: 'Entre\u00a0: le nom juridique de chaque agence et, le cas échéant, du service ou du programme. Ajoutez une partie par organisation signataire.',
        en: 'Between: the legal name of each agency and, where relevant, of the service or programme. Add one party per signing organisation.',
      },
    },
    {
      key: 'purpose',
      kind: 'richtext',
      title: { fr: 'But', en: 'Purpose' },
      guidance: {
        fr: 'Parlez en termes généraux, par exemple\u00a0: collaborer aux services et soutiens d’emploi pour améliorer les résultats des demandeurs d’emploi ayant un handicap.',
        en: 'Speak in general terms, for example: collaborate on employment services and supports to improve outcomes for job seekers with disabilities.',
      },
      placeholder: { fr: 'Le but du partenariat…', en: 'The purpose of the partnership…' },
    },
    {
      key: 'context',
      kind: 'context',
      title: { fr: 'Contexte', en: 'Context' },
      guidance: {
        fr: 'Un paragraphe par partie pour décrire brièvement sa mission, puis un paragraphe qui explique pourquoi les parties s’engagent ensemble.',
        en: 'One paragraph per party briefly describing its mission, then one paragraph explaining why the parties commit to working together.',
      },
      placeholder: { fr: 'Pourquoi les parties s’engagent…', en: 'Why the parties commit…' },
    },
    {
      key: 'responsibilities',
      kind: 'responsibilities',
      title: { fr: 'Responsabilités et points de contact', en: 'Responsibilities and contact points' },
      guidance: {
        fr: 'Pour chaque partie, indiquez en termes généraux les dispositions, le financement, l’équipement, les rapports, etc. fournis par qui, à qui et quand. Soyez clair sans trop de détails, pour que l’entente reste valable quand la réalité change. Donnez les points de contact par titre de poste (p. ex. gestionnaire de programme), pas par nom, pour que l’entente reste à jour quand les gens changent de poste.',
        en: 'For each party, state in general terms the arrangements, funding, equipment, reports, etc. provided by whom, to whom and when. Be clear without too much detail, so the agreement survives real-world change. Give contact points by job title (e.g. programme manager), not by name, so the agreement stays current when people leave.',
      },
      placeholder: { fr: 'Cette partie fournit…', en: 'This party provides…' },
    },
    {
      key: 'raci',
      kind: 'raci',
      optional: { included: false },
      title: { fr: 'Matrice RACI', en: 'RACI matrix' },
      guidance: {
        fr: 'Facultative\u00a0: qui fait quoi, tâche par tâche. Dans chaque case, R (responsable), A (assume la responsabilité), C (consulté) ou I (informé)\u00a0; chaque tâche a au moins un R et un seul A.',
        en: 'Optional: who does what, task by task. In each cell, R (responsible), A (accountable), C (consulted) or I (informed); each task has at least one R and exactly one A.',
      },
    },
    {
      key: 'duration',
      kind: 'duration',
      title: { fr: 'Durée de l’entente', en: 'Duration' },
      guidance: {
        fr: 'L’entente est en vigueur pendant un nombre d’années (généralement un ou deux) à compter de la date de la dernière signature. Environ six mois avant l’expiration, les parties se rencontrent pour décider du renouvellement selon une évaluation des résultats. Chaque partie peut résilier par avis écrit d’au moins 30, 60 ou 90 jours, pour laisser le temps d’informer et de soutenir les clients.',
        en: 'The agreement is in force for a number of years (usually one or two) from the date of the last signature. About six months before expiry the parties meet to decide on renewal based on an evaluation of results. Either party may terminate by written notice of at least 30, 60 or 90 days, leaving time for clients to be informed and supported.',
      },
      placeholder: { fr: 'Précisions sur la durée, le renouvellement ou la résiliation…', en: 'Details on term, renewal or termination…' },
    },
    {
      key: 'signatories',
      kind: 'signatories',
      title: { fr: 'Signataires', en: 'Signatories' },
      guidance: {
        fr: 'Pour chaque partie\u00a0: le nom de l’organisation, le nom et le titre de chaque signataire autorisé. Une partie peut avoir plusieurs signataires (p. ex. deux codirecteurs et un représentant régional).',
        en: 'For each party: the organisation, and the name and title of each authorised signatory. A party may need several signatories (e.g. two co-directors and a regional representative).',
      },
    },
  ],
};
