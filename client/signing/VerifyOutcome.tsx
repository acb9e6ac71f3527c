import type { VerifyResult } from '../../shared/api';
import { useDates, useT } from '../intl';
import { Fingerprint } from './Fingerprint';

/** What a check on /verify found (client/signing/VerifyPage.tsx loads it with the answer). */
export function VerifyOutcome({ result, what }: { result: VerifyResult; what: string }) {
  const t = useT();
  const dates = useDates();
  const a = result.agreement;
  return (
    <section
      className={`card verify-result ${result.match ? 'is-match' : 'no-match'}`}
      data-testid="verify-result"
      data-match={result.match}
      data-matched={result.matched}
    >
      <p className="verify-verdict">
        <span className="verdict-mark" aria-hidden="true">
          {result.match ? '✓' : '✗'}
        </span>
        <strong>{result.match ? t('verify.match') : t('verify.noMatch')}</strong>
      </p>
      {!result.match && <p className="small">{t('verify.noMatchHelp')}</p>}
      {result.match && result.matched && (
        <p className="small" data-testid="verify-matched">
          {{ pdf: t('verify.matchPdf'), version: t('verify.matchVersion'), pages: t('verify.matchPages'), json: t('verify.matchJson') }[result.matched]}
        </p>
      )}
      {a && (
        <dl className="sign-facts">
          <dt>{t('signing.agreement')}</dt>
          <dd data-testid="verify-title">{a.title}</dd>
          <dt>{t('signing.version', { n: a.versionNumber })}</dt>
          <dd>
            <Fingerprint hash={a.versionHash} />
          </dd>
          {a.signedAt && (
            <>
              <dt>{t('signing.signed')}</dt>
              <dd>{t('verify.signedOn', { date: dates.day(a.signedAt) })}</dd>
            </>
          )}
          <dt>{t('signing.signatures')}</dt>
          <dd>
            <ul className="plain-list" data-testid="verify-signatures">
              {a.signatures.map((sig, i) => (
                <li key={i}>
                  <strong>{sig.fullName}</strong>, {sig.title} <span className="muted small">— {dates.dayTime(sig.signedAt)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
      <p className="muted small verify-checked">
        {t('common.labelColon', { label: t('verify.checked') })} {what !== result.hash && <span>{what} — </span>}
        <Fingerprint hash={result.hash} />
      </p>
    </section>
  );
}
