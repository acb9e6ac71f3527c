import type { Lang } from '../../shared/template';

/** Words printed in exports, in the agreement's language. */
export const EXPORT_LABELS = {
  fr: {
    between: 'Entre',
    and: 'et',
    address: 'Adresse',
    mission: 'Mission',
    why: 'Pourquoi les parties s’engagent',
    responsibilities: 'Responsabilités',
    contacts: 'Points de contact',
    term: (years: number) => `Le présent protocole est en vigueur pendant ${years} an${years > 1 ? 's' : ''} à compter de la date de la dernière signature.`,
    renewal: (months: number) => `Environ ${months} mois avant l’expiration, les parties se rencontrent pour décider du renouvellement.`,
    notice: (days: number) => `Chaque partie peut y mettre fin en tout temps par un avis écrit d’au moins ${days} jours.`,
    signedOn: 'Signé électroniquement le',
    notSigned: 'Non signé',
    inForce: 'En vigueur depuis le',
    version: 'Version',
    versionHash: 'Empreinte de la version (SHA-256)',
    certificate: 'Certificat de signature',
    agreementId: 'Identifiant de l’entente',
    pagesHash: 'Empreinte des pages de l’entente (PDF, SHA-256)',
    signatures: 'Signatures',
    auditHead: 'Tête de la chaîne d’audit',
    generated: 'Produit le',
    ip: 'Adresse IP',
    userAgent: 'Navigateur',
    party: 'Partie',
    /** French puts a (non-breaking) space before the colon, English does not. */
    colon: '\u00a0: ',
  },
  en: {
    between: 'Between',
    and: 'and',
    address: 'Address',
    mission: 'Mission',
    why: 'Why the parties commit',
    responsibilities: 'Responsibilities',
    contacts: 'Contact points',
    term: (years: number) => `This memorandum is in force for ${years} year${years > 1 ? 's' : ''} from the date of the last signature.`,
    renewal: (months: number) => `About ${months} months before expiry, the parties meet to decide on renewal.`,
    notice: (days: number) => `Either party may end it at any time by written notice of at least ${days} days.`,
    signedOn: 'Signed electronically on',
    notSigned: 'Not signed',
    inForce: 'In force since',
    version: 'Version',
    versionHash: 'Version fingerprint (SHA-256)',
    certificate: 'Signing certificate',
    agreementId: 'Agreement id',
    pagesHash: 'Agreement pages fingerprint (PDF, SHA-256)',
    signatures: 'Signatures',
    auditHead: 'Audit chain head',
    generated: 'Generated on',
    ip: 'IP address',
    userAgent: 'Browser',
    party: 'Party',
    colon: ': ',
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type ExportLabels = (typeof EXPORT_LABELS)['en'];

export const labelsFor = (language: string): ExportLabels => (language === 'en' ? EXPORT_LABELS.en : EXPORT_LABELS.fr);
