import { Hono } from 'hono';
import type { AuditView } from '../../shared/api';
import { authorize } from '../auth/policy';
import type { AuditLog } from '../store/audit';
import type { ParticipantStore } from '../store/participants';
import type { AuthEnv } from './access';

/** GET /api/agreements/:id/audit: the log and whether its hash chain holds. */
export function auditRoutes(audit: AuditLog, participants: ParticipantStore): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/audit', (c) => {
    authorize(c.var.participant, 'read');
    const id = c.var.agreementId;
    const names = new Map(participants.list(id).map((p) => [p.id, p.name]));
    const view: AuditView = {
      entries: audit.list(id).map((e) => ({ seq: e.seq, at: e.at, actorId: e.actorId, actorName: e.actorId ? (names.get(e.actorId) ?? '') : '', action: e.action, details: e.details, hash: e.hash })),
      chain: audit.verify(id),
    };
    return c.json(view);
  });
}
