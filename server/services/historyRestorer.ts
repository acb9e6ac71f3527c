import type { HistoryEntryView } from '../../shared/historySchemas';
import type { AgreementTemplate } from '../../shared/template';
import { HttpError } from '../errors';
import type { AgreementStatus } from '../store/versions';
import type { AuditLog } from '../store/audit';
import type { Participant } from '../store/participants';
import type { Rooms } from '../sync/rooms';
import type { HistoryService } from './history';
import { restoreVersion } from './historyRestore';

export interface RestorerDeps {
  history: HistoryService;
  rooms: Rooms;
  audit: AuditLog;
  templateOf: (agreementId: string) => AgreementTemplate;
  statusOf: (agreementId: string) => AgreementStatus;
}

/**
 * Restores a version (or one section of it) as a new change on top of the
 * history: the server writes the old content into the live document like
 * any edit, so it is stored, sent to everyone, and clears the approvals of
 * the sections it changes (the approvals service sees it as a stored edit);
 * then it is recorded as a 'restored' version and logged in the audit log.
 */
export class HistoryRestorer {
  constructor(private readonly d: RestorerDeps) {}

  restore(by: Participant, id: string, section: string | undefined): HistoryEntryView {
    const agreementId = by.agreementId;
    const status = this.d.statusOf(agreementId);
    if (status !== 'draft') throw new HttpError(409, status, `The agreement is ${status}: nothing can be restored.`);
    const template = this.d.templateOf(agreementId);
    if (section !== undefined && !template.sections.some((s) => s.key === section))
      throw new HttpError(400, 'invalid_request', `section: no section "${section}"`);
    const entry = this.d.history.entry(agreementId, id);
    const state = this.d.history.state(agreementId, id);
    // The text as it is now becomes a version first (unless it is one): the restore can itself be undone, and says what it changed.
    this.d.history.record(agreementId, { kind: 'auto', by: null });
    const changed = this.d.rooms.change(agreementId, (doc) => restoreVersion(doc, state, template, section));
    const recorded = this.d.history.record(agreementId, { kind: 'restored', by: by.id, restoredFrom: entry.number });
    if (!recorded) throw new Error('a restore is always recorded');
    this.d.audit.append(agreementId, by.id, 'restored', {
      version: entry.number,
      hash: entry.hash,
      section: section ?? null,
      sections: changed,
      as: recorded.number,
    });
    return this.d.history.view(recorded, this.d.history.names(agreementId));
  }
}
