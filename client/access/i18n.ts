import type { INVITABLE_ROLES, Role } from '../../shared/api';
import { ApiFailure } from '../api';
import { useI18n } from '../i18n';

export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/**
 * Strings of the access UI (sessions, roles, participants), in English and
 * French. Kept apart from client/i18n.ts so features can grow independently.
 */
const en = {
  // Roles and badges
  role: { owner: 'Owner', editor: 'Editor', commenter: 'Commenter', viewer: 'Viewer' } as Record<Role, string>,
  roleHelp: {
    owner: 'Created the agreement; edits and manages who has access.',
    editor: 'Edits the text, comments and approves sections for their party.',
    commenter: 'Reads and comments; cannot change the text.',
    viewer: 'Reads the agreement; cannot change or comment.',
  } as Record<Role, string>,
  signatory: 'Signatory',
  revoked: 'Revoked',
  you: 'you',
  unknownParty: 'Unknown party',

  // Who am I (header)
  youAre: 'You are',
  meLabel: (name: string, party: string, role: string) => `You are ${name}, ${party}, ${role}`,

  // New agreement form: the creator
  you_heading: 'You (the owner)',
  you_help: 'You will own this agreement: you invite the other people and decide what each of them may do.',
  ownerName: 'Your name',
  ownerEmail: 'Your email',
  ownerParty: 'Your organisation',
  ownerNameRequired: 'Please give your name.',
  ownerEmailInvalid: 'Please give a valid email address.',

  // Home page
  linkInvalidTitle: 'This link does not work',
  linkInvalid: 'The personal link you opened is not valid, or access through it was revoked. Ask the owner of the agreement for a new link.',
  dismiss: 'Dismiss',
  listHint: 'Agreements you created, or were invited to with a personal link, on this browser.',

  // Session gate
  openingSession: 'Checking your access…',
  signInTitle: 'Open your personal link',
  signIn: 'This browser is not signed in to this agreement. Open the personal link you received (it looks like https://…/join/…): it signs you in as yourself.',
  signInHelp: 'Lost it, or it stopped working? Ask the owner of the agreement for a new link.',
  noAccessTitle: 'No access',
  noAccess: 'You do not have access to this agreement, or your access was revoked.',
  noAccessHelp: 'If you think this is a mistake, ask the owner of the agreement for a new personal link.',
  revokedTitle: 'Access revoked',
  notFoundTitle: 'Agreement not found',

  // Read-only and live rights
  readOnlyTitle: 'Read-only',
  readOnly: (role: string) => `Read-only: you are a ${role.toLowerCase()} on this agreement.`,
  readOnlyViewer: 'You can read the draft and follow changes live, but not change it.',
  readOnlyCommenter: 'You can read and comment, but not change the text.',
  readOnlyAsk: (owner: string) => `To edit, ask ${owner} (owner) to change your role.`,
  readOnlyLocked: 'The agreement is locked: its text cannot change now.',
  roleChanged: (role: string) => `Your role changed: you are now ${articled(role)}.`,
  nowSignatory: 'You are now a signatory for your organisation.',
  noLongerSignatory: 'You are no longer a signatory.',
  partyChanged: (party: string) => `You now represent ${party}.`,

  // Participants panel
  participants: 'Participants',
  invite: 'Invite someone',
  inviteTitle: 'Invite a participant',
  name: 'Name',
  email: 'Email',
  party: 'Organisation',
  roleLabel: 'Role',
  signatoryLabel: 'Signs for their organisation',
  sendInvite: 'Create personal link',
  inviting: 'Creating…',
  cancel: 'Cancel',
  nameRequired: 'Give the person’s name.',
  emailInvalid: 'Give a valid email address.',
  partyRequired: 'Choose the person’s organisation.',
  invited: (name: string) => `${name} was added. Send them this personal link:`,
  linkWarning: 'Anyone with this link can open the agreement as this person. Send it to them only.',
  linkOnce: 'This link is shown only now. Copy it before you close this box; afterwards you can only give them a new one.',
  newLink: 'New link',
  newLinkConfirm: (name: string) => `Give ${name} a new personal link? The old link will stop working, and ${name} will be signed out until they open the new one.`,
  newLinkConfirmSelf: 'Get a new personal link for yourself? The old link will stop working and your other browsers will be signed out; this one stays signed in.',
  newLinkYes: 'Create a new link',
  reissued: (name: string) => `New personal link for ${name}. The old one no longer works; send them this one:`,
  copyLink: 'Copy link',
  copied: 'Copied',
  copyFallback: 'This browser did not allow copying: select the link above and copy it.',
  linkFor: (name: string) => `Personal link of ${name}`,
  changeRole: (name: string) => `Role of ${name}`,
  signatoryOf: (name: string) => `${name} signs for their organisation`,
  revoke: 'Revoke',
  revokeConfirm: (name: string) => `Revoke access for ${name}? Their link stops working at once.`,
  revokeYes: 'Revoke access',
  loadParticipantsFailed: 'Could not load the participants.',
  retry: 'Retry',
  close: 'Close',
  failed: (message: string) => `The server refused: ${message}`,
  networkFailed: 'Could not reach the server. Check your connection and try again.',
};

/** "an editor", "a viewer": the English article before a role name. */
function articled(role: string): string {
  const lower = role.toLowerCase();
  return /^[aeiou]/.test(lower) ? `an ${lower}` : `a ${lower}`;
}

export type AccessStrings = typeof en;

const q = (s: string): string => `«\u00a0${s}\u00a0»`;

const fr: AccessStrings = {
  role: { owner: 'Propriétaire', editor: 'Éditeur', commenter: 'Commentateur', viewer: 'Lecteur' },
  roleHelp: {
    owner: 'A créé l’entente; la modifie et gère les accès.',
    editor: 'Modifie le texte, commente et approuve les sections pour sa partie.',
    commenter: 'Lit et commente; ne peut pas modifier le texte.',
    viewer: 'Lit l’entente; ne peut ni modifier ni commenter.',
  },
  signatory: 'Signataire',
  revoked: 'Révoqué',
  you: 'vous',
  unknownParty: 'Partie inconnue',

  youAre: 'Vous êtes',
  meLabel: (name: string, party: string, role: string) => `Vous êtes ${name}, ${party}, rôle ${q(role)}`,

  you_heading: 'Vous (propriétaire)',
  you_help: 'Vous serez propriétaire de cette entente : vous invitez les autres personnes et décidez de ce que chacune peut faire.',
  ownerName: 'Votre nom',
  ownerEmail: 'Votre courriel',
  ownerParty: 'Votre organisation',
  ownerNameRequired: 'Veuillez indiquer votre nom.',
  ownerEmailInvalid: 'Veuillez indiquer une adresse courriel valide.',

  linkInvalidTitle: 'Ce lien ne fonctionne pas',
  linkInvalid: 'Le lien personnel que vous avez ouvert n’est pas valide, ou l’accès par ce lien a été révoqué. Demandez un nouveau lien à la personne propriétaire de l’entente.',
  dismiss: 'Fermer',
  listHint: 'Les ententes que vous avez créées, ou auxquelles vous avez été invité par un lien personnel, sur ce navigateur.',

  openingSession: 'Vérification de votre accès…',
  signInTitle: 'Ouvrez votre lien personnel',
  signIn: 'Ce navigateur n’est pas connecté à cette entente. Ouvrez le lien personnel que vous avez reçu (il ressemble à https://…/join/…) : il vous connecte en votre nom.',
  signInHelp: 'Vous l’avez perdu, ou il ne fonctionne plus? Demandez un nouveau lien à la personne propriétaire de l’entente.',
  noAccessTitle: 'Accès refusé',
  noAccess: 'Vous n’avez pas accès à cette entente, ou votre accès a été révoqué.',
  noAccessHelp: 'S’il s’agit d’une erreur, demandez un nouveau lien personnel à la personne propriétaire de l’entente.',
  revokedTitle: 'Accès révoqué',
  notFoundTitle: 'Entente introuvable',

  readOnlyTitle: 'Lecture seule',
  readOnly: (role: string) => `Lecture seule : votre rôle sur cette entente est ${q(role)}.`,
  readOnlyViewer: 'Vous pouvez lire l’ébauche et suivre les modifications en direct, mais pas la modifier.',
  readOnlyCommenter: 'Vous pouvez lire et commenter, mais pas modifier le texte.',
  readOnlyAsk: (owner: string) => `Pour modifier, demandez à ${owner} (propriétaire) de changer votre rôle.`,
  readOnlyLocked: 'L’entente est verrouillée : son texte ne peut pas changer pour l’instant.',
  roleChanged: (role: string) => `Votre rôle a changé : vous avez maintenant le rôle ${q(role)}.`,
  nowSignatory: 'Vous signez maintenant pour votre organisation.',
  noLongerSignatory: 'Vous ne signez plus pour votre organisation.',
  partyChanged: (party: string) => `Vous représentez maintenant ${party}.`,

  participants: 'Participants',
  invite: 'Inviter quelqu’un',
  inviteTitle: 'Inviter une personne',
  name: 'Nom',
  email: 'Courriel',
  party: 'Organisation',
  roleLabel: 'Rôle',
  signatoryLabel: 'Signe pour son organisation',
  sendInvite: 'Créer le lien personnel',
  inviting: 'Création…',
  cancel: 'Annuler',
  nameRequired: 'Indiquez le nom de la personne.',
  emailInvalid: 'Indiquez une adresse courriel valide.',
  partyRequired: 'Choisissez l’organisation de la personne.',
  invited: (name: string) => `${name} a été ajouté·e. Envoyez-lui ce lien personnel :`,
  linkWarning: 'Toute personne qui a ce lien peut ouvrir l’entente en son nom. Ne l’envoyez qu’à elle.',
  linkOnce: 'Ce lien n’est affiché que maintenant. Copiez-le avant de fermer cet encadré; ensuite, vous pourrez seulement en créer un nouveau.',
  newLink: 'Nouveau lien',
  newLinkConfirm: (name: string) => `Donner un nouveau lien personnel à ${name}? L’ancien lien cessera de fonctionner, et ${name} sera déconnecté·e jusqu’à ce qu’il ou elle ouvre le nouveau.`,
  newLinkConfirmSelf: 'Obtenir un nouveau lien personnel pour vous-même? L’ancien lien cessera de fonctionner et vos autres navigateurs seront déconnectés; celui-ci reste connecté.',
  newLinkYes: 'Créer un nouveau lien',
  reissued: (name: string) => `Nouveau lien personnel de ${name}. L’ancien ne fonctionne plus; envoyez-lui celui-ci :`,
  copyLink: 'Copier le lien',
  copied: 'Copié',
  copyFallback: 'Ce navigateur n’a pas permis la copie : sélectionnez le lien ci-dessus et copiez-le.',
  linkFor: (name: string) => `Lien personnel de ${name}`,
  changeRole: (name: string) => `Rôle de ${name}`,
  signatoryOf: (name: string) => `${name} signe pour son organisation`,
  revoke: 'Révoquer',
  revokeConfirm: (name: string) => `Révoquer l’accès de ${name}? Son lien cessera aussitôt de fonctionner.`,
  revokeYes: 'Révoquer l’accès',
  loadParticipantsFailed: 'Impossible de charger les participants.',
  retry: 'Réessayer',
  close: 'Fermer',
  failed: (message: string) => `Le serveur a refusé : ${message}`,
  networkFailed: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
};

const STRINGS = { en, fr } as const;

/** The access strings in the UI language. */
export function useAccessStrings(): AccessStrings {
  return STRINGS[useI18n().lang];
}

/** The server's reason, or a plain "could not reach the server". */
export function failure(s: AccessStrings, err: unknown): string {
  return err instanceof ApiFailure ? s.failed(err.message) : s.networkFailed;
}

/** A loose email check, matching what the server accepts closely enough to catch typos. */
export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
