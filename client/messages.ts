import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageKey } from '../shared/i18n';
import type { Lang } from '../shared/template';

/**
 * The catalogue of one language, loaded when it is first needed: a page
 * downloads the words of the language it shows, not both (each is its own
 * chunk). Both catalogues have exactly the same keys (typed, and checked by
 * test/shared/i18n.test.ts), so "is there a message for this key" can be
 * asked of whichever is loaded. A production build ships each one already
 * parsed (FormatJS message ASTs, see vite.config.ts); tests and the dev
 * server use the strings.
 */
export type Catalogue = Readonly<Record<MessageKey, string>> | Readonly<Record<MessageKey, MessageFormatElement[]>>;

const loaded = new Map<Lang, Catalogue>();
let current: Catalogue | null = null;

export async function loadMessages(lang: Lang): Promise<Catalogue> {
  const known = loaded.get(lang);
  if (known) return known;
  const messages = lang === 'fr' ? (await import('../shared/i18n/fr')).fr : (await import('../shared/i18n/en')).en;
  loaded.set(lang, messages);
  current ??= messages;
  return messages;
}

/**
 * Fetches the other languages' catalogues once the page is idle, so that
 * switching language later is instant and works while the server cannot be
 * reached (the page was loaded, the words must not need the network; the
 * connection test switches language with the server down). Not later: a
 * server can go away seconds after the page opened.
 */
export function prefetchOtherLanguages(lang: Lang): void {
  const others: Lang[] = lang === 'fr' ? ['en'] : ['fr'];
  whenIdle(() => {
    for (const other of others) loadMessages(other).catch(() => undefined); // asked again on a switch
  });
}

/** Runs `task` when the browser has nothing better to do (or soon, where requestIdleCallback is missing). */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/** The catalogue of `lang` if it is loaded already (a language switched back to shows at once). */
export const loadedMessages = (lang: Lang): Catalogue | undefined => loaded.get(lang);

/** Whether a key built at run time (an error code, a close code, an audit action) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  if (!current) throw new Error('isMessageKey before any catalogue loaded');
  return Object.hasOwn(current, key);
}
