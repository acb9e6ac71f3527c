import { useSyncExternalStore } from 'react';
import { closeReason, useT } from '../intl';
import type { SyncMonitor, SyncSnapshot } from './syncMonitor';
import { statusText } from './connectionState';

export function useSyncSnapshot(monitor: SyncMonitor): SyncSnapshot {
  return useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);
}

/** The localized text of a final refusal's close code. */
export function useRefusalReason(snap: SyncSnapshot): string | null {
  const t = useT();
  if (snap.refusal === null) return null;
  return closeReason(t, snap.refusal) ?? t('connection.refused');
}

/** Always-visible connection and save state. `data-state` is for tests and styling. */
export function ConnectionStatus({ monitor }: { monitor: SyncMonitor }) {
  const t = useT();
  const snap = useSyncSnapshot(monitor);
  const reason = useRefusalReason(snap);
  const { label, note } = statusText(snap, t, reason);
  return (
    <div
      className={`connection-status state-${snap.state} detail-${snap.detail}`}
      data-testid="connection-status"
      data-state={snap.state}
      data-detail={snap.detail}
      data-code={snap.refusal ?? undefined}
      role="status"
      aria-live="polite"
    >
      <span className="status-dot" aria-hidden="true" />
      <span className="status-text">
        <span className="status-label">{label}</span>
        {note && <span className="status-note">{note}</span>}
      </span>
    </div>
  );
}
