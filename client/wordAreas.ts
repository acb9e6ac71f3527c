/**
 * The catalogue is sent to the browser in parts, so that a page downloads
 * only the words it can show: `base` for what renders before the data layer
 * (header, not-found page, the sign-in pages, /verify, error and close-code
 * texts, dates), `app` for everything else, loaded with the pages that
 * fetch data (client/routes.tsx). Words only the server writes (e-mails,
 * exported copies) are never sent. test/client/bundleBudget.test.ts checks
 * that every word the base pages' modules name is in `base`.
 */
export const WORD_AREAS = ['base', 'app'] as const;
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

/** Where a key of shared/i18n is sent: in one of the areas, or nowhere (server only). */
export function areaOf(key: string): WordArea | 'server' {
  if (SERVER_ONLY.some((prefix) => key.startsWith(prefix))) return 'server';
  return BASE_KEYS.has(key) || BASE_PREFIXES.some((prefix) => key.startsWith(prefix)) ? 'base' : 'app';
}

/** The part of a catalogue in `area`. */
export function pickArea<M>(catalogue: Readonly<Record<string, M>>, area: WordArea): Record<string, M> {
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => areaOf(key) === area));
}
