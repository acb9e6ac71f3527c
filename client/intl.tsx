import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { LOCALES } from '../shared/i18n/locales';
import { ROLES, type Role } from '../shared/roles';
import { formatAgo, formatDay, formatDayTime, formatTime, type DayOptions, type When } from '../shared/i18n/dates';
import { translator, type IntlLike, type Translate } from '../shared/i18n/translate';
import { LanguageContext, useLanguageState } from './language';
import { isMessageKey, prefetchOtherLanguages, showLanguage, shownWords, subscribeWords, type Catalogue } from './messages';
import type { WordArea } from './wordAreas';
import { wordsFormatter } from './wordsFormatter';

/**
 * The formatter of the words shown (client/wordsFormatter.ts). Not
 * react-intl's provider: the app formats strings only (no rich-text
 * elements), so a context of its own does, lighter.
 */
const IntlContext = createContext<IntlLike | null>(null);

/** Gives `messages` in `lang` to everything below (IntlRoot does; tests render with it directly). */
export function WordsProvider({ lang, messages, children }: { lang: keyof typeof LOCALES; messages: Catalogue; children: ReactNode }) {
  const intl = useMemo(() => wordsFormatter(LOCALES[lang], messages), [lang, messages]);
  return <IntlContext.Provider value={intl}>{children}</IntlContext.Provider>;
}

function useIntl(): IntlLike {
  const intl = useContext(IntlContext);
  if (!intl) throw new Error('useIntl outside of IntlRoot');
  return intl;
}

/**
 * The app root's words: the shared catalogue in the language the reader
 * chose (client/language.tsx), loaded in parts (client/messages.ts). Times
 * are in the browser's time zone. Until the chosen language's words have
 * loaded the app shows nothing, and after a switch it keeps the previous
 * language's words until the new ones arrive.
 */
export function IntlRoot({ children }: { children: ReactNode }) {
  const language = useLanguageState();
  const { lang } = language;
  const shown = useSyncExternalStore(subscribeWords, shownWords);
  useEffect(() => {
    // Not reachable: keep the words shown; choosing the language again asks again.
    showLanguage(lang).then(
      () => prefetchOtherLanguages(lang),
      () => undefined,
    );
  }, [lang]);
  useEffect(() => {
    if (shown) document.documentElement.lang = shown.lang;
  }, [shown]);
  if (!shown) return null;
  return (
    <LanguageContext.Provider value={language}>
      <WordsProvider lang={shown.lang} messages={shown.messages}>
        {children}
      </WordsProvider>
    </LanguageContext.Provider>
  );
}

/** Renders `children` once the words of `area` are shown (a page loads them beside its chunk: client/routes.tsx). */
export function RequireWords({ area, children }: { area: WordArea; children: ReactNode }) {
  const ready = useSyncExternalStore(subscribeWords, () => shownWords()?.areas.has(area) === true);
  return ready ? children : null;
}

/** `const t = useT(); t('comments.tabOpen')`, `t('signing.signaturesCount', { signed, total })`: keys and arguments are type-checked. */
export function useT(): Translate {
  const intl = useIntl();
  return useMemo(() => translator(intl), [intl]);
}

export interface Dates {
  /** "1er décembre 2026", "December 1, 2026". */
  day: (value: When, options?: DayOptions) => string;
  /** "20 h 48", "8:48 p.m.". */
  time: (value: When) => string;
  /** "1er décembre 2026 à 20 h 48". */
  dayTime: (value: When, options?: DayOptions & { seconds?: boolean }) => string;
  /** "à l’instant", "il y a 5 minutes", else the day and time. */
  ago: (value: When) => string;
}

/** The shared date and time formatters (shared/i18n/dates.ts), in the reader's language and time zone. */
export function useDates(): Dates {
  const intl = useIntl();
  return useMemo(
    () => ({
      day: (value, options) => formatDay(intl, value, options),
      time: (value) => formatTime(intl, value),
      dayTime: (value, options) => formatDayTime(intl, value, options),
      ago: (value) => formatAgo(intl, value),
    }),
    [intl],
  );
}

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** A role's name as the participants panel shows it ("Editor", "Éditeur"); an unknown role as it came. */
export const roleName = (t: Translate, role: string): string => (isRole(role) ? t(`role.${role}`) : role);

/** Why the server closed the socket for good (a close code of shared/closeCodes.ts), in the reader's words; null for a code without one. */
export function closeReason(t: Translate, code: number): string | null {
  const key = `close.${code}`;
  return isMessageKey(key) ? t(key) : null;
}
