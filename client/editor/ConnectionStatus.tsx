import { useSyncExternalStore } from 'react';
import { CLOSE_REASONS } from '../../shared/closeCodes';
import { useI18n } from '../i18n';
import type { SyncMonitor } from './syncMonitor';

/** Always-visible connection and save state. `data-state` is for tests and styling. */
export function ConnectionStatus({ monitor }: { monitor: SyncMonitor }) {
  const { t, lang } = useI18n();
  const snap = useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);
  let label: string = t.status[snap.detail];
  if (snap.detail === 'offline' && snap.pending) label = t.status.offlinePending;
  const reason = snap.refusal !== null ? CLOSE_REASONS[snap.refusal]?.[lang] : undefined;
  if (snap.state === 'refused' && reason) label = reason;
  return (
    <div className={`connection-status state-${snap.state} detail-${snap.detail}`} data-testid="connection-status" data-state={snap.state} data-detail={snap.detail} data-code={snap.refusal ?? undefined} role="status" aria-live="polite">
      <span className="status-dot" aria-hidden="true" />
      <span className="status-label">{label}</span>
    </div>
  );
}
