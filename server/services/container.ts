import { findTemplate } from '../../shared/templates';
import type { AgreementTemplate } from '../../shared/template';
import { Persons } from '../auth/persons';
import { Authenticator } from '../auth/sessions';
import { signInMail } from '../auth/signInMail';
import { PersonStore } from '../store/persons';
import { RateLimitStore } from '../store/rateLimits';
import { PersonTokenStore } from '../store/personTokens';
import { CommentService } from '../comments/service';
import { EventHub } from '../events/hub';
import { ExportService } from '../export/service';
import { DraftExports } from '../export/draft';
import { ApprovalService } from '../signing/approvals';
import type { PdfBuilder } from '../signing/complete';
import { LifecycleService } from '../signing/lifecycle';
import { AgreementStore } from '../store/agreements';
import { ApprovalStore } from '../store/approvals';
import { AuditLog } from '../store/audit';
import type { Db } from '../store/db';
import { DocStore } from '../store/docs';
import { can } from '../auth/policy';
import { ParticipantStore } from '../store/participants';
import { PartyStore } from '../store/parties';
import { SessionStore } from '../store/sessions';
import { ThreadStore } from '../store/threads';
import { VersionStore } from '../store/versions';
import { prepareDoc } from '../sync/prepareDoc';
import { Rooms } from '../sync/rooms';
import { Authorship } from '../sync/authorship';
import { AuthorStore } from '../store/authors';
import { AgreementService } from './agreements';
import { AuditService } from './audit';
import { ParticipantService } from './participants';
import { PartyService } from './parties';
import { SuggestionService } from './suggestions';
import { HistoryStore } from '../store/history';
import { HistoryService } from './history';
import { HistoryCompare } from './historyCompare';
import { HistoryRecorder, type CheckpointTiming, type HistoryClock } from './historyRecorder';
import { HistoryRedline } from './historyRedline';
import { HistoryRestorer } from './historyRestorer';
import type { Clock } from '../lifecycle/clock';
import { createAfterSigning } from '../lifecycle';
import { FollowUps } from '../lifecycle/followUps';
import { systemClock } from '../lifecycle/clock';
import { CalendarService } from '../calendar/service';
import { CalendarStore } from '../calendar/store';
import { createNotifications, type MailOptions } from '../notify';

export interface ContainerOptions {
  idleMs: number;
  compactAfter: number;
  log: (message: string) => void;
  /** Builds the signed PDF at completion (the real builder unless a test holds it). */
  buildPdf?: PdfBuilder;
  /** When automatic checkpoints are taken, and on which clock (tests use small values and their own clock). */
  history?: { timing?: CheckpointTiming; clock?: HistoryClock };
  /** The clock of everything dated after signing (tests move it forward); the drafting history's too unless it has its own. */
  clock?: Clock;
  /** E-mail through SMTP (with `publicUrl`, for the links); without it notifications show in the app only. */
  mail?: MailOptions;
  publicUrl?: string;
}

/** Builds every store and service once, in dependency order. */
export function createServices(db: Db, options: ContainerOptions) {
  const agreementStore = new AgreementStore(db);
  const participantStore = new ParticipantStore(db);
  const threadStore = new ThreadStore(db);
  const partyStore = new PartyStore(db);
  const versions = new VersionStore(db);
  const audit = new AuditLog(db);
  const hub = new EventHub();
  // With several instances (PostgreSQL), whether a client's update may still be stored is decided again in the append's transaction.
  const docs = new DocStore(db, (status, editorId) => {
    const editor = participantStore.get(editorId);
    return status === 'draft' && editor !== undefined && can(editor, 'edit');
  });
  const authorStore = new AuthorStore(db);
  // Who wrote what: bound as updates are applied, announced to everyone on the agreement.
  // ENTENTE_AUTHORSHIP=off is for the fan-out benchmark alone (bench/README.md), to measure the check: it verifies nothing.
  const authorshipOff = process.env.ENTENTE_AUTHORSHIP === 'off';
  if (authorshipOff) options.log('ENTENTE_AUTHORSHIP=off: authorship is neither recorded nor checked (benchmark only)');
  const authorship = new Authorship({
    store: authorStore,
    changed: (id, authors) => hub.publish(id, 'authors', { authors }),
    log: options.log,
    off: authorshipOff,
    shared: db.dialect === 'postgres',
  });
  /** The id of the template an agreement was drafted from, as recorded ('' for an unknown agreement). */
  const templateIdOf = (agreementId: string): string => agreementStore.get(agreementId)?.templateId ?? '';
  const templateOf = (agreementId: string): AgreementTemplate => {
    const template = findTemplate(templateIdOf(agreementId));
    if (!template) throw new Error(`agreement ${agreementId} has no known template`);
    return template;
  };
  const isDraft = (agreementId: string): boolean => versions.status(agreementId) === 'draft';
  const personStore = new PersonStore(db);
  const notifications = createNotifications({
    db,
    samePerson: (id) => personStore.samePerson(id),
    participants: participantStore,
    agreements: agreementStore,
    versions,
    hub,
    clock: options.clock ?? systemClock,
    mail: options.mail,
    publicUrl: options.publicUrl,
    log: options.log,
  });

  const rooms = new Rooms(docs, agreementStore, {
    ...options,
    isLocked: (id) => !isDraft(id),
    authorship,
    templateOf,
    prepare: (id, doc) => {
      const stored = partyStore.list(id);
      const { ids } = prepareDoc(doc, { template: templateOf(id), stored, draft: isDraft(id) });
      // An agreement from before parties were server data: its parties become the server's list.
      if (stored.length === 0 && ids.length > 0) partyStore.transaction(() => ids.forEach((p) => partyStore.add(id, p)));
    },
  });
  const approvals = new ApprovalService({
    approvals: new ApprovalStore(db),
    participants: participantStore,
    rooms,
    audit,
    hub,
    templateOf,
    isDraft,
    shared: db.dialect === 'postgres',
    afterApprove: notifications.approved,
  });
  // A stored edit may change an approved section: approvals check, and clear what it changed.
  rooms.onStored((id, editors, roots) => approvals.scheduleReconcile(id, editors, roots));
  const historyStore = new HistoryStore(db);
  const historyService = new HistoryService({ store: historyStore, rooms, participants: participantStore, hub, templateOf });
  const recorder = new HistoryRecorder(
    (id) => void historyService.record(id, { kind: 'auto', by: null }),
    options.history?.timing,
    options.history?.clock ?? options.clock,
    options.log,
  );
  // Who edited, and when to take an automatic checkpoint: one timer moved per stored batch.
  rooms.onStored((id, editors) => {
    historyService.edited(id, editors);
    recorder.edited(id);
  });
  const historyCompare = new HistoryCompare({ history: historyService, store: historyStore, rooms, templateOf, clientsOf: (id) => authorStore.bindings(id) });
  const history = {
    service: historyService,
    recorder,
    compare: historyCompare,
    restorer: new HistoryRestorer({ history: historyService, rooms, audit, templateOf, statusOf: (id) => versions.status(id) }),
    redline: new HistoryRedline({ compare: historyCompare, agreements: agreementStore, templateOf, signedAt: (id) => versions.current(id)?.signedAt ?? null }),
  };
  const clock = options.clock ?? systemClock;
  const auth = new Authenticator(participantStore, new SessionStore(db), personStore, () => clock.now());
  const persons = new Persons({
    store: personStore,
    tokens: new PersonTokenStore(db),
    auth,
    clock,
    mail: signInMail({ outbox: notifications.outbox, clock, configured: notifications.service.mailConfigured, queued: () => notifications.worker?.kick() }),
    limits: new RateLimitStore(db),
    publicUrl: options.publicUrl,
  });
  const participants = new ParticipantService(
    participantStore,
    auth,
    rooms,
    hub,
    audit,
    partyStore,
    (id) => versions.lockedSignersOf(id),
    templateIdOf,
    notifications.invited,
  );
  const parties = new PartyService({
    parties: partyStore,
    participants: participantStore,
    rooms,
    audit,
    hub,
    templateOf,
    statusOf: (id) => versions.status(id),
  });
  const exports = new ExportService({ versions, agreements: agreementStore, audit, templateOf });
  const afterSigning = createAfterSigning({ db, versions, participants: participantStore, audit, hub, exports, clock: options.clock, log: options.log });
  afterSigning.onNotice(notifications.notice);
  afterSigning.onDue(notifications.due);
  // Renewals and amendments open new drafts through the same creation as any agreement (set below, once it exists).
  const late: { createAgreement?: AgreementService['create'] } = {};
  const followUps = new FollowUps({
    db,
    versions,
    agreements: agreementStore,
    create: (input, fill) => {
      if (!late.createAgreement) throw new Error('agreements are not ready');
      return late.createAgreement(input, fill);
    },
    audit,
    hub,
    service: afterSigning.service,
    templateOf,
    clock: afterSigning.clock,
    history: historyStore,
    compare: historyCompare,
  });
  // Open suggestions with their authors from the authorship record; the draft exports print them as a redline.
  const suggestions = new SuggestionService({ rooms, authors: authorStore, templateOf });
  const services = {
    agreementStore,
    rooms,
    hub,
    authorship,
    authors: authorStore,
    suggestions,
    drafts: new DraftExports({ rooms, suggestions, templateOf }),
    auth,
    persons,
    audit: new AuditService(audit, participantStore),
    participants,
    parties,
    approvals,
    agreements: new AgreementService({
      db,
      agreements: agreementStore,
      docs,
      rooms,
      participants,
      parties: partyStore,
      auth,
      audit,
      afterCreate: (id, ownerId) => void historyService.record(id, { kind: 'created', by: ownerId }),
    }),
    comments: new CommentService({
      threads: threadStore,
      participants: participantStore,
      agreements: agreementStore,
      rooms,
      hub,
      isDraft,
      mentioned: notifications.mentioned,
    }),
    lifecycle: new LifecycleService({
      versions,
      participants: participantStore,
      threads: threadStore,
      approvals,
      rooms,
      audit,
      hub,
      templateOf,
      buildPdf: options.buildPdf,
      log: options.log,
      afterLock: (v, by) => {
        void historyService.record(v.agreementId, { kind: 'locked', by: by.id, lockedVersion: v.number });
        notifications.locked(
          v.agreementId,
          versions.signers(v.id).map((s) => s.participantId),
        );
      },
      afterSigned: (versionId) => {
        afterSigning.signed(versionId);
        notifications.signed(versionId);
      },
      now: () => afterSigning.clock.now(),
    }),
    history,
    exports,
    afterSigning,
    notifications,
    followUps,
    calendar: new CalendarService({
      store: new CalendarStore(db),
      participants: participantStore,
      agreements: agreementStore,
      service: afterSigning.service,
      lifecycle: afterSigning.store,
      clock: afterSigning.clock,
      languageOf: (p) => notifications.service.preferences(p).language,
      publicUrl: options.publicUrl,
      personParticipants: (personId) => auth.participantsOf(personId),
    }),
    legalReview: { audit, versions, hub },
  };
  late.createAgreement = (input, fill) => services.agreements.create(input, fill);
  return services;
}

export type Services = ReturnType<typeof createServices>;
