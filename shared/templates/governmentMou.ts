import type { AgreementTemplate } from '../template';

/**
 * Service partnership MOU between governments, after the "Protocole
 * d'entente, modèle d'entente de service" of the service partnership guide
 * (seeds/004): date and place, the parties "hereinafter the parties",
 * background clauses A–E, definitions, the services in Annex A. The other
 * clauses follow the areas the guide asks partners to settle (premises,
 * communications, equipment, finances, information and privacy, operations,
 * security, performance), and the guidance follows its seven steps.
 */
export const governmentMouTemplate: AgreementTemplate = {
  id: 'government-mou',
  name: { fr: 'Protocole d’entente de service entre gouvernements', en: 'Government service MOU' },
  description: {
    fr: 'Pour un partenariat de prestation de services entre ordres de gouvernement (services externes, regroupement, services mobiles ou virtuels). Les services sont décrits à l’annexe A.',
    en: 'For a service delivery partnership between orders of government (outreach, co-location, mobile or virtual services). The services are described in Annex A.',
  },
  source: 'Guide sur les partenariats de service\u00a0: protocole d’entente, modèle d’entente de service',
  minParties: 2,
  duration: { termYears: 2, renewalReviewMonths: 6, terminationNoticeDays: 90 },
  sections: [
    {
      key: 'datePlace',
      kind: 'richtext',
      title: { fr: 'Date et lieu', en: 'Date and place' },
      guidance: {
        fr: 'Le jour, le mois et l’année où le protocole est établi, et le lieu.',
        en: 'The day, month and year on which the MOU is made, and the place.',
      },
      initial: {
        fr: ['Le présent protocole d’entente est établi le ____ 20__, à ____.'],
        en: ['This memorandum of understanding is made on ____ 20__, at ____.'],
      },
    },
    {
      key: 'parties',
      kind: 'parties',
      title: { fr: 'Entente conclue entre', en: 'Agreement between' },
      guidance: {
        fr: 'Chaque organisme gouvernemental partie à l’entente, par son nom officiel\u00a0; ensemble, ils sont ci-après appelés «\u00a0les parties\u00a0».',
        en: 'Each government organisation party to the agreement, by its official name; together they are hereinafter called “the parties”.',
      },
      closing: { fr: 'Ci-après appelés «\u00a0les parties\u00a0».', en: 'Hereinafter called “the parties”.' },
    },
    {
      key: 'background',
      kind: 'richtext',
      title: { fr: 'Contexte', en: 'Background' },
      guidance: {
        fr: 'Les clauses A à D sont celles du modèle. En E, ajoutez d’autres faits seulement s’ils établissent ou précisent un élément juridique dont dépend le protocole\u00a0: les parties connaissent déjà le reste. Étapes 1 à 3 du guide\u00a0: énoncez les priorités, les objectifs et les résultats attendus, et la valeur du partenariat pour les clients, les partenaires et les employés.',
        en: 'Clauses A to D are the model’s. In E, add other facts only if they establish or clarify a legal point the MOU depends on: the parties already know the rest. Steps 1 to 3 of the guide: state the priorities, objectives and expected results, and the partnership’s value for clients, partners and employees.',
      },
      initial: {
        fr: [
          'A. Le présent protocole d’entente énonce les rôles et les responsabilités des parties dans la prestation des services qui y sont décrits.',
          'B. Les parties veulent que le présent protocole d’entente décrive la prestation des services, le niveau de service à fournir et les mécanismes nécessaires pour gérer les questions qu’il régit.',
          'C. Le présent protocole d’entente annule et remplace toute entente antérieure conclue entre les parties.',
          'D. Si certains des services décrits ont été offerts avant la date du présent protocole d’entente, les parties conviennent qu’il s’applique à ces services, qu’ils aient été offerts avant ou après cette date.',
          'E. ____',
          'EN CONSÉQUENCE, les parties conviennent de ce qui suit\u00a0:',
        ],
        en: [
          'A. This memorandum of understanding sets out the roles and responsibilities of the parties in delivering the services it describes.',
          'B. The parties intend this memorandum of understanding to describe the delivery of the services, the level of service to be provided and all mechanisms needed to manage the matters it governs.',
          'C. This memorandum of understanding replaces all earlier agreements between the parties.',
          'D. Where some of the services described were offered before the date of this memorandum of understanding, the parties intend it to apply to those services, whether offered before or after that date.',
          'E. ____',
          'NOW THEREFORE the parties agree as follows:',
        ],
      },
    },
    {
      key: 'definitions',
      kind: 'richtext',
      title: { fr: 'Définitions', en: 'Definitions' },
      guidance: {
        fr: 'Les termes employés dans le protocole. Le modèle définit «\u00a0services\u00a0» par renvoi à l’annexe A\u00a0; ajoutez les autres termes au besoin.',
        en: 'The terms the MOU uses. The model defines “services” by reference to Annex A; add other terms as needed.',
      },
      initial: {
        fr: [
          '1.1 Dans le présent protocole d’entente, à moins que le contexte ne s’y oppose, le terme «\u00a0services\u00a0» désigne les services décrits à l’annexe A.',
        ],
        en: ['1.1 In this memorandum of understanding, unless the context requires otherwise, “services” means the services described in Annex A.'],
      },
    },
    {
      key: 'responsibilities',
      kind: 'responsibilities',
      title: { fr: 'Rôles et responsabilités', en: 'Roles and responsibilities' },
      guidance: {
        fr: 'Pour chaque partie, ce qu’elle fournit et ce dont elle répond. Étape 4 du guide\u00a0: concevez le partenariat du point de vue de votre partenaire et créez une vision opérationnelle commune. Donnez les points de contact par titre de poste.',
        en: 'For each party, what it provides and what it answers for. Step 4 of the guide: design the partnership from your partner’s point of view and build a shared operational vision. Give contact points by job title.',
      },
    },
    {
      key: 'governance',
      kind: 'richtext',
      title: { fr: 'Gouvernance', en: 'Governance' },
      guidance: {
        fr: 'Le cadre global fixé par la direction, qui examine ensemble les détails des opérations, et la responsabilité de chaque ordre de gouvernement à l’égard du plan signé. Prévoyez des réunions régulières en personne.',
        en: 'The overall framework set by leadership, who reviews the details of operations together, and each order of government’s accountability for the signed plan. Plan regular in-person meetings.',
      },
    },
    {
      key: 'finances',
      kind: 'richtext',
      title: { fr: 'Finances et partage des coûts', en: 'Finances and cost sharing' },
      guidance: {
        fr: 'Le modèle de partage des coûts\u00a0: locaux, équipement, technologie et fournitures, déplacements. Étape 5 du guide\u00a0: établissez les échéanciers, les ressources et l’infrastructure.',
        en: 'The cost-sharing model: premises, equipment, technology and supplies, travel. Step 5 of the guide: set the timelines, resources and infrastructure.',
      },
    },
    {
      key: 'information',
      kind: 'richtext',
      title: { fr: 'Gestion de l’information et protection de la vie privée', en: 'Information management and privacy' },
      guidance: {
        fr: 'Comment les renseignements personnels des clients sont recueillis, échangés, protégés et rendus accessibles, selon les règles de chaque partie.',
        en: 'How clients’ personal information is collected, shared, protected and made accessible, under each party’s rules.',
      },
    },
    {
      key: 'operations',
      kind: 'richtext',
      title: { fr: 'Opérations et sécurité', en: 'Operations and security' },
      guidance: {
        fr: 'Étape 6 du guide\u00a0: normes de service, heures d’ouverture, langues officielles, stationnement, communications internes et externes, et sécurité du personnel, des sites et des biens.',
        en: 'Step 6 of the guide: service standards, opening hours, official languages, parking, internal and external communications, and the security of staff, sites and property.',
      },
    },
    {
      key: 'performance',
      kind: 'richtext',
      title: { fr: 'Mesure du rendement et évaluation', en: 'Performance measurement and evaluation' },
      guidance: {
        fr: 'Étape 7 du guide\u00a0: mesurez le rendement, faites rapport à l’interne et à l’externe, vérifiez la viabilité du partenariat et mettez en œuvre un plan d’action fondé sur les résultats.',
        en: 'Step 7 of the guide: measure performance, report internally and externally, check the partnership’s viability and carry out an action plan based on the results.',
      },
    },
    {
      key: 'duration',
      kind: 'duration',
      title: { fr: 'Durée, renouvellement et résiliation', en: 'Term, renewal and termination' },
      guidance: {
        fr: 'La durée du protocole à compter de la dernière signature, le moment où les parties se rencontrent pour décider du renouvellement, et le préavis écrit de résiliation.',
        en: 'How long the MOU is in force from the last signature, when the parties meet to decide on renewal, and the written notice of termination.',
      },
    },
    {
      key: 'signatories',
      kind: 'signatories',
      title: { fr: 'Signatures', en: 'Signatures' },
      guidance: {
        fr: 'Pour chaque partie, le ou les signataires autorisés (nom et titre)\u00a0; chaque partie conserve un exemplaire signé.',
        en: 'For each party, its authorised signatory or signatories (name and title); each party keeps a signed copy.',
      },
    },
    {
      key: 'annexA',
      kind: 'richtext',
      title: { fr: 'Annexe A — Services', en: 'Annex A — Services' },
      guidance: {
        fr: 'Les services visés\u00a0: ce qui est offert, où, quand, par qui et à quel niveau de service (p. ex. services externes ciblés, services mobiles réguliers, comptoir partagé).',
        en: 'The services covered: what is offered, where, when, by whom and at what level of service (e.g. targeted outreach, regular mobile services, a shared counter).',
      },
    },
  ],
};
