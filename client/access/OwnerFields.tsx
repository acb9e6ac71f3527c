import type { PartyInput } from '../../shared/schema';
import type { Translate } from '../../shared/i18n/translate';
import { useT } from '../intl';
import { looksLikeEmail } from './validate';
import './access.css';

export interface OwnerInput {
  name: string;
  email: string;
  /** Index of the creator's party among the parties being entered. */
  partyIndex: number;
}

export const emptyOwner = (): OwnerInput => ({ name: '', email: '', partyIndex: 0 });

/** What is wrong with the owner fields, in words; null when they are fine. */
export function ownerProblem(owner: OwnerInput, t: Translate): string | null {
  if (owner.name.trim() === '') return t('new.ownerNameRequired');
  if (!looksLikeEmail(owner.email)) return t('new.ownerEmailInvalid');
  return null;
}

/** Keeps the owner's party pointing at the same party when one is removed from the form. */
export function afterPartyRemoved(owner: OwnerInput, removed: number): OwnerInput {
  if (removed < owner.partyIndex) return { ...owner, partyIndex: owner.partyIndex - 1 };
  if (removed === owner.partyIndex) return { ...owner, partyIndex: 0 };
  return owner;
}

/** The creator of a new agreement: name, email and which of the parties they belong to. */
export function OwnerFields({ owner, parties, onChange }: { owner: OwnerInput; parties: PartyInput[]; onChange: (owner: OwnerInput) => void }) {
  const t = useT();
  return (
    <fieldset className="owner-fields" data-testid="owner-fields">
      <legend>{t('new.ownerHeading')}</legend>
      <p className="muted small owner-help">{t('new.ownerHelp')}</p>
      <div className="owner-grid">
        <label className="field">
          <span>{t('new.ownerName')}</span>
          <input
            name="ownerName"
            autoComplete="name"
            value={owner.name}
            maxLength={120}
            onChange={(e) => onChange({ ...owner, name: e.target.value })}
            required
          />
        </label>
        <label className="field">
          <span>{t('new.ownerEmail')}</span>
          <input
            name="ownerEmail"
            type="email"
            autoComplete="email"
            value={owner.email}
            maxLength={254}
            onChange={(e) => onChange({ ...owner, email: e.target.value })}
            required
          />
        </label>
      </div>
      <label className="field">
        <span>{t('new.ownerParty')}</span>
        <select name="ownerParty" value={String(owner.partyIndex)} onChange={(e) => onChange({ ...owner, partyIndex: Number(e.target.value) })}>
          {parties.map((party, index) => (
            <option key={index} value={String(index)}>
              {party.legalName.trim()
                ? t('new.partyOption', { party: t('party.n', { n: index + 1 }), name: party.legalName.trim() })
                : t('party.n', { n: index + 1 })}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
