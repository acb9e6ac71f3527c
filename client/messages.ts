import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageKey } from '../shared/i18n';
import type { Lang } from '../shared/template';
import { WORD_AREAS, type WordArea } from './wordAreas';
import { loadWords, type Words } from './words';

/**
 * The words the page shows, loaded in parts (client/wordAreas.ts): one
 * language, and only the areas the pages shown so far need (`base` at
 * first; the pages that fetch data add `app`). Each part is its own chunk
 * in a build (client/words.ts). What IntlRoot shows changes only once the
 * language asked for has every needed area: after a switch the previous
 * language's words stay until then. Both catalogues have exactly the same
 * keys (typed, and checked by test/shared/i18n.test.ts).
 */
export type Catalogue = Readonly<Record<string, string>> | Readonly<Record<string, MessageFormatElement[]>>;

export interface Shown {
  lang: Lang;
  messages: Catalogue;
  areas: ReadonlySet<WordArea>;
}

const loading = new Map<string, Promise<Words>>();
const loaded = new Map<string, Words>();
/** Every key of a loaded part, of any language (both have the same keys). */
const known = new Set<string>();
const wanted = new Set<WordArea>(['base']);
let shown: Shown | null = null;
/** The language asked for while another is shown (or none yet). */
let target: Lang | null = null;
const listeners = new Set<() => void>();

function part(lang: Lang, area: WordArea): Promise<Words> {
  const id = `${lang}/${area}`;
  let pending = loading.get(id);
  if (!pending) {
    pending = loadWords(lang, area).then((words) => {
      loaded.set(id, words);
      for (const key of Object.keys(words)) known.add(key);
      update();
      return words;
    });
    pending.catch(() => loading.delete(id)); // asked again next time
    loading.set(id, pending);
  }
  return pending;
}

/** Shows the target language (or more areas of the shown one) once every needed part of it is there. */
function update(): void {
  const lang = target ?? shown?.lang;
  if (!lang || (shown?.lang === lang && shown.areas.size === wanted.size)) return;
  const parts = [...wanted].map((area) => loaded.get(`${lang}/${area}`));
  if (parts.some((words) => !words)) return;
  shown = { lang, messages: Object.assign({}, ...parts) as Catalogue, areas: new Set(wanted) };
  target = null;
  for (const listener of listeners) listener();
}

/** Loads the needed areas of `lang` (or the areas named); resolves once they are there. */
export async function loadMessages(lang: Lang, areas: Iterable<WordArea> = wanted): Promise<void> {
  await Promise.all([...areas].map((area) => part(lang, area)));
}

/** Asks for `lang` to be shown: now if its needed parts are loaded, else once they are. */
export function showLanguage(lang: Lang): Promise<void> {
  target = shown?.lang === lang ? null : lang;
  update();
  return loadMessages(lang);
}

/** A page that needs `area`'s words: loads them in the shown (and asked-for) language; resolves once loaded. */
export async function needWords(area: WordArea): Promise<void> {
  wanted.add(area);
  const langs = new Set([shown?.lang, target].filter((lang): lang is Lang => lang !== undefined && lang !== null));
  await Promise.all([...langs].map((lang) => part(lang, area)));
  update();
}

export const shownWords = (): Shown | null => shown;

export function subscribeWords(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Fetches the other languages' words (every area) once the page is idle, so
 * that switching language later is instant and works while the server cannot
 * be reached (the page was loaded, the words must not need the network; the
 * connection test switches language with the server down). Not later: a
 * server can go away seconds after the page opened.
 */
export function prefetchOtherLanguages(lang: Lang): void {
  const others: Lang[] = lang === 'fr' ? ['en'] : ['fr'];
  whenIdle(() => {
    for (const other of others) loadMessages(other, WORD_AREAS).catch(() => undefined); // asked again on a switch
  });
}

/** Runs `task` when the browser has nothing better to do (or soon, where requestIdleCallback is missing). */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/** Whether a key built at run time (an error code, a close code, an audit action) has a message, in the parts loaded. */
export function isMessageKey(key: string): key is MessageKey {
  if (known.size === 0) throw new Error('isMessageKey before any catalogue loaded');
  return known.has(key);
}
