import type { z } from 'zod';
import type { SignSchema, StatusView, VersionView } from '../../shared/api';
import { CloseCode } from '../../shared/closeCodes';
import { readAgreement, type AgreementContent } from '../../shared/render';
import { isReady, readiness } from '../../shared/readiness';
import type { AgreementTemplate } from '../../shared/template';
import { authorize } from '../auth/policy';
import { newRowId } from '../auth/tokens';
import { HttpError } from '../errors';
import type { EventHub } from '../events/hub';
import { signedPdf } from '../export/pdf';
import { exportModel } from '../export/model';
import type { AuditLog } from '../store/audit';
import type { Participant, ParticipantStore } from '../store/participants';
import type { ThreadStore } from '../store/threads';
import type { Version, VersionStore } from '../store/versions';
import type { Rooms } from '../sync/rooms';
import type { ApprovalService } from './approvals';
import { sha256, versionOf } from './hash';

export interface LifecycleDeps {
  versions: VersionStore;
  participants: ParticipantStore;
  threads: ThreadStore;
  approvals: ApprovalService;
  rooms: Rooms;
  audit: AuditLog;
  hub: EventHub;
  templateOf: (agreementId: string) => AgreementTemplate;
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

/** The end of drafting: readiness, lock, unlock, cancel, sign. */
export class LifecycleService {
  constructor(private readonly d: LifecycleDeps) {}

  status(agreementId: string): StatusView {
    const template = this.d.templateOf(agreementId);
    const version = this.d.versions.current(agreementId);
    const content = this.d.rooms.read(agreementId, (doc) => readAgreement(doc, template));
    const valid = this.d.approvals.valid(agreementId, content);
    const signatures = version ? this.d.versions.signatures(version.id) : [];
    const signers = this.signersOf(agreementId, content).map((p) => ({
      partyId: p.partyId,
      participantId: p.id,
      name: p.name,
      signed: signatures.some((s) => s.participantId === p.id),
    }));
    return {
      status: this.d.versions.status(agreementId),
      version: version ? toVersionView(version) : null,
      history: this.d.versions.all(agreementId).map(toVersionView),
      approvals: this.d.approvals.list(agreementId),
      validApprovals: [...valid],
      checklist: this.checklist(agreementId, content, valid),
      signatures: signatures.map(({ participantId, partyId, fullName, title, signedAt, versionHash }) => ({ participantId, partyId, fullName, title, signedAt, versionHash })),
      signers,
      inForceFrom: version?.status === 'signed' ? version.signedAt : null,
    };
  }

  lock(by: Participant): StatusView {
    authorize(by, 'manage');
    const id = by.agreementId;
    this.expectDraft(id);
    const template = this.d.templateOf(id);
    this.d.rooms.flushPending();
    const snapshot = this.d.rooms.read(id, (doc) => versionOf(doc, template));
    const failing = this.checklist(id, snapshot.content, this.d.approvals.valid(id, snapshot.content)).filter((c) => !c.ok);
    if (failing.length > 0) throw new HttpError(409, 'not_ready', `Not ready to lock: ${failing.map((c) => c.key).join(', ')}`);
    const version = this.d.versions.transaction(() => {
      const v = this.d.versions.create({ id: newRowId(), agreementId: id, state: snapshot.state, canonical: snapshot.canonical, hash: snapshot.hash, lockedAt: new Date().toISOString(), lockedBy: by.id });
      this.d.versions.setStatus(id, 'locked');
      this.d.audit.append(id, by.id, 'locked', { version: v.number, hash: v.hash });
      return v;
    });
    this.setLocked(id, true);
    return this.changed(id);
  }

  /** Back to drafting, before anyone signed. Clears every approval. */
  unlock(by: Participant, reason: string): StatusView {
    authorize(by, 'manage');
    const id = by.agreementId;
    const version = this.expectLocked(id);
    if (this.d.versions.signatures(version.id).length > 0) {
      throw new HttpError(409, 'already_signed', 'Someone has signed this version: it can only be cancelled, opening a new draft.');
    }
    this.reopen(by, version, 'unlocked', reason);
    return this.changed(id);
  }

  /** After a signature, the only way back: the version is cancelled and a new draft opens. */
  cancel(by: Participant, reason: string): StatusView {
    authorize(by, 'manage');
    const id = by.agreementId;
    const version = this.expectLocked(id);
    this.reopen(by, version, 'cancelled', reason);
    return this.changed(id);
  }

  async sign(by: Participant, input: z.output<typeof SignSchema>, client: { ip: string; userAgent: string }): Promise<StatusView> {
    authorize(by, 'read');
    if (!by.signatory) throw new HttpError(403, 'forbidden', 'Only a designated signatory may sign.');
    const id = by.agreementId;
    const version = this.expectLocked(id);
    if (input.versionHash !== version.hash) {
      throw new HttpError(409, 'version_mismatch', 'The version you reviewed is not the locked version: review it again before signing.');
    }
    const content = JSON.parse(version.canonical) as AgreementContent;
    if (!content.parties.some((p) => p.id === by.partyId)) throw new HttpError(403, 'forbidden', 'Your party is not a party to this version.');
    if (this.d.versions.signatures(version.id).some((s) => s.participantId === by.id)) throw new HttpError(409, 'already_signed', 'You have already signed this version.');
    const signedAt = new Date().toISOString();
    this.d.versions.transaction(() => {
      this.d.versions.addSignature({ id: newRowId(), versionId: version.id, participantId: by.id, partyId: by.partyId, fullName: input.fullName, title: input.title, signedAt, ip: client.ip, userAgent: client.userAgent, versionHash: version.hash });
      this.d.audit.append(id, by.id, 'signed', { version: version.number, hash: version.hash, partyId: by.partyId, fullName: input.fullName, title: input.title });
    });
    const pending = this.signersOf(id, content).filter((s) => !this.d.versions.signatures(version.id).some((sig) => sig.participantId === s.id));
    if (pending.length === 0) await this.complete(version, signedAt);
    return this.changed(id);
  }

  /** Everyone signed: the agreement is in force from the last signature; its PDF is made once and kept. */
  private async complete(version: Version, lastSignature: string): Promise<void> {
    const id = version.agreementId;
    this.d.versions.transaction(() => {
      this.d.audit.append(id, null, 'completed', { version: version.number, hash: version.hash, inForceFrom: lastSignature });
    });
    // Built after 'completed' is logged, so the certificate carries that chain head.
    const model = exportModel(this.d, version, lastSignature);
    const { pdf } = await signedPdf(model, lastSignature);
    this.d.versions.transaction(() => {
      this.d.versions.markSigned(version.id, lastSignature, pdf, sha256(pdf));
      this.d.versions.setStatus(id, 'signed');
    });
  }

  /** Participants who must sign: the designated signatories of each party of the version. */
  private signersOf(agreementId: string, content: AgreementContent): Participant[] {
    const parties = new Set(content.parties.map((p) => p.id));
    return this.d.participants.list(agreementId).filter((p) => p.signatory && p.revokedAt === null && parties.has(p.partyId));
  }

  private checklist(agreementId: string, content: AgreementContent, valid: Set<string>): StatusView['checklist'] {
    const openSharedThreads = this.d.threads.threads(agreementId).filter((t) => t.visibility === 'shared' && t.resolvedAt === null).map((t) => t.id);
    const signerParties = new Set(this.signersOf(agreementId, content).map((p) => p.partyId));
    return readiness({ content, template: this.d.templateOf(agreementId), openSharedThreads, approvals: valid, signerParties });
  }

  private reopen(by: Participant, version: Version, as: 'unlocked' | 'cancelled', reason: string): void {
    const id = by.agreementId;
    this.d.versions.transaction(() => {
      this.d.versions.close(version.id, as, reason, new Date().toISOString());
      this.d.versions.setStatus(id, 'draft');
      this.d.audit.append(id, by.id, as, { version: version.number, hash: version.hash, reason });
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
    const room = this.d.rooms.loaded(id);
    if (!room) return;
    room.locked = locked;
    room.closeAll(CloseCode.RightsChanged, locked ? 'agreement locked' : 'agreement unlocked');
  }

  private changed(id: string): StatusView {
    for (const sub of this.d.hub.subscribers(id)) sub.send('status', {});
    return this.status(id);
  }
}
