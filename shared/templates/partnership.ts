import type { AgreementTemplate } from '../template';

/**
 * Partnership agreement, after "Ressource 6 : Exemple d'accord de
 * partenariat" (partnership guide, seeds/001) with the elements 002 (D4, D5)
 * adds: governance, communication, key performance indicators, follow-up.
 * Guidance is paraphrased; the examples of 001 are the initial clauses.
 */
export const partnershipTemplate: AgreementTemplate = {
  id: 'partnership',
  name: { fr: 'Accord de partenariat', en: 'Partnership agreement' },
  description: {
    fr: 'Pour une collaboration avec financement partagé, des services créés ensemble (p. ex. un programme de formation) ou plusieurs organisations. Document formel qui précise les obligations et les contributions de chacun\u00a0; les guides conseillent de le faire relire par un avocat.',
    en: 'For a collaboration with shared funding, services created together (e.g. a curriculum) or several organisations. A formal document setting out each partner’s obligations and contributions; the guides advise having a lawyer review it.',
  },
  source: 'Ressource 6\u00a0: Exemple d’accord de partenariat\u00a0; 25.2 – Établir des partenariats (D4, D5)',
  minParties: 2,
  legalReviewAdvised: true,
  // 000's questions, beside the sections they inform.
  needs: {
    objectives: ['results'],
    timelines: ['results', 'workPlan'],
    people: ['results'],
    workshops: ['workPlan'],
    geography: ['roles'],
    resources: ['resources', 'financial', 'budget'],
    scheduling: ['roles', 'raci'],
    costs: ['financial', 'budget'],
    evaluation: ['evaluation', 'evaluationPlan'],
  },
  duration: { termYears: 2, renewalReviewMonths: 6, terminationNoticeDays: 90 },
  sections: [
    {
      key: 'parties',
      kind: 'parties',
      title: { fr: 'Accord de partenariat entre les organisations', en: 'Partnership agreement between the organisations' },
      guidance: {
        fr: 'Le nom juridique et l’adresse de chaque organisation partenaire.',
        en: 'The legal name and address of each partner organisation.',
      },
    },
    {
      key: 'results',
      kind: 'richtext',
      title: { fr: 'Résultats, buts et objectifs', en: 'Results, goals and objectives' },
      guidance: {
        fr: 'Dites en termes généraux ce que les partenaires veulent accomplir ensemble. Le plan de travail détaillé peut aller en annexe.',
        en: 'Say in general terms what the partners want to achieve together. The detailed work plan can go in an annex.',
      },
      placeholder: { fr: 'Ensemble, les partenaires visent à…', en: 'Together, the partners aim to…' },
    },
    {
      key: 'values',
      kind: 'richtext',
      title: { fr: 'Valeurs du partenariat', en: 'Partnership values' },
      guidance: {
        fr: 'Les valeurs ou principes qui guident les relations entre partenaires et leur travail commun.',
        en: 'The values or principles that guide the partners’ relationships and their work together.',
      },
    },
    {
      key: 'roles',
      kind: 'richtext',
      title: { fr: 'Rôles et responsabilités', en: 'Roles and responsibilities' },
      guidance: {
        fr: 'Qui fait quoi, qui répond de quoi, qui relève de qui, et comment le partenariat et ses activités sont gérés\u00a0: le rôle de chaque partenaire, l’organisme responsable et les instances de décision comme les comités (leur mandat peut être annexé).',
        en: 'Who does what, who answers for what, who reports to whom, and how the partnership and its activities are managed: each partner’s role, the lead organisation and decision-making bodies such as committees (their terms of reference may be annexed).',
      },
    },
    {
      key: 'raci',
      kind: 'raci',
      title: { fr: 'Rôles et responsabilités — matrice RACI', en: 'Roles and responsibilities — RACI matrix' },
      guidance: {
        fr: 'Inscrivez les tâches dans l’ordre où elles se font, l’organisation qui dirige chacune (une seule), et les rôles en haut. Dans chaque case\u00a0: R (responsable, exécute le travail), A (assume la responsabilité, avec le pouvoir de décision), C (consulté) ou I (informé). Chaque tâche a au moins un R et un seul A\u00a0; réglez les conflits où il y en aurait plus d’un. Discutez et adoptez la matrice avec les personnes visées avant de commencer.',
        en: 'List the tasks in the order they are done, the organisation leading each (only one), and the roles across the top. In each cell: R (responsible, does the work), A (accountable, with the power to decide), C (consulted) or I (informed). Each task has at least one R and exactly one A; resolve conflicts where there would be more than one. Discuss and adopt the matrix with the people named before starting.',
      },
    },
    {
      key: 'resources',
      kind: 'richtext',
      title: { fr: 'Engagements de ressources', en: 'Resource commitments' },
      guidance: {
        fr: 'Le personnel, les locaux et les contributions en nature que chaque partenaire engage.',
        en: 'The staff, premises and in-kind contributions each partner commits.',
      },
    },
    {
      key: 'financial',
      kind: 'richtext',
      title: { fr: 'Engagements financiers', en: 'Financial commitments' },
      guidance: {
        fr: 'La contribution financière de chaque partenaire et toute autre disposition financière. Le budget peut être joint en annexe.',
        en: 'Each partner’s financial contribution and any other financial arrangement. The budget may be attached as an annex.',
      },
    },
    {
      key: 'liability',
      kind: 'richtext',
      title: { fr: 'Responsabilité et assurance', en: 'Liability and insurance' },
      guidance: {
        fr: 'Qui assume la responsabilité civile et l’assurance pour les clients ou participants et pour le personnel.',
        en: 'Who carries liability and insurance for clients or participants and for staff.',
      },
    },
    {
      key: 'evaluation',
      kind: 'richtext',
      title: { fr: 'Évaluation', en: 'Evaluation' },
      guidance: {
        fr: 'Comment le partenariat évaluera les résultats obtenus. Le plan d’évaluation peut être joint en annexe.',
        en: 'How the partnership will evaluate the results it achieves. The evaluation plan may be attached as an annex.',
      },
    },
    {
      key: 'decisions',
      kind: 'richtext',
      title: { fr: 'Prise de décision', en: 'Decision-making' },
      guidance: {
        fr: 'Un processus acceptable pour tous pour prendre les décisions importantes. L’exemple du guide est proposé\u00a0: adaptez-le.',
        en: 'A process acceptable to all for making important decisions. The guide’s example is offered: adapt it.',
      },
      initial: {
        fr: [
          'Le comité directeur cherche à décider par consensus. Si le consensus est impossible, la présidence peut soumettre la question au vote\u00a0: chaque partenaire dispose d’une voix et la majorité simple l’emporte.',
        ],
        en: [
          'The steering committee seeks to decide by consensus. Where consensus cannot be reached, the chair may put the question to a vote: each partner has one vote and a simple majority decides.',
        ],
      },
    },
    {
      key: 'conflicts',
      kind: 'richtext',
      title: { fr: 'Résolution des conflits', en: 'Conflict resolution' },
      guidance: {
        fr: 'Un processus convenu ensemble pour régler les différends et les plaintes. L’exemple du guide est proposé\u00a0: adaptez-le.',
        en: 'A process agreed together for settling disputes and complaints. The guide’s example is offered: adapt it.',
      },
      initial: {
        fr: [
          'En cas de différend, les partenaires s’engagent à en parler rapidement, ouvertement et honnêtement, à chercher une solution au niveau où le problème se pose et, au besoin, à faire appel à un médiateur indépendant pour examiner la situation ou le partenariat.',
        ],
        en: [
          'In a dispute, the partners undertake to raise it promptly, openly and honestly, to seek a solution at the level where the problem arises and, if needed, to call on an independent mediator to look at the situation or the partnership.',
        ],
      },
    },
    {
      key: 'termination',
      kind: 'richtext',
      title: { fr: 'Fin de la participation d’un partenaire', en: 'Ending a partner’s participation' },
      guidance: {
        fr: 'Comment un partenaire se retire ou comment le partenariat prend fin. Le guide propose un préavis écrit de trois mois au comité directeur, le temps d’honorer les engagements et d’informer les personnes concernées.',
        en: 'How a partner withdraws or how the partnership ends. The guide suggests three months’ written notice to the steering committee, time to honour commitments and inform those concerned.',
      },
      initial: {
        fr: [
          'Un partenaire qui veut se retirer en avise le comité directeur par écrit au moins trois mois à l’avance et remplit d’ici là ses engagements de service et de compte rendu. Un engagement non respecté est soumis au comité directeur pour discussion et, au besoin, résolution du conflit.',
          'Si les partenaires constatent que leur collaboration n’est plus viable, ils peuvent y mettre fin honorablement, après examen de la situation et des solutions de rechange par le comité directeur. Toutes les parties prenantes en sont avisées par écrit.',
        ],
        en: [
          'A partner wishing to withdraw gives the steering committee at least three months’ written notice and meanwhile fulfils its service and reporting commitments. A commitment not kept goes to the steering committee for discussion and, if needed, conflict resolution.',
          'If the partners find their collaboration is no longer viable, they may end it honourably, after the steering committee has looked at the situation and the alternatives. All stakeholders are told in writing.',
        ],
      },
    },
    {
      key: 'governance',
      kind: 'richtext',
      title: { fr: 'Structure de gouvernance', en: 'Governance structure' },
      guidance: {
        fr: 'Les instances qui pilotent le partenariat (comité directeur, comités de travail), leur composition et leur mandat.',
        en: 'The bodies that steer the partnership (steering committee, working groups), who sits on them and their mandate.',
      },
    },
    {
      key: 'communication',
      kind: 'richtext',
      title: { fr: 'Moyens de communication', en: 'Communication' },
      guidance: {
        fr: 'Comment les partenaires communiquent entre eux et avec l’extérieur, et à quelle fréquence ils se réunissent pour planifier (p. ex. chaque semaine, toutes les deux semaines, chaque mois).',
        en: 'How the partners communicate with each other and with others, and how often they meet to plan (e.g. weekly, every two weeks, monthly).',
      },
    },
    {
      key: 'kpis',
      kind: 'richtext',
      title: { fr: 'Indicateurs de rendement clés', en: 'Key performance indicators' },
      guidance: {
        fr: 'Les indicateurs qui montreront que le partenariat atteint ses objectifs.',
        en: 'The indicators that will show the partnership is meeting its objectives.',
      },
    },
    {
      key: 'followup',
      kind: 'richtext',
      title: { fr: 'Mécanisme de suivi', en: 'Follow-up mechanism' },
      guidance: {
        fr: 'Des suivis réguliers pour mesurer les progrès et les difficultés\u00a0; le guide conseille de revoir le partenariat au moins deux fois par année.',
        en: 'Regular follow-ups to measure progress and challenges; the guide advises reviewing the partnership at least twice a year.',
      },
    },
    {
      key: 'signatories',
      kind: 'signatories',
      title: { fr: 'Signatures', en: 'Signatures' },
      guidance: {
        fr: '«\u00a0En foi de quoi, les parties ont signé le présent accord\u00a0»\u00a0: pour chaque organisation partenaire, son nom juridique et ses signataires autorisés (nom et titre).',
        en: '“In witness whereof, the parties have signed this agreement”: for each partner organisation, its legal name and its authorised signatories (name and title).',
      },
    },
    {
      key: 'workPlan',
      kind: 'richtext',
      optional: { included: true },
      title: { fr: 'Annexe — Plan de travail', en: 'Annex — Work plan' },
      guidance: {
        fr: 'Les activités, les échéances et les responsables qui traduisent les objectifs en travail concret.',
        en: 'The activities, deadlines and owners that turn the objectives into concrete work.',
      },
    },
    {
      key: 'budget',
      kind: 'budget',
      optional: { included: true },
      title: { fr: 'Annexe — Budget', en: 'Annex — Budget' },
      guidance: {
        fr: 'Chaque poste du budget, la partie qui le fournit, le montant, et s’il s’agit d’argent ou d’une contribution en nature.',
        en: 'Each budget line, the party providing it, the amount, and whether it is cash or in kind.',
      },
    },
    {
      key: 'evaluationPlan',
      kind: 'richtext',
      optional: { included: false },
      title: { fr: 'Annexe — Plan d’évaluation', en: 'Annex — Evaluation plan' },
      guidance: {
        fr: 'Ce qui sera mesuré, comment, quand et par qui.',
        en: 'What will be measured, how, when and by whom.',
      },
    },
  ],
};
