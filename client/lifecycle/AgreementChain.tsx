import type { LinksView } from '../../shared/lifecycleSchemas';
import { useDates, useT } from '../intl';
import { Link } from '../router';

/**
 * The agreement as it stands: the original, then its signed amendments in
 * the order they were signed, each with its date and a link; the amendments
 * still being drafted are listed apart, as in progress. Nothing for an
 * agreement that was never amended.
 */
export function AgreementChain({ links }: { links: LinksView }) {
  const t = useT();
  const dates = useDates();
  const { original, inForce, inProgress } = links.chain;
  if (inForce.length === 0 && inProgress.length === 0) return null;
  const signed = (at: string | null) => (at ? dates.day(at) : '');
  return (
    <div className="agreement-chain">
      <h3 className="status-subheading">{t('lifecycle.chain')}</h3>
      <ol className="small" data-testid="agreement-chain">
        <li>
          <Link href={`/a/${original.id}`}>{original.title}</Link> — {t('lifecycle.chainOriginal', { date: signed(original.signedAt) })}
        </li>
        {inForce.map((a, i) => (
          <li key={a.id}>
            <Link href={`/a/${a.id}`}>{a.title}</Link> — {t('lifecycle.chainAmendment', { n: i + 1, date: signed(a.signedAt) })}
          </li>
        ))}
      </ol>
      {inProgress.length > 0 && (
        <>
          <h4 className="small">{t('lifecycle.inProgress')}</h4>
          <ul className="small" data-testid="amendments-in-progress">
            {inProgress.map((a) => (
              <li key={a.id}>
                <Link href={`/a/${a.id}`}>{a.title}</Link> — {t(`signing.status.${a.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
