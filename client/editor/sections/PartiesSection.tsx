import { useState } from 'react';
import type * as Y from 'yjs';
import { ApiFailure, addParty, removeParty } from '../../api';
import { useI18n, type Strings } from '../../i18n';
import { useCanEdit, useSession } from '../../session';
import { BoundInput } from '../BoundInput';
import type { SectionProps } from './types';
import { useParties, usePartyName } from './useParties';

function PartyCard({ party, index, onRemove }: { party: Y.Map<unknown>; index: number; onRemove?: () => void }) {
  const { t } = useI18n();
  return (
    <li className="party-card" data-party-index={index}>
      <div className="party-card-header">
        <span className="party-badge">{t.partyN(index + 1)}</span>
        {onRemove && (
          <button type="button" className="button link danger" data-testid="remove-party" onClick={onRemove}>
            {t.removeParty}
          </button>
        )}
      </div>
      <BoundInput map={party} field="legalName" label={t.legalName} placeholder={t.legalNameHint} maxLength={300} />
      <BoundInput map={party} field="address" label={t.address} maxLength={500} />
    </li>
  );
}

function RemovablePartyCard({ party, index, onRemove }: { party: Y.Map<unknown>; index: number; onRemove?: (name: string) => void }) {
  const name = usePartyName(party);
  return <PartyCard party={party} index={index} onRemove={onRemove && (() => onRemove(name))} />;
}

/** The server's refusal, in the reader's language when we know its code. */
function refusal(error: unknown, t: Strings, minParties: number): string {
  if (!(error instanceof ApiFailure)) return t.partyChangeFailed;
  if (error.code === 'min_parties') return t.partyMinimum(minParties);
  if (error.code === 'party_in_use') return /participant/i.test(error.message) ? t.partyHasParticipants : t.partyHasApprovedOrSigned;
  return error.message;
}

/**
 * The structured list of parties: legal name and address, edited by anyone
 * who may edit. Adding and removing a party is the owner's, through the
 * server (parties are server data; an edit cannot add or remove one).
 */
export function PartiesSection({ collab, template }: SectionProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const parties = useParties(collab.doc);
  const manage = useCanEdit() && me.can.manage;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<unknown>): void => {
    setBusy(true);
    setError('');
    action().then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(refusal(e, t, template.minParties));
      },
    );
  };
  const remove = manage && parties.length > template.minParties
    ? (id: string) => (name: string) => {
        if (window.confirm(t.removePartyConfirm(name))) run(() => removeParty(collab.id, id));
      }
    : undefined;
  return (
    <>
      <ol className="party-cards">
        {parties.map((p, index) => (
          <RemovablePartyCard key={p.id} party={p.map} index={index} onRemove={remove?.(p.id)} />
        ))}
      </ol>
      {error && (
        <p className="error small" role="alert" data-testid="party-error">
          {error}
        </p>
      )}
      {manage && (
        <button type="button" className="button ghost" data-testid="add-party" disabled={busy} onClick={() => run(() => addParty(collab.id))}>
          + {t.addParty}
        </button>
      )}
    </>
  );
}
