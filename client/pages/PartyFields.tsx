import type { PartyInput } from '../../shared/schema';
import { useT } from '../intl';

/** One party of the creation form (plain React state, before the Y.Doc exists). */
export function PartyFields({
  index,
  party,
  onChange,
  onRemove,
}: {
  index: number;
  party: PartyInput;
  onChange: (party: PartyInput) => void;
  onRemove?: () => void;
}) {
  const t = useT();
  return (
    <fieldset className="party-input" data-testid={`new-party-${index}`}>
      <legend>{t('party.n', { n: index + 1 })}</legend>
      {onRemove && (
        <button type="button" className="button link danger remove-corner" onClick={onRemove}>
          {t('party.remove')}
        </button>
      )}
      <label className="field">
        <span>{t('party.legalName')}</span>
        <input
          name="legalName"
          value={party.legalName}
          maxLength={300}
          placeholder={t('party.legalNameHint')}
          onChange={(e) => onChange({ ...party, legalName: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('party.address')}</span>
        <input name="address" value={party.address} maxLength={500} onChange={(e) => onChange({ ...party, address: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('party.mission')}</span>
        <textarea name="mission" rows={2} value={party.mission} maxLength={2000} onChange={(e) => onChange({ ...party, mission: e.target.value })} />
      </label>
    </fieldset>
  );
}
