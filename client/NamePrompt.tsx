import { useState, type FormEvent } from 'react';
import { useI18n } from './i18n';
import { MAX_NAME_LENGTH, cleanName } from './identity';

/** Asks for the display name shown to co-authors (first visit, or to change it). */
export function NamePrompt({ initial, onDone, onCancel }: { initial: string; onDone: (name: string) => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const name = cleanName(value);
    if (name) onDone(name);
  };
  return (
    <div className="modal-backdrop" role="presentation">
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby="name-prompt-title" onSubmit={submit}>
        <h2 id="name-prompt-title">{t.yourName}</h2>
        <p className="muted">{t.yourNameHelp}</p>
        <input
          autoFocus
          value={value}
          maxLength={MAX_NAME_LENGTH}
          onChange={(e) => setValue(e.target.value)}
          aria-label={t.yourName}
          data-testid="name-input"
        />
        <div className="modal-actions">
          {onCancel && (
            <button type="button" className="button ghost" onClick={onCancel}>
              {t.cancel}
            </button>
          )}
          <button type="submit" className="button primary" disabled={cleanName(value) === ''}>
            {t.continue}
          </button>
        </div>
      </form>
    </div>
  );
}
