import type { ExportService } from '../export/service';
import type { EventHub } from '../events/hub';
import type { AuditLog } from '../store/audit';
import type { Db } from '../store/db';
import type { ParticipantStore } from '../store/participants';
import type { VersionStore } from '../store/versions';
import { systemClock, type Clock } from './clock';
import { dbLinkLookup } from './chain';
import { SignedCopies } from './copies';
import type { DueEvent } from './dueEvents';
import { Dashboard } from './dashboard';
import { LifecycleScheduler } from './scheduler';
import { AfterSigningService, type SignedState } from './service';
import { LifecycleStore, type Notice } from './store';

export interface AfterSigningDeps {
  db: Db;
  versions: VersionStore;
  participants: ParticipantStore;
  audit: AuditLog;
  hub: EventHub;
  exports: ExportService;
  clock?: Clock;
  log: (message: string) => void;
}

/** What happens after signing, built once (services/container.ts) and started with the server. */
export function createAfterSigning(d: AfterSigningDeps) {
  const clock = d.clock ?? systemClock;
  const store = new LifecycleStore(d.db);
  const noticeListeners: ((agreementId: string, notice: Notice) => void)[] = [];
  const service = new AfterSigningService({
    store,
    versions: d.versions,
    participants: d.participants,
    audit: d.audit,
    hub: d.hub,
    clock,
    afterNotice: (id, notice) => noticeListeners.forEach((listen) => listen(id, notice)),
    links: dbLinkLookup(d.db),
  });
  const copies = new SignedCopies({ store, versions: d.versions, audit: d.audit, describe: (hash) => d.exports.verify({ hash }) });
  const handlers: ((event: DueEvent, state: SignedState) => void)[] = [
    // The end is in the audit log once, whatever ended it (its date, or a notice taking effect).
    (event, state) => {
      if (event.kind !== 'ended') return;
      const id = state.version.agreementId;
      d.audit.append(id, null, 'ended', { version: state.version.number, on: event.on, by: state.endedBy });
      d.hub.publish(id, 'status', {});
    },
  ];
  const scheduler = new LifecycleScheduler({ store, service, versions: d.versions, clock, log: d.log, handlers });
  const dashboard = new Dashboard(d.db, { versions: d.versions, service, store });
  return {
    clock,
    store,
    service,
    copies,
    scheduler,
    dashboard,
    /** Another concern (notifications) acting on the scheduler's events or on a notice. */
    onDue: (handle: (event: DueEvent, state: SignedState) => void) => void handlers.push(handle),
    onNotice: (listen: (agreementId: string, notice: Notice) => void) => void noticeListeners.push(listen),
    /** After a completion: the JSON copy's hash is kept so /api/verify knows it at once. */
    signed: (versionId: string) => void copies.remember(versionId),
  };
}

export type AfterSigning = ReturnType<typeof createAfterSigning>;
