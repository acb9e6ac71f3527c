import { useState, type FormEvent } from 'react';
import { NAME_MAX } from '../../shared/historyViews';
import { nameVersion } from '../api/history';
import { useAgreementCache } from '../data/cache';
import { errorText } from '../errorText';
import { useT } from '../intl';

/** An editor names the current state, e.g. "Sent to Réseau Emploi for review, 12 March". */
export function NameVersionForm({ agreementId }: { agreementId: string }) {
  const t = useT();
  const cache = useAgreementCache(agreementId);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (name.trim() === '') return;
    setBusy(true);
    setError(null);
    nameVersion(agreementId, name.trim()).then(
      () => {
        setName('');
        setBusy(false);
        cache.refreshHistory();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  return (
    <form className="history-name-form" onSubmit={submit}>
      <label className="small" htmlFor="history-name-input">
        {t('history.nameLabel')}
      </label>
      <div className="history-name-row">
        <input
          id="history-name-input"
          value={name}
          maxLength={NAME_MAX}
          placeholder={t('history.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          data-testid="version-name"
        />
        <button type="submit" className="button small" disabled={busy || name.trim() === ''} data-testid="name-version">
          {t('history.nameSubmit')}
        </button>
      </div>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
