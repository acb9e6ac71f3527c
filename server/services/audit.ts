import type { AuditView } from '../../shared/api';
import type { AuditLog } from '../store/audit';
import type { ParticipantStore } from '../store/participants';

/** Reading the audit log: its entries with the actors' names, and whether its hash chain holds. */
export class AuditService {
  constructor(
    private readonly audit: AuditLog,
    private readonly participants: ParticipantStore,
  ) {}

  view(agreementId: string): AuditView {
    // Names as they are now: a revoked participant is still named.
    const names = new Map(this.participants.list(agreementId).map((p) => [p.id, p.name]));
    return {
      entries: this.audit.list(agreementId).map((e) => ({
        seq: e.seq,
        at: e.at,
        actorId: e.actorId,
        actorName: e.actorId ? (names.get(e.actorId) ?? '') : '',
        action: e.action,
        details: e.details,
        hash: e.hash,
      })),
      chain: this.audit.verify(agreementId),
    };
  }
}
