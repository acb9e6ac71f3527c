import { createContext, useContext } from 'react';
import type { Lang, Localized } from '../shared/template';

/** Every string the UI shows, in English and French. Templates carry their own text. */
const en = {
  appName: 'Entente',
  tagline: 'Partnership agreements, drafted together',
  switchLanguage: 'Français',
  switchLanguageLabel: 'Passer en français',
  agreements: 'Agreements',
  loading: 'Loading…',
  loadFailed: 'Could not load the agreements.',
  noAgreements: 'No agreements yet. Start one with the form.',
  updated: (date: string) => `Updated ${date}`,
  languageName: { fr: 'French', en: 'English' } as Localized,
  newAgreement: 'New agreement',
  template: 'Template',
  title: 'Title',
  titlePlaceholder: 'e.g. Employment services partnership 2026',
  agreementLanguage: 'Language of the agreement',
  parties: 'Parties',
  partyN: (n: number) => `Party ${n}`,
  legalName: 'Legal name',
  legalNameHint: 'Agency and, where relevant, service or programme',
  address: 'Address',
  mission: 'Mission',
  addParty: 'Add a party',
  removeParty: 'Remove',
  removePartyConfirm: (name: string) => `Remove ${name} and everything written for it?`,
  partyMinimum: (n: number) => `This kind of agreement needs at least ${n} parties.`,
  partyHasParticipants: 'This party still has participants: move them to another party or revoke them first.',
  partyHasApprovedOrSigned: 'This party has approved or signed: it can no longer be removed.',
  partyChangeFailed: 'The server could not be reached: the parties were not changed.',
  create: 'Create the agreement',
  creating: 'Creating…',
  titleRequired: 'Please give the agreement a title.',
  minParties: (n: number) => `An agreement needs at least ${n} parties.`,
  createFailed: 'The agreement could not be created.',
  cancel: 'Cancel',
  back: 'All agreements',
  agreementTitle: 'Agreement title',
  unknownTemplate: 'This agreement uses a template this version does not know.',
  waitingForDocument: 'Opening the agreement…',
  unnamedParty: 'Unnamed party',
  you: 'you',
  inSection: (section: string) => `in ${section}`,
  peopleHere: 'People here now',
  partyMission: (name: string) => `Mission of ${name}`,
  whyTogether: 'Why the parties commit to working together',
  whatProvides: (name: string) => `What ${name} provides`,
  contactPoints: 'Contact points (by job title)',
  jobTitle: 'Job title',
  jobTitlePlaceholder: 'e.g. Programme manager',
  email: 'Email',
  phone: 'Phone',
  addContact: 'Add a contact point',
  remove: 'Remove',
  noContacts: 'No contact point yet.',
  termYears: 'Term (years)',
  renewalReview: 'Renewal review (months before expiry)',
  terminationNotice: 'Termination notice',
  days: (n: number) => `${n} days`,
  inForce: 'The agreement is in force from the date of the last signature.',
  durationSummary: (years: string, months: string, days: string) =>
    `In force for ${years} year(s); the parties meet ${months} month(s) before expiry to decide on renewal; either party may terminate with ${days} days' written notice.`,
  durationNotes: 'Further details',
  organisation: 'Organisation',
  signatoryName: 'Name',
  signatoryTitle: 'Title',
  addSignatory: 'Add a signatory',
  noSignatories: 'No signatory yet.',
  status: {
    connecting: 'Connecting…',
    connected: 'Connected',
    saving: 'Saving…',
    saved: 'All changes saved',
    reconnecting: 'Reconnecting…',
    offline: 'You are offline',
    unreachable: 'The server cannot be reached',
    keptOnDevice: 'Your edits are kept on this device and will be sent when the connection is back.',
    refused: 'Disconnected',
  },
  comments: 'Comments',
  notFound: 'Page not found.',
};

export type Strings = typeof en;

const fr: Strings = {
  appName: 'Entente',
  tagline: 'Des ententes de partenariat, rédigées ensemble',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  agreements: 'Ententes',
  loading: 'Chargement…',
  loadFailed: 'Impossible de charger les ententes.',
  noAgreements: 'Aucune entente pour l’instant. Commencez-en une avec le formulaire.',
  updated: (date: string) => `Modifiée le ${date}`,
  languageName: { fr: 'Français', en: 'Anglais' },
  newAgreement: 'Nouvelle entente',
  template: 'Modèle',
  title: 'Titre',
  titlePlaceholder: 'p. ex. Partenariat en services d’emploi 2026',
  agreementLanguage: 'Langue de l’entente',
  parties: 'Parties',
  partyN: (n: number) => `Partie ${n}`,
  legalName: 'Nom juridique',
  legalNameHint: 'Agence et, le cas échéant, service ou programme',
  address: 'Adresse',
  mission: 'Mission',
  addParty: 'Ajouter une partie',
  removeParty: 'Retirer',
  removePartyConfirm: (name: string) => `Retirer ${name} et tout ce qui a été rédigé pour elle?`,
  partyMinimum: (n: number) => `Ce type d’entente compte au moins ${n} parties.`,
  partyHasParticipants: 'Cette partie compte encore des participants : déplacez-les vers une autre partie ou révoquez leur accès d’abord.',
  partyHasApprovedOrSigned: 'Cette partie a approuvé ou signé : elle ne peut plus être retirée.',
  partyChangeFailed: 'Le serveur est injoignable : les parties n’ont pas été modifiées.',
  create: 'Créer l’entente',
  creating: 'Création…',
  titleRequired: 'Veuillez donner un titre à l’entente.',
  minParties: (n: number) => `Une entente compte au moins ${n} parties.`,
  createFailed: 'L’entente n’a pas pu être créée.',
  cancel: 'Annuler',
  back: 'Toutes les ententes',
  agreementTitle: 'Titre de l’entente',
  unknownTemplate: 'Cette entente utilise un modèle que cette version ne connaît pas.',
  waitingForDocument: 'Ouverture de l’entente…',
  unnamedParty: 'Partie sans nom',
  you: 'vous',
  inSection: (section: string) => `dans ${section}`,
  peopleHere: 'Personnes présentes',
  partyMission: (name: string) => `Mission de ${name}`,
  whyTogether: 'Pourquoi les parties s’engagent ensemble',
  whatProvides: (name: string) => `Ce que fournit ${name}`,
  contactPoints: 'Points de contact (par titre de poste)',
  jobTitle: 'Titre de poste',
  jobTitlePlaceholder: 'p. ex. Gestionnaire de programme',
  email: 'Courriel',
  phone: 'Téléphone',
  addContact: 'Ajouter un point de contact',
  remove: 'Retirer',
  noContacts: 'Aucun point de contact pour l’instant.',
  termYears: 'Durée (années)',
  renewalReview: 'Examen du renouvellement (mois avant l’échéance)',
  terminationNotice: 'Préavis de résiliation',
  days: (n: number) => `${n} jours`,
  inForce: 'L’entente est en vigueur à compter de la date de la dernière signature.',
  durationSummary: (years: string, months: string, days: string) =>
    `En vigueur pendant ${years} an(s); les parties se rencontrent ${months} mois avant l’échéance pour décider du renouvellement; chaque partie peut résilier par avis écrit de ${days} jours.`,
  durationNotes: 'Précisions',
  organisation: 'Organisation',
  signatoryName: 'Nom',
  signatoryTitle: 'Titre',
  addSignatory: 'Ajouter un signataire',
  noSignatories: 'Aucun signataire pour l’instant.',
  status: {
    connecting: 'Connexion…',
    connected: 'Connecté',
    saving: 'Enregistrement…',
    saved: 'Toutes les modifications sont enregistrées',
    reconnecting: 'Reconnexion…',
    offline: 'Vous êtes hors ligne',
    unreachable: 'Le serveur est injoignable',
    keptOnDevice: 'Vos modifications sont conservées sur cet appareil et seront envoyées au retour de la connexion.',
    refused: 'Déconnecté',
  },
  comments: 'Commentaires',
  notFound: 'Page introuvable.',
};

export const STRINGS: Record<Lang, Strings> = { en, fr };

const STORAGE_KEY = 'entente:lang';

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

/** The language the user chose explicitly, if any. */
export function storedLang(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function navigatorLang(): Lang {
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export interface I18n {
  lang: Lang;
  t: Strings;
  /** Whether the user picked the language (rather than a default). */
  explicit: boolean;
  setLang: (lang: Lang) => void;
  /** Use this language unless the user picked one. */
  suggestLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'en',
  t: en,
  explicit: false,
  setLang: () => undefined,
  suggestLang: () => undefined,
});

export const useI18n = (): I18n => useContext(I18nContext);

/** Picks the text of a template's localized field. */
export const pick = (text: Localized, lang: Lang): string => text[lang];
