import { reviewUrl } from '../api/exports';
import { useDates, useT } from '../intl';
import { useStatusCard } from './StatusCardContext';

/** While the version awaits signatures: Sign (for a signer who has not yet), that I signed, and the copy for review. */
export function SignerActions({ onSign }: { onSign: () => void }) {
  const { signing, status, canSign, mySignature } = useStatusCard();
  const t = useT();
  const dates = useDates();
  return (
    <>
      {canSign && (
        <button type="button" className="button primary block" data-testid="open-sign" onClick={onSign}>
          {t('signing.sign')}
        </button>
      )}
      {mySignature && status.status === 'locked' && <p className="small ok-text">{t('signing.youSigned', { date: dates.dayTime(mySignature.signedAt) })}</p>}
      {status.status === 'locked' && (
        <a className="button link review-download" href={reviewUrl(signing.agreementId)} download data-testid="download-review">
          {t('signing.downloadReview')}
        </a>
      )}
    </>
  );
}
