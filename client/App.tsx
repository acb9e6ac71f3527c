import { useEffect } from 'react';
import { IntlRoot, useT } from './intl';
import { Link, matchRoute, usePath } from './router';
import { Header } from './Header';
import { AgreementRoute, ListRoute, VerifyRoute } from './routes';

export function App() {
  return (
    <IntlRoot>
      <Page />
    </IntlRoot>
  );
}

function Page() {
  const t = useT();
  const route = matchRoute(usePath());

  useEffect(() => {
    document.title = t('app.name');
  }, [t, route.name]);

  return (
    <>
      {/* Who you are is per agreement (your personal link's session): the editor shows it in the header. */}
      <Header />
      {route.name === 'list' && <ListRoute />}
      {route.name === 'agreement' && <AgreementRoute key={route.id} id={route.id} />}
      {route.name === 'verify' && <VerifyRoute />}
      {route.name === 'notFound' && (
        <main className="page narrow">
          <p>{t('app.notFound')}</p>
          <Link href="/">{t('app.back')}</Link>
        </main>
      )}
    </>
  );
}
