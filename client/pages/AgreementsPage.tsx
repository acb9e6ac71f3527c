import { useT } from '../intl';
import { Account } from '../dashboard/Account';
import { Dashboard } from '../dashboard/Dashboard';
import { NewAgreementForm } from './NewAgreementForm';
import { AgreementListHint, InvalidLinkNotice } from '../access/InvalidLinkNotice';

export function AgreementsPage() {
  const t = useT();
  return (
    <main className="page list-page">
      <InvalidLinkNotice />
      <div className="list-column">
        <section className="card list-card" aria-labelledby="agreements-heading">
          <h1 id="agreements-heading">{t('list.heading')}</h1>
          <AgreementListHint />
          <Dashboard />
        </section>
        <Account />
      </div>
      <NewAgreementForm />
    </main>
  );
}
