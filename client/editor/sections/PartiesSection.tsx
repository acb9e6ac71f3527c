import { useState } from 'react';
import type * as Y from 'yjs';
import type { Translate } from '../../../shared/i18n/translate';
import { ApiFailure } from '../../apiFailure';
import { addParty, removeParty } from '../../api/parties';
import { errorText } from '../../errorText';
import { useT } from '../../intl';
import { usePartyList } from '../../data/queries';
import { useCanEdit, useSession } from '../../session';
import { BoundInput } from '../BoundInput';
import type { SectionProps } from './types';
import { useParties, usePartyName } from './useParties';

function PartyCard({ party, index, onRemove, represented }: { party: Y.Map<unknown>; index: number; onRemove?: () => void; represented: boolean }) {
  const t = useT();
  const hint = `party-${index}-represented`;
  return (
    <li className="party-card" data-party-index={index}>
      <div className="party-card-header">
        <span className="party-badge">{t('party.n', { n: index + 1 })}</span>
        {onRemove && (
          <button
            type="button"
            className="button link danger"
            data-testid="remove-party"
            onClick={onRemove}
            disabled={represented}
            aria-describedby={represented ? hint : undefined}
          >
            {t('party.remove')}
          </button>
        )}
      </div>
      {onRemove && represented && (
        <p className="muted small" id={hint} data-testid="party-represented">
          {t('error.party_has_participants')}
        </p>
      )}
      <BoundInput map={party} field="legalName" label={t('party.legalName')} placeholder={t('party.legalNameHint')} maxLength={300} />
      <BoundInput map={party} field="address" label={t('party.address')} maxLength={500} />
    </li>
  );
}

function RemovablePartyCard({
  party,
  index,
  onRemove,
  represented,
}: {
  party: Y.Map<unknown>;
  index: number;
  onRemove?: (name: string) => void;
  represented: boolean;
}) {
  const name = usePartyName(party);
  return <PartyCard party={party} index={index} onRemove={onRemove && (() => onRemove(name))} represented={represented} />;
}

/** The server's refusal, in the reader's language (each reason has its own error code). */
function refusal(error: unknown, t: Translate, minParties: number): string {
  if (error instanceof ApiFailure && error.code === 'min_parties') return t('party.minimum', { n: minParties });
  return errorText(t, error, t('party.changeFailed'));
}

/**
 * The structured list of parties: legal name and address, edited by anyone
 * who may edit. Adding and removing a party is the owner's, through the
 * server (parties are server data; an edit cannot add or remove one).
 */
export function PartiesSection({ collab, template }: SectionProps) {
  const t = useT();
  const { me } = useSession();
  const parties = useParties(collab.doc);
  // The server's list says who still has participants: their Remove waits until they are moved or revoked.
  const listed = usePartyList(collab.id).data;
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
  const remove =
    manage && parties.length > template.minParties
      ? (id: string) => (name: string) => {
          if (window.confirm(t('party.removeConfirm', { name }))) run(() => removeParty(collab.id, id));
        }
      : undefined;
  return (
    <>
      <ol className="party-cards">
        {parties.map((p, index) => (
          <RemovablePartyCard
            key={p.id}
            party={p.map}
            index={index}
            onRemove={remove?.(p.id)}
            represented={(listed?.find((l) => l.id === p.id)?.participants ?? 0) > 0}
          />
        ))}
      </ol>
      {error && (
        <p className="error small" role="alert" data-testid="party-error">
          {error}
        </p>
      )}
      {manage && (
        <button type="button" className="button ghost" data-testid="add-party" disabled={busy} onClick={() => run(() => addParty(collab.id))}>
          + {t('party.add')}
        </button>
      )}
    </>
  );
}
