import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { CloseCode } from '../../shared/closeCodes';
import { closeReason, useT } from '../intl';
import { Link } from '../router';
import { SessionContext, useSessionLoader } from '../session';
import { forgetLocalCopies } from '../editor/authors/localCopy';
import './access.css';

/** Lets the open agreement tell the gate that access was revoked (close 4410), so it says so. */
const RevokedContext = createContext<() => void>(() => undefined);
export const useMarkRevoked = (): (() => void) => useContext(RevokedContext);

/**
 * Opens an agreement only for a signed-in participant: asks GET /me first,
 * shows a page for "open your personal link" (401), "no access / revoked"
 * (403) or "not found" (404), and otherwise provides the session to the
 * editor below. A refused session later on (revoked while open) swaps the
 * editor for the refusal page, and the device's copy of the document goes.
 */
export function AccessGate({ id, children }: { id: string; children: ReactNode }) {
  const t = useT();
  const loaded = useSessionLoader(id);
  const [revoked, setRevoked] = useState(false);
  const markRevoked = useCallback(() => setRevoked(true), []);

  if (loaded.state === 'loading') {
    return (
      <main className="page narrow muted" data-testid="session-loading">
        {t('access.openingSession')}
      </main>
    );
  }
  if (revoked || loaded.state === 'refused') {
    return <AccessRefused id={id} status={revoked ? 403 : loaded.state === 'refused' ? loaded.status : 403} revoked={revoked} />;
  }
  return (
    <SessionContext.Provider value={loaded.session}>
      <RevokedContext.Provider value={markRevoked}>{children}</RevokedContext.Provider>
    </SessionContext.Provider>
  );
}

function AccessRefused({ id, status, revoked }: { id: string; status: number; revoked: boolean }) {
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
