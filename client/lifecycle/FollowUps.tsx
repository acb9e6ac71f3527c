import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LifecycleView } from '../../shared/lifecycleSchemas';
import { decideRenewal, getLinks, openAmendment } from '../api/lifecycle';
import { errorText } from '../errorText';
import { useDates, useT } from '../intl';
import { Link, navigate } from '../router';
import { AgreementChain } from './AgreementChain';
import { AmendmentChanges } from './AmendmentChanges';
import { lifecycleKey } from './queries';

/**
 * The original and what follows from it: its amendments in order, the
 * renewal decision, and for the owner "propose an amendment" and, from the
 * review date, "renew" or "let it expire" (a new draft opens, prefilled and linked).
 */
export function FollowUps({ agreementId, view }: { agreementId: string; view: LifecycleView }) {
  const t = useT();
  const dates = useDates();
  const client = useQueryClient();
  const key = linksKey(agreementId);
  const links = useQuery({ queryKey: key, queryFn: ({ signal }) => getLinks(agreementId, signal) });
  const opened = (id: string | null) => {
    void client.invalidateQueries({ queryKey: key });
    if (id) navigate(`/a/${id}`);
  };
  const amend = useMutation({ mutationFn: () => openAmendment(agreementId), onSuccess: ({ id }) => opened(id) });
  const renew = useMutation({ mutationFn: (decision: 'renew' | 'expire') => decideRenewal(agreementId, decision), onSuccess: ({ id }) => opened(id) });
  const l = links.data;
  const owner = view.may.settings && view.phase !== 'ended';
  const reviewDue = view.dates?.renewalReviewDate !== undefined && view.dates.renewalReviewDate !== null && view.today >= view.dates.renewalReviewDate;
  const error = amend.error ?? renew.error;
  return (
    <section className="follow-ups" data-testid="follow-ups">
      <OriginNote agreementId={agreementId} />
      {/* On an amendment's page the origin note shows its original's chain. */}
      {l && l.source?.kind !== 'amendment' && <AgreementChain links={l} />}
      {l?.renewal && (
        <p className="small" data-testid="renewal-decision">
          {l.renewal.decision === 'expire' ? t('lifecycle.letExpire') : t('lifecycle.renewed')}{' '}
          {l.renewal.agreement && <Link href={`/a/${l.renewal.agreement.id}`}>{l.renewal.agreement.title}</Link>}
        </p>
      )}
      {owner && view.phase === 'in_force' && !reviewDue && view.dates?.renewalReviewDate && l && !l.renewal && (
        <p className="small muted" data-testid="renewal-choice-from">
          {t('lifecycle.renewalChoiceFrom', { date: dates.day(`${view.dates.renewalReviewDate}T12:00:00.000Z`) })}
        </p>
      )}
      {owner && (
        <div className="download-buttons">
          <button type="button" className="button" disabled={amend.isPending} onClick={() => amend.mutate()} data-testid="propose-amendment">
            {t('lifecycle.proposeAmendment')}
          </button>
          {reviewDue && l && !l.renewal && (
            <>
              <button type="button" className="button primary" disabled={renew.isPending} onClick={() => renew.mutate('renew')} data-testid="renew">
                {t('lifecycle.renew')}
              </button>
              <button type="button" className="button" disabled={renew.isPending} onClick={() => renew.mutate('expire')} data-testid="let-expire">
                {t('lifecycle.letExpireButton')}
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <p className="error small" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}

const linksKey = (id: string) => [...lifecycleKey(id), 'links'] as const;

/** On an amendment or a renewal, in any state: which signed original it comes from, what it changes, and (an amendment) its original's chain. */
export function OriginNote({ agreementId }: { agreementId: string }) {
  const t = useT();
  const dates = useDates();
  const links = useQuery({ queryKey: linksKey(agreementId), queryFn: ({ signal }) => getLinks(agreementId, signal) });
  const source = links.data?.source;
  if (!source) return null;
  return (
    <>
      <p className="small origin-note" data-testid="origin-note">
        {t(source.kind === 'renewal' ? 'lifecycle.renews' : 'lifecycle.amends', { title: source.title })}{' '}
        <Link href={`/a/${source.id}`}>{t('lifecycle.openOriginal')}</Link>
      </p>
      {source.behind && (
        // Signed since this draft was opened: its changes are not in this draft, which started from the text before it.
        <p className="small behind-note" role="note" data-testid="behind-note">
          {t('lifecycle.behind', { title: source.behind.title, date: source.behind.signedAt ? dates.day(source.behind.signedAt) : '' })}{' '}
          <Link href={`/a/${source.behind.id}`}>{t('lifecycle.openBehind')}</Link>
        </p>
      )}
      <AmendmentChanges agreementId={agreementId} source={source} />
      {source.kind === 'amendment' && <AgreementChain links={links.data!} />}
    </>
  );
}
