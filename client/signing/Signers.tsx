import { usePartyNames } from '../editor/usePartyNames';
import { useDates, useT } from '../intl';
import { partyLabel } from './describe';
import { useStatusCard } from './StatusCardContext';

/** Each party's people who must sign (recorded at lock), and who has. */
export function Signers() {
  const { signing, status } = useStatusCard();
  const t = useT();
  const dates = useDates();
  const parties = usePartyNames(signing.doc);
  const total = status.signers.length;
  const done = status.signers.filter((x) => x.signed).length;
  // Parties of the agreement in document order; signers of parties that left are shown too.
  const partyIds = [...new Set([...parties.keys(), ...status.signers.map((x) => x.partyId)])];
  const ctx = { parties, unnamedParty: t('party.unnamed'), t };
  return (
    <div className="signers-block" data-testid="signers">
      <h3 className="status-subheading">
        {t('signing.signatures')} <span className="muted small">{t('signing.signaturesCount', { signed: done, total })}</span>
      </h3>
      <ul className="signer-parties">
        {partyIds.map((partyId) => {
          const people = status.signers.filter((x) => x.partyId === partyId);
          return (
            <li key={partyId} data-party={partyId}>
              <span className="signer-party">{partyLabel(ctx, partyId)}</span>
              {people.length === 0 ? (
                <p className="muted small">{t('signing.noSigners')}</p>
              ) : (
                <ul className="signer-list">
                  {people.map((person) => {
                    const signature = status.signatures.find((x) => x.participantId === person.participantId);
                    return (
                      <li
                        key={person.participantId}
                        className={person.signed ? 'signer signed' : 'signer pending'}
                        data-signer={person.name}
                        data-signed={person.signed}
                      >
                        <span className="signer-mark" aria-hidden="true">
                          {person.signed ? '✓' : '…'}
                        </span>
                        <span>
                          <span className="signer-name">{signature ? `${signature.fullName}, ${signature.title}` : person.name}</span>
                          <span className="muted small signer-when">
                            {signature ? t('signing.signedOn', { date: dates.dayTime(signature.signedAt) }) : t('signing.toSign')}
                          </span>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
