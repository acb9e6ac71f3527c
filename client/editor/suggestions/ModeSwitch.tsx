import { useEffect, useState } from 'react';
import { setDefaultMode } from '../../api/status';
import { useT } from '../../intl';
import { useCanEdit, useSession } from '../../session';
import { useSigning } from '../../signing/SigningContext';
import { useSuggestions } from './SuggestionsProvider';
import type { EditMode } from './suggestMode';
import './suggestions.css';

const MODES: readonly EditMode[] = ['editing', 'suggesting'];

/**
 * The toolbar's Editing / Suggesting switch, for people who may edit; the
 * owner also sets the default everyone starts in. Says so when a change
 * could not be made a suggestion.
 */
export function ModeSwitch() {
  const t = useT();
  const suggestions = useSuggestions();
  const signing = useSigning();
  const manage = useSession().me.can.manage;
  const canEdit = useCanEdit();
  const [notice, setNotice] = useState(false);
  const refused = suggestions?.refused ?? 0;
  useEffect(() => {
    if (refused === 0) return;
    setNotice(true);
    const timer = setTimeout(() => setNotice(false), 8000);
    return () => clearTimeout(timer);
  }, [refused]);
  const [busy, setBusy] = useState(false);
  // Shown while the status is still loading too (a draft, nearly always), so the toolbar does not grow under the reader when it comes.
  if (!suggestions || !signing || !canEdit || (signing.status && signing.status.status !== 'draft')) return null;
  const toggleDefault = async (on: boolean): Promise<void> => {
    setBusy(true);
    try {
      signing.apply(await setDefaultMode(signing.agreementId, on ? 'suggesting' : 'editing'));
    } catch {
      signing.refresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mode-switch" data-testid="mode-switch" data-mode={suggestions.mode}>
      <div role="radiogroup" aria-label={t('suggestions.mode')} title={t('suggestions.modeHelp')} className="mode-buttons">
        {MODES.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={suggestions.mode === m}
            className={`mode-button${suggestions.mode === m ? ' active' : ''}`}
            onClick={() => suggestions.setMode(m)}
            data-testid={`mode-${m}`}
          >
            {t(m === 'editing' ? 'suggestions.modeEditing' : 'suggestions.modeSuggesting')}
          </button>
        ))}
      </div>
      {manage && (
        <label className="small mode-default">
          <input
            type="checkbox"
            checked={suggestions.defaultMode === 'suggesting'}
            disabled={busy || !signing.status}
            onChange={(e) => void toggleDefault(e.target.checked)}
            data-testid="default-suggesting"
          />{' '}
          {t('suggestions.defaultSuggesting')}
        </label>
      )}
      {notice && (
        <p className="mode-refused small" role="status" data-testid="suggestion-refused">
          {t('suggestions.refused')}
        </p>
      )}
    </div>
  );
}
