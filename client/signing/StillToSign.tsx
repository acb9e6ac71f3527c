import { useT } from '../intl';
import { useStatusCard } from './StatusCardContext';

/** Who has not signed yet, from the people recorded at lock: "Still to sign: Paul (Party B), …". */
export function StillToSign() {
  const { status, manage } = useStatusCard();
  const t = useT();
  const pending = status.signers.filter((x) => !x.signed);
  return (
    <div className="still-to-sign small">
      {pending.length > 0 && (
        <p data-testid="still-to-sign">
          <strong>{t('signing.stillToSign')}</strong>{' '}
          {pending.map((x) => t('signing.signerOf', { name: x.name, party: x.partyName || t('party.unnamed') })).join(', ')}
        </p>
      )}
      {manage && <p className="muted">{t('signing.signersFixed')}</p>}
    </div>
  );
}
