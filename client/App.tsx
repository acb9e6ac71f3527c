import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../shared/template';
import { I18nContext, STRINGS, navigatorLang, storeLang, storedLang, type I18n } from './i18n';
import { Link, matchRoute, usePath } from './router';
import { Header } from './Header';
import { AgreementsPage } from './pages/AgreementsPage';
import { AgreementEditor } from './editor/AgreementEditor';
import { VerifyPage } from './signing/VerifyPage';

function useI18nState(): I18n {
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
  useEffect(() => {
    document.documentElement.lang = state.lang;
  }, [state.lang]);
  return useMemo(() => ({ ...state, t: STRINGS[state.lang], setLang, suggestLang }), [state, setLang, suggestLang]);
}

export function App() {
  const i18n = useI18nState();
  const route = matchRoute(usePath());

  useEffect(() => {
    document.title = i18n.t.appName;
  }, [i18n.t, route.name]);

  return (
    <I18nContext.Provider value={i18n}>
      {/* Who you are is per agreement (your personal link's session): the editor shows it in the header. */}
      <Header />
      {route.name === 'list' && <AgreementsPage />}
      {route.name === 'agreement' && <AgreementEditor key={route.id} id={route.id} />}
      {route.name === 'verify' && <VerifyPage />}
      {route.name === 'notFound' && (
        <main className="page narrow">
          <p>{i18n.t.notFound}</p>
          <Link href="/">{i18n.t.back}</Link>
        </main>
      )}
    </I18nContext.Provider>
  );
}
