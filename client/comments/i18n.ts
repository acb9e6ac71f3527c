import { useI18n } from '../i18n';
import type { Lang } from '../../shared/template';

/** The comment UI's strings, in English and French. */
const en = {
  comments: 'Comments',
  loading: 'Loading comments…',
  loadFailed: 'Could not load the comments.',
  retry: 'Try again',
  tabOpen: 'Open',
  tabResolved: 'Resolved',
  tabMine: 'Mine',
  filterLabel: 'Show',
  sectionFilter: 'Section',
  allSections: 'All sections',
  noThreads: 'No comments here.',
  noThreadsHint: 'Select text in a section and press Comment, or comment on a whole section from its header.',
  wholeSection: 'Whole section',
  goToText: 'Show the commented text',
  goToSection: 'Show the section',
  textDeleted: 'The commented text was deleted',
  shared: 'Shared',
  sharedLong: 'Shared with all parties',
  internal: 'Internal',
  internalLong: (party: string) => `Internal to ${party}`,
  internalHint: 'Other parties never see it.',
  visibility: 'Who can see it',
  edited: 'edited',
  deletedComment: 'Comment deleted',
  resolve: 'Resolve',
  reopen: 'Reopen',
  resolvedBy: (name: string, when: string) => `Resolved by ${name}, ${when}`,
  reopenedBy: (name: string, when: string) => `Reopened by ${name}, ${when}`,
  history: 'History',
  reply: 'Reply',
  replyPlaceholder: 'Reply… (@ to mention)',
  edit: 'Edit',
  remove: 'Delete',
  save: 'Save',
  cancel: 'Cancel',
  removeConfirm: 'Delete this comment? A marker stays in the thread.',
  newComment: 'New comment',
  onText: 'On the selected text',
  commentPlaceholder: 'Write a comment… (@ to mention someone)',
  post: 'Comment',
  posting: 'Sending…',
  commentButton: 'Comment',
  commentOnSelection: 'Comment on the selected text',
  commentOnSection: (section: string) => `Comment on “${section}”`,
  shortcut: 'Ctrl+Alt+M',
  unread: (n: number) => (n === 1 ? '1 unread comment' : `${n} unread comments`),
  sectionUnread: (n: number, section: string) => `${n} unread in ${section}`,
  threadLabel: (author: string, section: string) => `Thread by ${author} on ${section}`,
  comments_n: (n: number) => (n === 1 ? '1 comment' : `${n} comments`),
  locked: 'The agreement is locked: comments are closed.',
  readOnly: 'You can read the comments but not write them.',
  failed: 'That did not work. Please try again.',
  forbidden: 'You are not allowed to do that.',
  gone: 'This thread is no longer available.',
  mentionList: 'People to mention',
  noOneToMention: 'No one matches',
  you: 'you',
  justNow: 'just now',
  sendHint: 'Ctrl+Enter to send',
  close: 'Close',
  roles: { owner: 'Owner', editor: 'Editor', commenter: 'Commenter', viewer: 'Viewer' } as Record<string, string>,
  otherSection: 'Other',
  openThread: 'Open the thread',
  closeThread: 'Close the thread',
  unreadShort: (n: number) => `${n} new`,
  openCount: (n: number) => (n === 1 ? '1 open comment thread' : `${n} open comment threads`),
  resolvedOn: 'Resolved',
};

type Strings = typeof en;

const fr: Strings = {
  comments: 'Commentaires',
  loading: 'Chargement des commentaires…',
  loadFailed: 'Impossible de charger les commentaires.',
  retry: 'Réessayer',
  tabOpen: 'Ouverts',
  tabResolved: 'Résolus',
  tabMine: 'Les miens',
  filterLabel: 'Afficher',
  sectionFilter: 'Section',
  allSections: 'Toutes les sections',
  noThreads: 'Aucun commentaire ici.',
  noThreadsHint: 'Sélectionnez du texte dans une section et cliquez sur Commenter, ou commentez une section entière depuis son en-tête.',
  wholeSection: 'Section entière',
  goToText: 'Afficher le texte commenté',
  goToSection: 'Afficher la section',
  textDeleted: 'Le texte commenté a été supprimé',
  shared: 'Partagé',
  sharedLong: 'Partagé avec toutes les parties',
  internal: 'Interne',
  internalLong: (party: string) => `Interne à ${party}`,
  internalHint: 'Les autres parties ne le voient jamais.',
  visibility: 'Qui peut le voir',
  edited: 'modifié',
  deletedComment: 'Commentaire supprimé',
  resolve: 'Résoudre',
  reopen: 'Rouvrir',
  resolvedBy: (name: string, when: string) => `Résolu par ${name}, ${when}`,
  reopenedBy: (name: string, when: string) => `Rouvert par ${name}, ${when}`,
  history: 'Historique',
  reply: 'Répondre',
  replyPlaceholder: 'Répondre… (@ pour mentionner)',
  edit: 'Modifier',
  remove: 'Supprimer',
  save: 'Enregistrer',
  cancel: 'Annuler',
  removeConfirm: 'Supprimer ce commentaire\u00a0? Une mention reste dans le fil.',
  newComment: 'Nouveau commentaire',
  onText: 'Sur le texte sélectionné',
  commentPlaceholder: 'Écrivez un commentaire… (@ pour mentionner quelqu’un)',
  post: 'Commenter',
  posting: 'Envoi…',
  commentButton: 'Commenter',
  commentOnSelection: 'Commenter le texte sélectionné',
  commentOnSection: (section: string) => `Commenter «\u00a0${section}\u00a0»`,
  shortcut: 'Ctrl+Alt+M',
  unread: (n: number) => (n === 1 ? '1 commentaire non lu' : `${n} commentaires non lus`),
  sectionUnread: (n: number, section: string) => `${n} non lu(s) dans ${section}`,
  threadLabel: (author: string, section: string) => `Fil de ${author} sur ${section}`,
  comments_n: (n: number) => (n === 1 ? '1 commentaire' : `${n} commentaires`),
  locked: 'L’entente est verrouillée\u00a0: les commentaires sont fermés.',
  readOnly: 'Vous pouvez lire les commentaires, mais pas en écrire.',
  failed: 'L’opération a échoué. Veuillez réessayer.',
  forbidden: 'Vous n’êtes pas autorisé à faire cela.',
  gone: 'Ce fil n’est plus disponible.',
  mentionList: 'Personnes à mentionner',
  noOneToMention: 'Personne ne correspond',
  you: 'vous',
  justNow: 'à l’instant',
  sendHint: 'Ctrl+Entrée pour envoyer',
  close: 'Fermer',
  roles: { owner: 'Propriétaire', editor: 'Éditeur', commenter: 'Commentateur', viewer: 'Lecteur' },
  otherSection: 'Autre',
  openThread: 'Ouvrir le fil',
  closeThread: 'Fermer le fil',
  unreadShort: (n: number) => (n === 1 ? '1 nouveau' : `${n} nouveaux`),
  openCount: (n: number) => (n === 1 ? '1 fil de commentaires ouvert' : `${n} fils de commentaires ouverts`),
  resolvedOn: 'Résolu',
};

const STRINGS: Record<Lang, Strings> = { en, fr };

const LOCALES: Record<Lang, string> = { en: 'en-CA', fr: 'fr-CA' };

/** How long ago (or when) something happened, in the reader's language. */
export function formatWhen(iso: string, lang: Lang, t: Strings, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return t.justNow;
  const rtf = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' });
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function formatFull(iso: string, lang: Lang): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'full', timeStyle: 'short' }).format(at);
}

export function useCommentStrings(): { c: Strings; lang: Lang } {
  const { lang } = useI18n();
  return { c: STRINGS[lang], lang };
}

export type CommentStrings = Strings;
