import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LifecycleView } from '../../shared/lifecycleSchemas';
import { decideRenewal, getLinks, openAmendment } from '../api';
import { errorText } from '../errorText';
import { useT } from '../intl';
import { Link, navigate } from '../router';
import { lifecycleKey } from './queries';

/**
 * The original and what follows from it: its amendments in order, the
 * renewal decision, and for the owner "propose an amendment" and, from the
 * review date, "renew" or "let it expire" (a new draft opens, prefilled and linked).
 */
export function FollowUps({ agreementId, view }: { agreementId: string; view: LifecycleView }) {
  const t = useT();
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
      {l && l.amendments.length > 0 && (
        <>
          <h3 className="status-subheading">{t('lifecycle.amendments')}</h3>
          <ol className="small" data-testid="amendments">
            {l.amendments.map((a) => (
              <li key={a.id}>
                <Link href={`/a/${a.id}`}>{a.title}</Link> — {t(`signing.status.${a.status}`)}
              </li>
            ))}
          </ol>
        </>
      )}
      {l?.renewal && (
        <p className="small" data-testid="renewal-decision">
          {l.renewal.decision === 'expire' ? t('lifecycle.letExpire') : t('lifecycle.renewed')}{' '}
          {l.renewal.agreement && <Link href={`/a/${l.renewal.agreement.id}`}>{l.renewal.agreement.title}</Link>}
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

/** On an amendment or a renewal, in any state: which signed original it comes from. */
export function OriginNote({ agreementId }: { agreementId: string }) {
  const t = useT();
  const links = useQuery({ queryKey: linksKey(agreementId), queryFn: ({ signal }) => getLinks(agreementId, signal) });
  const source = links.data?.source;
  if (!source) return null;
  return (
    <p className="small origin-note" data-testid="origin-note">
      {t(source.kind === 'renewal' ? 'lifecycle.renews' : 'lifecycle.amends', { title: source.title })}{' '}
      <Link href={`/a/${source.id}`}>{t('lifecycle.openOriginal')}</Link>
    </p>
  );
}
