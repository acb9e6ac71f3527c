import { useState, type FormEvent } from 'react';
import type { HistoryEntryView } from '../../shared/historySchemas';
import { useT } from '../intl';
import { versionLabel } from './labels';

/** Compare any two versions, or one with the current text. */
export function CompareForm({ versions, onCompare }: { versions: readonly HistoryEntryView[]; onCompare: (from: string, to: string) => void }) {
  const t = useT();
  const [from, setFrom] = useState(versions[1]?.id ?? '');
  const [to, setTo] = useState('current');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (from) onCompare(from, to);
  };
  const options = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {t('history.option', { n: v.number, label: versionLabel(t, v) })}
    </option>
  ));
  return (
    <form className="history-compare-form small" onSubmit={submit}>
      <label>
        {t('history.from')}{' '}
        <select value={from} onChange={(e) => setFrom(e.target.value)} data-testid="compare-from">
          {options}
        </select>
      </label>
      <label>
        {t('history.to')}{' '}
        <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="compare-to">
          <option value="current">{t('history.current')}</option>
          {options}
        </select>
      </label>
      <button type="submit" className="button small" data-testid="compare-two">
        {t('history.compare')}
      </button>
    </form>
  );
}
