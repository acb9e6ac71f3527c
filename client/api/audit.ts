/** The audit log and the check of its hash chain (GET …/audit, server/routes/audit.ts): apart from status.ts, since only the audit dialog asks for it and the agreement page's first load need not carry its schema. */
import { AuditViewSchema } from '../../shared/schemas/audit';
import { get, under } from './http';

export const getAudit = (id: string) => get(under(id, '/audit'), AuditViewSchema);
