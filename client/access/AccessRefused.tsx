import { useEffect } from 'react';
import { CloseCode } from '../../shared/closeCodes';
import { closeReason, useT } from '../intl';
import { Link } from '../router';
import { forgetLocalCopies } from '../editor/authors/localCopy';
import './access.css';

/**
 * The page of a reader the server does not let in: "open your personal
 * link" (401), "no access / revoked" (403) or "not found" (404). Its own
 * chunk, without the data layer: client/routes.tsx shows it straight from
 * a bare GET /me, and the access gate when a session is refused later on.
 */
export function AccessRefused({ id, status, revoked }: { id: string; status: number; revoked: boolean }) {
  const t = useT();

  useEffect(() => {
    if (status !== 403) return;
    // No access any more: do not keep the agreement's text on this device.
    void forgetLocalCopies(id);
  }, [id, status]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  let title: string;
  let lines: string[];
  if (status === 401) {
    title = t('access.signInTitle');
    lines = [t('access.signIn'), t('access.signInHelp')];
  } else if (status === 404) {
    title = t('access.notFoundTitle');
    lines = [closeReason(t, CloseCode.UnknownAgreement) ?? t('app.notFound')];
  } else if (revoked) {
    title = t('access.revokedTitle');
    lines = [closeReason(t, CloseCode.Revoked) ?? t('access.noAccess'), t('access.noAccessHelp')];
  } else {
    title = t('access.noAccessTitle');
    lines = [t('access.noAccess'), t('access.noAccessHelp')];
  }
  return (
    <main className="page narrow">
      <section
        className={`card access-card status-${status}`}
        data-testid="access-refused"
        data-status={status}
        data-revoked={revoked ? 'true' : undefined}
        role="alert"
      >
        <h1>{title}</h1>
        <div data-testid="refusal">
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        <Link href="/">{t('app.back')}</Link>
      </section>
    </main>
  );
}
