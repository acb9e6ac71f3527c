import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { Lang } from '../shared/template';

/**
 * Which language the UI speaks: the reader's explicit choice (kept in
 * localStorage), else a suggestion (the open agreement's language), else the
 * browser's. The words themselves are in shared/i18n (see client/intl.tsx).
 */
export interface Language {
  lang: Lang;
  /** Whether the user picked the language (rather than a default). */
  explicit: boolean;
  setLang: (lang: Lang) => void;
  /** Use this language unless the user picked one. */
  suggestLang: (lang: Lang) => void;
}

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

export const LanguageContext = createContext<Language>({ lang: 'en', explicit: false, setLang: () => undefined, suggestLang: () => undefined });

export const useLanguage = (): Language => useContext(LanguageContext);

/** The language state of the app root. */
export function useLanguageState(): Language {
  const [state, setState] = useState<{ lang: Lang; explicit: boolean }>(() => {
    const stored = storedLang();
    return stored ? { lang: stored, explicit: true } : { lang: navigatorLang(), explicit: false };
  });
  const setLang = useCallback((lang: Lang) => {
    storeLang(lang);
    setState({ lang, explicit: true });
  }, []);
  const suggestLang = useCallback((lang: Lang) => {
    setState((s) => (s.explicit || s.lang === lang ? s : { lang, explicit: false }));
  }, []);
  return useMemo(() => ({ ...state, setLang, suggestLang }), [state, setLang, suggestLang]);
}
