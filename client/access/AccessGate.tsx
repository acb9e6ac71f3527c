import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useT } from '../intl';
import { SessionContext, useSessionLoader } from '../session';
import { AccessRefused } from './AccessRefused';

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
