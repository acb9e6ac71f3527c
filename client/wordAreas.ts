/**
 * The catalogue is sent to the browser in parts, so that a page downloads
 * only the words it can show: `base` for what renders before the data layer
 * (header, not-found page, the sign-in pages, /verify, error and close-code
 * texts, dates), `app` for what the agreement page shows with its text,
 * loaded with the pages that fetch data (client/routes.tsx), and `later`
 * for the rest: the agreement page's side column, dialogs and history,
 * which load after its text (client/deferred.tsx), and the list page.
 * Words only the server writes (e-mails, exported copies) are never sent.
 * test/client/bundleBudget.test.ts checks that every word a page's modules
 * name is in an area that page loads.
 */
export const WORD_AREAS = ['base', 'app', 'later'] as const;
export type WordArea = (typeof WORD_AREAS)[number];

const SERVER_ONLY = ['mail.', 'export.'];
// role.: the entry's roleName (client/intl.tsx) can name any role.
const BASE_PREFIXES = ['app.', 'common.', 'close.', 'error.', 'date.', 'language.', 'role.', 'verify.'];
const BASE_KEYS = new Set([
  // The access gate's loading and refusal pages.
  'access.openingSession',
  'access.signIn',
  'access.signInHelp',
  'access.signInTitle',
  'access.noAccess',
  'access.noAccessHelp',
  'access.noAccessTitle',
  'access.notFoundTitle',
  'access.revokedTitle',
  // The verify page's result, in the words of the signing panel.
  'signing.agreement',
  'signing.signatures',
  'signing.signed',
  'signing.version',
  'signing.fingerprintOf',
]);

const LATER_PREFIXES = [
  'advisor.',
  'audit.',
  'calendar.',
  'comments.',
  'compare.',
  'dashboard.',
  'history.',
  'lifecycle.',
  'list.',
  'new.',
  'participants.',
  'person.',
  'signing.',
  'suggestions.',
];
/** The words of LATER_PREFIXES that the agreement page shows with its text (so in `app`). */
const APP_KEYS = new Set([
  // The comment buttons and counts beside each section (client/comments/SectionComments.tsx, the selection's button).
  'comments.commentButton',
  'comments.onSelection',
  'comments.onSection',
  'comments.openCount',
  'comments.sectionUnread',
  // The mode switch, its refusals, and who suggested a change (client/editor/suggestions).
  'suggestions.by',
  'suggestions.byAt',
  'suggestions.byUnknown',
  'suggestions.defaultSuggesting',
  'suggestions.mode',
  'suggestions.modeEditing',
  'suggestions.modeHelp',
  'suggestions.modeSuggesting',
  'suggestions.refused',
  // Each section's approvals, the locked banner and whether this copy is the locked version.
  'signing.actionFailed',
  'signing.approvalHelp',
  'signing.approvals',
  'signing.approveAgain',
  'signing.approveFor',
  'signing.approvedBy',
  'signing.approving',
  'signing.changedSinceApproval',
  'signing.fingerprint',
  'signing.inForceFrom',
  'signing.lockedBanner',
  'signing.lockedSince',
  'signing.matchChecking',
  'signing.matchDiffers',
  'signing.matchOk',
  'signing.notApproved',
  'signing.reloadLocked',
  'signing.signedBanner',
]);

/** Where a key of shared/i18n is sent: in one of the areas, or nowhere (server only). */
export function areaOf(key: string): WordArea | 'server' {
  if (SERVER_ONLY.some((prefix) => key.startsWith(prefix))) return 'server';
  if (BASE_KEYS.has(key) || BASE_PREFIXES.some((prefix) => key.startsWith(prefix))) return 'base';
  return !APP_KEYS.has(key) && LATER_PREFIXES.some((prefix) => key.startsWith(prefix)) ? 'later' : 'app';
}

/** The part of a catalogue in `area`. */
export function pickArea<M>(catalogue: Readonly<Record<string, M>>, area: WordArea): Record<string, M> {
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => areaOf(key) === area));
}
