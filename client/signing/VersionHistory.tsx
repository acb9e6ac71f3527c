import { useDates, useT } from '../intl';
import { useStatusCard } from './StatusCardContext';

/** Versions that were locked and then unlocked or cancelled, with when and why. */
export function VersionHistory() {
  const { status } = useStatusCard();
  const t = useT();
  const dates = useDates();
  const closed = status.history.filter((v) => v.status === 'unlocked' || v.status === 'cancelled');
  if (closed.length === 0) return null;
  return (
    <details className="version-history">
      <summary className="small">{t('signing.history')}</summary>
      <ul className="small">
        {closed.map((v) => (
          <li key={v.number}>
            {t('signing.historyItem', { n: v.number, state: t(`signing.versionState.${v.status}`) })} · {dates.dayTime(v.closedAt)}
            {v.closeReason && <span className="muted"> — {v.closeReason}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
