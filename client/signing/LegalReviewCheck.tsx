import { useState, type FormEvent } from 'react';
import { recordLegalReview } from '../api/status';
import { useDates, useT } from '../intl';
import { ActionError } from './ActionError';
import { useStatusCard } from './StatusCardContext';
import { useStatusAction } from './useStatusAction';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The readiness line for the lawyer's review the guides advise: who reviewed
 * the agreement and when, as the owner recorded it; the owner records it
 * here while the agreement is a draft.
 */
export function LegalReviewCheck() {
  const { signing, status, manage } = useStatusCard();
  const t = useT();
  const { day } = useDates();
  const { busy, error, run } = useStatusAction(signing);
  const [reviewer, setReviewer] = useState('');
  const [reviewedOn, setReviewedOn] = useState(today);
  const review = status.legalReview ?? null;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (reviewer.trim() === '') return;
    if (await run(() => recordLegalReview(signing.agreementId, { reviewer: reviewer.trim(), reviewedOn }))) setReviewer('');
  };
  return (
    <div className="legal-review" data-testid="legal-review">
      {review ? (
        <p className="small">{t('signing.legalReview.recorded', { reviewer: review.reviewer, date: day(`${review.reviewedOn}T12:00:00Z`) })}</p>
      ) : (
        <p className="small muted">{t('signing.legalReview.advice')}</p>
      )}
      {manage && status.status === 'draft' && (
        <form className="legal-review-form" onSubmit={(e) => void submit(e)}>
          <label className="field compact">
            <span>{t('signing.legalReview.reviewer')}</span>
            <input value={reviewer} maxLength={200} onChange={(e) => setReviewer(e.target.value)} data-testid="legal-reviewer" />
          </label>
          <label className="field compact">
            <span>{t('signing.legalReview.date')}</span>
            <input type="date" value={reviewedOn} max={today()} onChange={(e) => setReviewedOn(e.target.value)} data-testid="legal-review-date" />
          </label>
          <button type="submit" className="button small" disabled={busy || reviewer.trim() === ''}>
            {review ? t('signing.legalReview.recordAgain') : t('signing.legalReview.record')}
          </button>
        </form>
      )}
      <ActionError error={error} />
    </div>
  );
}
