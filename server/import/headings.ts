import type { AgreementTemplate, SectionKind, SectionTemplate } from '../../shared/template';

/**
 * Finding which section of the template a Word heading is: the section's
 * own titles in both languages, plus the usual other names of such clauses
 * in French and English drafts (by section key, then by kind).
 */
const BY_KEY: Record<string, string[]> = {
  purpose: ['but', 'objet', 'objet de l entente', 'objectif', 'objectifs', 'purpose', 'objective', 'objectives', 'aim'],
  context: ['contexte', 'preambule', 'historique', 'context', 'background', 'preamble', 'recitals'],
  background: ['contexte', 'preambule', 'attendus', 'background', 'recitals', 'whereas'],
  results: ['resultats', 'buts', 'objectifs', 'results', 'goals', 'objectives', 'outcomes'],
  values: ['valeurs', 'principes', 'values', 'principles', 'guiding principles'],
  roles: ['roles', 'roles et responsabilites', 'responsabilites', 'roles and responsibilities', 'responsibilities'],
  resources: ['ressources', 'engagements de ressources', 'contributions en nature', 'resources', 'resource commitments', 'in kind contributions'],
  financial: ['financement', 'engagements financiers', 'dispositions financieres', 'funding', 'financial commitments', 'financial arrangements'],
  liability: ['responsabilite', 'assurance', 'responsabilite et assurance', 'liability', 'insurance', 'liability and insurance', 'indemnification'],
  evaluation: ['evaluation', 'evaluation des resultats', 'evaluation', 'assessment', 'monitoring and evaluation'],
  decisions: ['prise de decision', 'decisions', 'decision making', 'decision-making'],
  conflicts: ['resolution des conflits', 'reglement des differends', 'differends', 'conflict resolution', 'dispute resolution', 'disputes'],
  termination: ['resiliation', 'retrait', 'fin de la participation', 'termination', 'withdrawal'],
  governance: ['gouvernance', 'structure de gouvernance', 'comite directeur', 'governance', 'steering committee'],
  communication: ['communication', 'communications', 'moyens de communication'],
  kpis: ['indicateurs', 'indicateurs de rendement', 'kpi', 'key performance indicators', 'performance indicators'],
  followup: ['suivi', 'mecanisme de suivi', 'follow up', 'follow-up', 'monitoring'],
  datePlace: ['date', 'date et lieu', 'date and place'],
  definitions: ['definitions', 'interpretation'],
  finances: ['finances', 'partage des couts', 'cost sharing', 'financial arrangements'],
  information: ['renseignements personnels', 'protection de la vie privee', 'confidentialite', 'privacy', 'information management', 'confidentiality'],
  operations: ['operations', 'securite', 'normes de service', 'operations', 'security', 'service standards'],
  performance: ['mesure du rendement', 'rendement', 'performance', 'performance measurement', 'reporting'],
  annexA: ['annexe a', 'services', 'annex a', 'schedule a'],
  workPlan: ['plan de travail', 'work plan', 'workplan', 'plan d action', 'action plan'],
  evaluationPlan: ['plan d evaluation', 'evaluation plan'],
};

const BY_KIND: Partial<Record<SectionKind, string[]>> = {
  parties: ['parties', 'entre', 'between', 'les parties', 'the parties'],
  responsibilities: ['responsabilites', 'responsabilites et points de contact', 'points de contact', 'responsibilities', 'contacts', 'contact points'],
  duration: ['duree', 'duree de l entente', 'duree et resiliation', 'renouvellement', 'term', 'duration', 'term and termination', 'renewal'],
  signatories: ['signataires', 'signatures', 'en foi de quoi', 'in witness whereof', 'signatories', 'signed'],
  raci: ['raci', 'matrice raci', 'raci matrix'],
  budget: ['budget', 'annexe budget', 'budget annex'],
};

/** Lower case, no accents, no numbering ("1.", "Article 2 –", "II)"), no punctuation. */
export function normalizeHeading(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/^\s*(article|section|clause|partie|part)\s+/, '')
    .replace(/^\s*(\d+(\.\d+)*|[ivxl]+)\s*[.):–—-]?\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The section a heading names, or undefined: the longest name that the heading is or starts with wins. */
export function matchHeading(template: AgreementTemplate, heading: string): SectionTemplate | undefined {
  const h = normalizeHeading(heading);
  if (h === '') return undefined;
  let best: { section: SectionTemplate; length: number } | undefined;
  for (const section of template.sections) {
    const names = [section.title.fr, section.title.en, ...(BY_KEY[section.key] ?? []), ...(BY_KIND[section.kind] ?? [])].map(normalizeHeading);
    for (const name of names) {
      if (name === '' || !(h === name || h.startsWith(`${name} `))) continue;
      if (!best || name.length > best.length) best = { section, length: name.length };
    }
  }
  return best?.section;
}
