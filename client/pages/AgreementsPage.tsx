import { useEffect, useState } from 'react';
import type { AgreementSummary } from '../../shared/api';
import { listAgreements } from '../api';
import { useDates, useT } from '../intl';
import { isLang } from '../language';
import { Link } from '../router';
import { NewAgreementForm } from './NewAgreementForm';
import { AgreementListHint, InvalidLinkNotice } from '../access/InvalidLinkNotice';

type ListState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; agreements: AgreementSummary[] };

export function AgreementsPage() {
  const t = useT();
  const dates = useDates();
  const [state, setState] = useState<ListState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    listAgreements().then(
      (agreements) => live && setState({ status: 'ready', agreements: [...agreements].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) }),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="page list-page">
      <InvalidLinkNotice />
      <section className="card list-card" aria-labelledby="agreements-heading">
        <h1 id="agreements-heading">{t('list.heading')}</h1>
        <AgreementListHint />
        {state.status === 'loading' && <p className="muted">{t('list.loading')}</p>}
        {state.status === 'error' && <p className="error">{t('list.loadFailed')}</p>}
        {state.status === 'ready' && state.agreements.length === 0 && <p className="muted">{t('list.empty')}</p>}
        {state.status === 'ready' && state.agreements.length > 0 && (
          <ul className="agreement-list" data-testid="agreement-list">
            {state.agreements.map((a) => (
              <li key={a.id}>
                <Link href={`/a/${a.id}`} className="agreement-link">
                  <span className="agreement-title">{a.title}</span>
                  <span className="agreement-meta">
                    {isLang(a.language) ? t(`language.${a.language}`) : a.language} · {t('list.updated', { date: dates.day(a.updatedAt) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewAgreementForm />
    </main>
  );
}
