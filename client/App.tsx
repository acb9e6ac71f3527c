import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../shared/template';
import { I18nContext, STRINGS, navigatorLang, storeLang, storedLang, type I18n } from './i18n';
import { IdentityContext, cleanName, loadIdentity, saveName, type IdentityState } from './identity';
import { Link, matchRoute, usePath } from './router';
import { Header } from './Header';
import { NamePrompt } from './NamePrompt';
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

function useIdentityState(): IdentityState {
  const [identity, setIdentity] = useState(() => loadIdentity(window.location.search));
  const setName = useCallback((raw: string) => {
    const name = cleanName(raw);
    if (!name) return;
    saveName(name);
    setIdentity((id) => ({ ...id, name }));
  }, []);
  return useMemo(() => ({ ...identity, setName }), [identity, setName]);
}

export function App() {
  const i18n = useI18nState();
  const identity = useIdentityState();
  const route = matchRoute(usePath());
  const [renaming, setRenaming] = useState(false);

  useEffect(() => {
    document.title = i18n.t.appName;
  }, [i18n.t, route.name]);

  return (
    <I18nContext.Provider value={i18n}>
      <IdentityContext.Provider value={identity}>
        <Header onRename={() => setRenaming(true)} />
        {(identity.name === '' || renaming) && (
          <NamePrompt
            initial={identity.name}
            onDone={(name) => {
              identity.setName(name);
              setRenaming(false);
            }}
            onCancel={identity.name === '' ? undefined : () => setRenaming(false)}
          />
        )}
        {route.name === 'list' && <AgreementsPage />}
        {route.name === 'agreement' && identity.name !== '' && <AgreementEditor key={route.id} id={route.id} />}
        {route.name === 'verify' && <VerifyPage />}
        {route.name === 'notFound' && (
          <main className="page narrow">
            <p>{i18n.t.notFound}</p>
            <Link href="/">{i18n.t.back}</Link>
          </main>
        )}
      </IdentityContext.Provider>
    </I18nContext.Provider>
  );
}
