import type { PartyInput } from '../../shared/schema';
import { useI18n } from '../i18n';
import { looksLikeEmail, useAccessStrings } from './i18n';
import './access.css';

export interface OwnerInput {
  name: string;
  email: string;
  /** Index of the creator's party among the parties being entered. */
  partyIndex: number;
}

export const emptyOwner = (): OwnerInput => ({ name: '', email: '', partyIndex: 0 });

/** What is wrong with the owner fields, in words; null when they are fine. */
export function ownerProblem(owner: OwnerInput, s: ReturnType<typeof useAccessStrings>): string | null {
  if (owner.name.trim() === '') return s.ownerNameRequired;
  if (!looksLikeEmail(owner.email)) return s.ownerEmailInvalid;
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
  const { t } = useI18n();
  const s = useAccessStrings();
  return (
    <fieldset className="owner-fields" data-testid="owner-fields">
      <legend>{s.you_heading}</legend>
      <p className="muted small owner-help">{s.you_help}</p>
      <div className="owner-grid">
        <label className="field">
          <span>{s.ownerName}</span>
          <input name="ownerName" autoComplete="name" value={owner.name} maxLength={120} onChange={(e) => onChange({ ...owner, name: e.target.value })} required />
        </label>
        <label className="field">
          <span>{s.ownerEmail}</span>
          <input name="ownerEmail" type="email" autoComplete="email" value={owner.email} maxLength={254} onChange={(e) => onChange({ ...owner, email: e.target.value })} required />
        </label>
      </div>
      <label className="field">
        <span>{s.ownerParty}</span>
        <select name="ownerParty" value={String(owner.partyIndex)} onChange={(e) => onChange({ ...owner, partyIndex: Number(e.target.value) })}>
          {parties.map((party, index) => (
            <option key={index} value={String(index)}>
              {party.legalName.trim() ? `${t.partyN(index + 1)} — ${party.legalName.trim()}` : t.partyN(index + 1)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
