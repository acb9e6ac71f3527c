import type { EditMode } from '../../shared/editMode';
import type { EventHub } from '../events/hub';
import type { AuditLog } from '../store/audit';
import type { Participant } from '../store/participants';

/**
 * The owner's default mode is kept in the audit log (`default_mode_set`),
 * like the legal review: a decision with a time and an author, which the
 * log's hash chain vouches for. The latest entry counts; none means Editing.
 */
export function defaultModeOf(audit: AuditLog, agreementId: string): EditMode {
  return audit.latest(agreementId, 'default_mode_set')?.details['mode'] === 'suggesting' ? 'suggesting' : 'editing';
}

export interface EditModeDeps {
  audit: AuditLog;
  hub: EventHub;
}

/** Sets the default for everyone; a change only when it differs, so the log holds decisions, not repeats. */
export function setDefaultMode(d: EditModeDeps, by: Participant, mode: EditMode): void {
  if (defaultModeOf(d.audit, by.agreementId) === mode) return;
  d.audit.append(by.agreementId, by.id, 'default_mode_set', { mode });
  d.hub.publish(by.agreementId, 'status', {});
}
