import type * as Y from 'yjs';
import type { AgreementTemplate, Localized } from './template';

/**
 * The needs questionnaire, before drafting (000, step 2: "each party
 * determines its needs"): each party answers, everyone reads the answers,
 * and they are shown beside the sections they inform. The template decides
 * whether it appears and which sections each answer informs (`needs`).
 * Answers live in one Y.Map per party, `needs:<partyId>` (question → text);
 * they help draft the agreement and are not part of it (not signed, not in
 * the exports).
 */
export const NEEDS_QUESTIONS = ['objectives', 'timelines', 'people', 'workshops', 'geography', 'resources', 'scheduling', 'costs', 'evaluation'] as const;
export type NeedsQuestion = (typeof NEEDS_QUESTIONS)[number];

/** Paraphrased from 000, step 2. */
export const NEEDS_LABELS: Record<NeedsQuestion, Localized> = {
  objectives: {
    fr: 'Quels sont les objectifs généraux du partenariat, et quelles activités ou quels ateliers sont visés\u00a0?',
    en: 'What are the partnership’s overall objectives, and which activities or workshops are meant?',
  },
  timelines: { fr: 'Quels sont les échéanciers\u00a0?', en: 'What are the timelines?' },
  people: { fr: 'Combien de personnes l’entente touchera-t-elle\u00a0?', en: 'How many people will the agreement cover?' },
  workshops: {
    fr: 'Combien d’ateliers faudra-t-il pour atteindre les objectifs, à raison d’environ 20 participants par atelier\u00a0?',
    en: 'How many workshops will the objectives take, at about 20 participants per workshop?',
  },
  geography: {
    fr: 'Comment les personnes visées se répartissent-elles sur le territoire (province, lieu de travail)\u00a0?',
    en: 'Where are the people covered, by province and by workplace?',
  },
  resources: {
    fr: 'Quelles ressources, financières et humaines, votre organisation est-elle prête à fournir\u00a0?',
    en: 'What resources, financial and human, is your organisation ready to provide?',
  },
  scheduling: {
    fr: 'Qui organisera les activités et en établira le calendrier, et quelles contraintes s’y appliquent (quarts de travail, périodes de pointe)\u00a0?',
    en: 'Who will organise the activities and set their schedule, and what constraints apply (shifts, peak periods)?',
  },
  costs: {
    fr: 'Quelles dépenses votre organisation assumera-t-elle (accueil, location de salles, déplacements)\u00a0?',
    en: 'What costs will your organisation bear (hospitality, room rental, travel)?',
  },
  evaluation: {
    fr: 'Comment évaluera-t-on les résultats, et avec quels outils\u00a0?',
    en: 'How will the results be evaluated, and with which tools?',
  },
};

/** Participants per workshop in 000's guidance. */
export const PARTICIPANTS_PER_WORKSHOP = 20;

/** The workshops a number of people needs, at 20 each; null when the answer does not start with a number. */
export function workshopsFor(peopleAnswer: string): number | null {
  const match = /^\s*(\d[\d\s\u00a0\u202f]*)/.exec(peopleAnswer);
  if (!match?.[1]) return null;
  const people = Number(match[1].replace(/\D/g, ''));
  return people > 0 ? Math.ceil(people / PARTICIPANTS_PER_WORKSHOP) : null;
}

export const NEEDS_PREFIX = 'needs:';
export const needsName = (partyId: string): string => `${NEEDS_PREFIX}${partyId}`;
export const needsMap = (doc: Y.Doc, partyId: string): Y.Map<unknown> => doc.getMap(needsName(partyId));

/** The questions whose answers inform a section, in questionnaire order. */
export function questionsInforming(template: AgreementTemplate, sectionKey: string): NeedsQuestion[] {
  return NEEDS_QUESTIONS.filter((q) => template.needs?.[q]?.includes(sectionKey));
}
