import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { LOCALES } from '../shared/i18n/locales';
import { ROLES, type Role } from '../shared/roles';
import type { Lang } from '../shared/template';
import { formatAgo, formatDay, formatDayTime, formatTime, type DayOptions, type When } from '../shared/i18n/dates';
import { translator, type Translate } from '../shared/i18n/translate';
import { LanguageContext, useLanguageState } from './language';
import { isMessageKey, loadMessages, loadedMessages, prefetchOtherLanguages, type Catalogue } from './messages';

/**
 * The app root's words: FormatJS's IntlProvider over the shared catalogue,
 * in the language the reader chose (client/language.tsx). Times are in the
 * browser's time zone. Until the chosen language's catalogue has loaded
 * (client/messages.ts) the app shows nothing, and after a switch it keeps
 * the previous language's words until the new ones arrive.
 */
export function IntlRoot({ children }: { children: ReactNode }) {
  const language = useLanguageState();
  const { lang } = language;
  const [shown, setShown] = useState<{ lang: Lang; messages: Catalogue } | null>(() => {
    const messages = loadedMessages(lang);
    return messages ? { lang, messages } : null;
  });
  useEffect(() => {
    let live = true;
    loadMessages(lang).then(
      (messages) => {
        if (!live) return;
        setShown({ lang, messages });
        prefetchOtherLanguages(lang);
      },
      // Not reachable: keep the words shown; choosing the language again asks again.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [lang]);
  useEffect(() => {
    if (shown) document.documentElement.lang = shown.lang;
  }, [shown]);
  if (!shown) return null;
  return (
    <LanguageContext.Provider value={language}>
      <IntlProvider locale={LOCALES[shown.lang]} messages={shown.messages} defaultLocale={LOCALES.en}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
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
