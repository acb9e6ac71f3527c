import type { z } from 'zod';
import type { SignSchema, StatusView, VersionView } from '../../shared/api';
import { CloseCode } from '../../shared/closeCodes';
import { readAgreement, type AgreementContent } from '../../shared/render';
import { readiness } from '../../shared/readiness';
import { findSuggestions } from '../../shared/suggestions';
import type { AgreementTemplate } from '../../shared/template';
import { authorizeRecordedSigner } from '../auth/policy';
import { newRowId } from '../auth/tokens';
import { HttpError } from '../errors';
import type { EventHub } from '../events/hub';
import type { AuditLog } from '../store/audit';
import type { Participant, ParticipantStore } from '../store/participants';
import type { ThreadStore } from '../store/threads';
import type { Version, VersionStore } from '../store/versions';
import type { Rooms } from '../sync/rooms';
import { latestLegalReview } from './legalReview';
import { defaultModeOf } from './editMode';
import type { ApprovalService } from './approvals';
import { completeVersion, type PdfBuilder } from './complete';
import { versionOf } from './hash';
import { designatedSigners, everyoneSigned, partiesWithoutSigner, signerViews } from './signers';

export interface LifecycleDeps {
  versions: VersionStore;
  participants: ParticipantStore;
  threads: ThreadStore;
  approvals: ApprovalService;
  rooms: Rooms;
  audit: AuditLog;
  hub: EventHub;
  templateOf: (agreementId: string) => AgreementTemplate;
  /** The signed PDF's builder (the real one unless a test holds it). */
  buildPdf?: PdfBuilder;
  log?: (message: string) => void;
  /** After a lock is stored (the drafting history keeps a copy of the version). */
  afterLock?: (version: Version, by: Participant) => void;
  /** After a version is completed, signed by everyone (its JSON copy is kept, every party told). */
  afterSigned?: (versionId: string) => void;
  /** Now, on the server's clock (server/lifecycle/clock.ts): tests move it forward. */
  now?: () => number;
}

const toVersionView = (v: Version): VersionView => ({
  number: v.number,
  hash: v.hash,
  status: v.status,
  lockedAt: v.lockedAt,
  closedAt: v.closedAt,
  closeReason: v.closeReason,
  signedAt: v.signedAt,
  pdfHash: v.pdfHash,
});

/**
 * The end of drafting: readiness, lock, unlock, cancel, sign. Routes have
 * asked the policy (manage, sign) before calling; the state checks are here.
 */
export class LifecycleService {
  constructor(private readonly d: LifecycleDeps) {}

  status(agreementId: string): StatusView {
    const template = this.d.templateOf(agreementId);
    const version = this.d.versions.current(agreementId);
    const { content, suggestions } = this.d.rooms.read(agreementId, (doc) => ({
      content: readAgreement(doc, template),
      suggestions: findSuggestions(doc, template).map((s) => s.id),
    }));
    const valid = this.d.approvals.valid(agreementId, content);
    const signatures = version ? this.d.versions.signatures(version.id) : [];
    const people = this.d.participants.list(agreementId);
    // Once locked, who was recorded for that version (and its party names); before, who a lock would record now.
    const signers = version
      ? signerViews(this.d.versions.signers(version.id), people, JSON.parse(version.canonical) as AgreementContent, signatures)
      : signerViews(designatedSigners(people, content), people, content, []);
    return {
      status: this.d.versions.status(agreementId),
      version: version ? toVersionView(version) : null,
      history: this.d.versions.all(agreementId).map(toVersionView),
      approvals: this.d.approvals.list(agreementId),
      validApprovals: [...valid],
      checklist: this.checklist(agreementId, content, valid, suggestions),
      signatures: signatures.map(({ participantId, partyId, fullName, title, signedAt, versionHash }) => ({
        participantId,
        partyId,
        fullName,
        title,
        signedAt,
        versionHash,
      })),
      signers,
      inForceFrom: version?.status === 'signed' ? version.signedAt : null,
      legalReview: latestLegalReview(this.d.audit, agreementId),
      defaultMode: defaultModeOf(this.d.audit, agreementId),
    };
  }

  lock(by: Participant): StatusView {
    const id = by.agreementId;
    this.expectDraft(id);
    const template = this.d.templateOf(id);
    this.d.rooms.flushPending();
    // Everything read and decided while holding the agreement: with several instances, no edit is stored in between.
    const locked = this.d.versions.decide(id, () => {
      this.expectDraft(id);
      const { snapshot, suggestions } = this.d.rooms.read(id, (doc) => ({
        snapshot: versionOf(doc, template),
        suggestions: findSuggestions(doc, template).map((s) => s.id),
      }));
      // Read from the very state being locked: the signed copy can never hold a suggestion.
      if (suggestions.length > 0)
        throw new HttpError(409, 'suggestions_open', `Open suggestions must be accepted or rejected first: ${suggestions.join(', ')}`);
      const failing = this.checklist(id, snapshot.content, this.d.approvals.valid(id, snapshot.content), suggestions).filter((c) => !c.ok);
      if (failing.length > 0) throw new HttpError(409, 'not_ready', `Not ready to lock: ${failing.map((c) => c.key).join(', ')}`);
      // Who must sign is fixed here, with the version: each party's designated signatories as of now.
      const signers = designatedSigners(this.d.participants.list(id), snapshot.content);
      const without = partiesWithoutSigner(signers, snapshot.content);
      if (without.length > 0) throw new HttpError(409, 'not_ready', `Not ready to lock: ${without.map((p) => `signer:${p}`).join(', ')}`);
      const v = this.d.versions.create({
        id: newRowId(),
        agreementId: id,
        state: snapshot.state,
        canonical: snapshot.canonical,
        hash: snapshot.hash,
        lockedAt: this.nowIso(),
        lockedBy: by.id,
      });
      this.d.versions.recordSigners(v.id, signers);
      this.d.versions.setStatus(id, 'locked');
      this.d.audit.append(id, by.id, 'locked', { version: v.number, hash: v.hash, signers });
      return v;
    });
    this.d.afterLock?.(locked, by);
    this.setLocked(id, true);
    return this.changed(id);
  }

  /** Back to drafting, before anyone signed. Clears every approval. */
  unlock(by: Participant, reason: string): StatusView {
    const id = by.agreementId;
    const version = this.expectLocked(id);
    if (this.d.versions.signatures(version.id).length > 0) {
      throw new HttpError(409, 'already_signed', 'Someone has signed this version: it can only be cancelled, opening a new draft.');
    }
    this.reopen(by.id, version, 'unlocked', reason);
    return this.changed(id);
  }

  /** After a signature, the only way back: the version is cancelled and a new draft opens. */
  cancel(by: Participant, reason: string): StatusView {
    const id = by.agreementId;
    const version = this.expectLocked(id);
    this.reopen(by.id, version, 'cancelled', reason);
    return this.changed(id);
  }

  async sign(by: Participant, input: z.output<typeof SignSchema>, client: { ip: string; userAgent: string }): Promise<StatusView> {
    const id = by.agreementId;
    const version = this.expectLocked(id);
    if (input.versionHash !== version.hash) {
      throw new HttpError(409, 'version_mismatch', 'The version you reviewed is not the locked version: review it again before signing.');
    }
    const signers = this.d.versions.signers(version.id);
    const mine = authorizeRecordedSigner(signers, by);
    if (this.d.versions.signatures(version.id).some((s) => s.participantId === by.id))
      throw new HttpError(409, 'already_signed', 'You have already signed this version.');
    const signedAt = this.nowIso();
    this.d.versions.transaction(() => {
      this.d.versions.addSignature({
        id: newRowId(),
        versionId: version.id,
        participantId: by.id,
        partyId: mine.partyId,
        fullName: input.fullName,
        title: input.title,
        signedAt,
        ip: client.ip,
        userAgent: client.userAgent,
        versionHash: version.hash,
      });
      this.d.audit.append(id, by.id, 'signed', {
        version: version.number,
        hash: version.hash,
        partyId: mine.partyId,
        fullName: input.fullName,
        title: input.title,
      });
    });
    if (everyoneSigned(signers, this.d.versions.signatures(version.id)) && (await completeVersion(this.d, version, signedAt))) this.signed(version.id);
    return this.changed(id);
  }

  /**
   * At start: a version whose every recorded signer signed but that was
   * never completed (the process stopped after the last signature) is
   * completed now. If that fails, it is cancelled (a new draft opens, as
   * after a cancel by the owner) rather than left locked with no way on.
   */
  async resumeCompletions(): Promise<void> {
    const log = this.d.log ?? (() => undefined);
    for (const version of this.d.versions.awaitingCompletion()) {
      const id = version.agreementId;
      const last = this.d.versions.signatures(version.id).at(-1)?.signedAt ?? version.lockedAt;
      try {
        const done = await completeVersion(this.d, version, last);
        if (done) this.signed(version.id);
        log(
          `agreement ${id}: version ${version.number} had every signature but was not completed (the process stopped in between): ${done ? 'completed now' : 'no longer locked, left as is'}`,
        );
      } catch (error) {
        this.reopen(null, version, 'cancelled', 'The server could not complete this version after a restart; it was cancelled so it can be signed again.');
        log(
          `agreement ${id}: version ${version.number} could not be completed after a restart, cancelled: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /** What follows a completion must not undo it: a failure there is logged, the signature stands. */
  private signed(versionId: string): void {
    try {
      this.d.afterSigned?.(versionId);
    } catch (error) {
      this.d.log?.(`after signing version ${versionId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private nowIso(): string {
    return new Date(this.d.now?.() ?? Date.now()).toISOString();
  }

  private checklist(agreementId: string, content: AgreementContent, valid: Set<string>, openSuggestions: string[]): StatusView['checklist'] {
    const openSharedThreads = this.d.threads
      .threads(agreementId)
      .filter((t) => t.visibility === 'shared' && t.resolvedAt === null)
      .map((t) => t.id);
    const people = this.d.participants.list(agreementId);
    const signerParties = new Set(designatedSigners(people, content).map((s) => s.partyId));
    const participantParties = new Set(people.filter((p) => p.revokedAt === null).map((p) => p.partyId));
    const legalReview = latestLegalReview(this.d.audit, agreementId);
    return readiness({
      content,
      template: this.d.templateOf(agreementId),
      openSharedThreads,
      openSuggestions,
      approvals: valid,
      signerParties,
      participantParties,
      legalReview,
    });
  }

  /** Closes the version (actor null: the server itself) and opens a new draft. */
  private reopen(actorId: string | null, version: Version, as: 'unlocked' | 'cancelled', reason: string): void {
    const id = version.agreementId;
    this.d.versions.decide(id, () => {
      // Once: another instance may have unlocked or cancelled it a moment ago.
      const current = this.d.versions.status(id);
      if (current !== 'locked') throw new HttpError(409, current, `The agreement is ${current}, not locked.`);
      this.d.versions.close(version.id, as, reason, this.nowIso());
      this.d.versions.setStatus(id, 'draft');
      this.d.audit.append(id, actorId, as, { version: version.number, hash: version.hash, reason });
    });
    this.d.approvals.clearAll(id);
    this.setLocked(id, false);
  }

  private expectDraft(id: string): void {
    const current = this.d.versions.status(id);
    if (current !== 'draft') throw new HttpError(409, current, `The agreement is ${current}.`);
  }

  private expectLocked(id: string): Version {
    const current = this.d.versions.status(id);
    const version = this.d.versions.current(id);
    if (current !== 'locked' || !version) throw new HttpError(409, current, `The agreement is ${current}, not locked.`);
    return version;
  }

  /** Live connections carry the old write rights: make them reconnect under the new ones. */
  private setLocked(id: string, locked: boolean): void {
    this.d.rooms.setLocked(id, locked, CloseCode.RightsChanged, locked ? 'agreement locked' : 'agreement unlocked');
  }

  private changed(id: string): StatusView {
    this.d.hub.publish(id, 'status', {});
    return this.status(id);
  }
}
