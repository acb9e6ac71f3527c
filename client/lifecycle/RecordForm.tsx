import { useState } from 'react';
import { RECORD_MAX, type LifecycleView } from '../../shared/lifecycleViews';
import { useDates, useT } from '../intl';

interface Props {
  records: LifecycleView['records'];
  may: boolean;
  pending: boolean;
  error: string | null;
  onAdd: (body: string) => Promise<unknown>;
}

/** Once it has ended (001, dissolution): the record of the partnership's history and achievements, kept with it. */
export function RecordForm({ records, may, pending, error, onAdd }: Props) {
  const t = useT();
  const dates = useDates();
  const [body, setBody] = useState('');
  return (
    <section className="partnership-record" data-testid="partnership-record">
      <h3 className="status-subheading">{t('lifecycle.recordHeading')}</h3>
      <p className="small">{t('lifecycle.recordHelp')}</p>
      {records.map((r) => (
        <article key={r.id} className="record-entry" data-testid="record-entry">
          <p className="small muted">{t('lifecycle.recordBy', { name: r.author.name, date: dates.day(r.createdAt) })}</p>
          <p className="record-body">{r.body}</p>
        </article>
      ))}
      {may && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim())
              onAdd(body.trim()).then(
                () => setBody(''),
                () => undefined,
              );
          }}
        >
          <label className="field">
            <span>{t('lifecycle.recordLabel')}</span>
            <textarea name="record" rows={4} maxLength={RECORD_MAX} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          {error && (
            <p className="error small" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button primary" disabled={pending || !body.trim()} data-testid="add-record">
            {t('lifecycle.addRecord')}
          </button>
        </form>
      )}
    </section>
  );
}
