import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { CLOSE_REASONS, CloseCode } from '../../shared/closeCodes';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { SessionContext, useSessionLoader } from '../session';
import { useAccessStrings } from './i18n';
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
  const s = useAccessStrings();
  const loaded = useSessionLoader(id);
  const [revoked, setRevoked] = useState(false);
  const markRevoked = useCallback(() => setRevoked(true), []);

  if (loaded.state === 'loading') {
    return (
      <main className="page narrow muted" data-testid="session-loading">
        {s.openingSession}
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
  const { t, lang } = useI18n();
  const s = useAccessStrings();

  useEffect(() => {
    if (status !== 403) return;
    // No access any more: do not keep the agreement's text on this device.
    try {
      indexedDB.deleteDatabase(`entente:${id}`);
    } catch {
      // IndexedDB unavailable: nothing was stored.
    }
  }, [id, status]);

  useEffect(() => {
    document.title = t.appName;
  }, [t.appName]);

  let title: string;
  let lines: string[];
  if (status === 401) {
    title = s.signInTitle;
    lines = [s.signIn, s.signInHelp];
  } else if (status === 404) {
    title = s.notFoundTitle;
    lines = [CLOSE_REASONS[CloseCode.UnknownAgreement]?.[lang] ?? t.notFound];
  } else if (revoked) {
    title = s.revokedTitle;
    lines = [CLOSE_REASONS[CloseCode.Revoked]?.[lang] ?? s.noAccess, s.noAccessHelp];
  } else {
    title = s.noAccessTitle;
    lines = [s.noAccess, s.noAccessHelp];
  }
  return (
    <main className="page narrow">
      <section className={`card access-card status-${status}`} data-testid="access-refused" data-status={status} data-revoked={revoked ? 'true' : undefined} role="alert">
        <h1>{title}</h1>
        <div data-testid="refusal">
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        <Link href="/">{t.back}</Link>
      </section>
    </main>
  );
}
