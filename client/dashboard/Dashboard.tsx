import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { DASHBOARD_STATUSES, type DashboardItem, type DashboardStatus } from '../../shared/lifecycleViews';
import { getDashboard } from '../api/dashboard';
import { useDates, useT } from '../intl';
import { noon } from '../lifecycle/AfterSigning';
import { Link } from '../router';
import { filterAgreements, type SortKey } from './filter';
import './dashboard.css';

/** "My agreements": every agreement this browser is signed in to, with where it stands and the next date; sorted, filtered, searched here. */
export function Dashboard() {
  const t = useT();
  const dates = useDates();
  // Another party's step (a notice, a signature) shows when one comes back to the page, or within half a minute.
  const query = useQuery({ queryKey: ['dashboard'], queryFn: ({ signal }) => getDashboard(signal), refetchInterval: 30_000 });
  const [status, setStatus] = useState<DashboardStatus | 'all'>('all');
  const [sort, setSort] = useState<SortKey>('updated');
  const [search, setSearch] = useState('');
  const shown = useMemo(() => filterAgreements(query.data ?? [], { status, sort, search }), [query.data, status, sort, search]);
  if (query.isPending) return <p className="muted">{t('list.loading')}</p>;
  if (query.isError) return <p className="error">{t('list.loadFailed')}</p>;
  if (query.data.length === 0) return <p className="muted">{t('list.empty')}</p>;
  return (
    <div className="dashboard" data-testid="dashboard">
      <div className="dashboard-controls">
        <label className="field">
          <span>{t('dashboard.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="dashboard-search" />
        </label>
        <label className="field">
          <span>{t('dashboard.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as DashboardStatus | 'all')} data-testid="dashboard-status">
            <option value="all">{t('dashboard.allStatuses')}</option>
            {DASHBOARD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`dashboard.statusName.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('dashboard.sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} data-testid="dashboard-sort">
            <option value="updated">{t('dashboard.sortUpdated')}</option>
            <option value="next">{t('dashboard.sortNext')}</option>
            <option value="title">{t('dashboard.sortTitle')}</option>
          </select>
        </label>
      </div>
      <ul className="agreement-list" data-testid="agreement-list">
        {shown.map((a) => (
          <Row key={a.id} a={a} next={a.next ? t(`lifecycle.nextKind.${a.next.kind}`, { date: dates.day(noon(a.next.on)) }) : null} />
        ))}
      </ul>
    </div>
  );
}

function Row({ a, next }: { a: DashboardItem; next: string | null }) {
  const t = useT();
  const dates = useDates();
  return (
    <li data-testid="dashboard-item" data-status={a.status}>
      <Link href={`/a/${a.id}`} className="agreement-link">
        <span className="agreement-title">{a.title}</span>
        <span className={`dashboard-status status-${a.status}`} data-testid="dashboard-item-status">
          {t(`dashboard.statusName.${a.status}`)}
        </span>
        <span className="agreement-meta">
          {a.parties.filter(Boolean).join(' · ')}
          {next ? <span data-testid="dashboard-next"> — {next}</span> : <> — {t('list.updated', { date: dates.day(a.updatedAt) })}</>}
        </span>
      </Link>
    </li>
  );
}
