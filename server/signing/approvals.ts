import type { ApprovalView } from '../../shared/api';
import { readAgreement, type AgreementContent } from '../../shared/render';
import type { AgreementTemplate } from '../../shared/template';
import { authorize } from '../auth/policy';
import { HttpError } from '../errors';
import type { EventHub } from '../events/hub';
import type { ApprovalStore } from '../store/approvals';
import type { AuditLog } from '../store/audit';
import type { Participant, ParticipantStore } from '../store/participants';
import type { Rooms } from '../sync/rooms';
import { sectionHash } from './hash';

export interface ApprovalDeps {
  approvals: ApprovalStore;
  participants: ParticipantStore;
  rooms: Rooms;
  audit: AuditLog;
  hub: EventHub;
  templateOf: (agreementId: string) => AgreementTemplate;
  isDraft: (agreementId: string) => boolean;
}

/**
 * Section approvals. Each approval is bound to the section's content hash;
 * when a stored edit changes a section, that section's approvals — and no
 * other — are cleared.
 */
export class ApprovalService {
  /** Agreements known to have approvals, so edits elsewhere cost nothing. */
  private readonly withApprovals = new Map<string, boolean>();

  constructor(private readonly d: ApprovalDeps) {}

  list(agreementId: string): ApprovalView[] {
    const names = new Map(this.d.participants.list(agreementId).map((p) => [p.id, p.name]));
    return this.d.approvals.list(agreementId).map((a) => ({ ...a, participantName: names.get(a.participantId) ?? '' }));
  }

  /** Approvals that still match the content, as `section:partyId`. */
  valid(agreementId: string, content: AgreementContent): Set<string> {
    const template = this.d.templateOf(agreementId);
    const hashes = new Map(template.sections.map((s) => [s.key, sectionHash(content, s)]));
    return new Set(this.d.approvals.list(agreementId).filter((a) => hashes.get(a.section) === a.contentHash).map((a) => `${a.section}:${a.partyId}`));
  }

  /** A participant approves a section on behalf of their party. */
  approve(by: Participant, section: string): ApprovalView[] {
    authorize(by, 'approve');
    if (!this.d.isDraft(by.agreementId)) throw new HttpError(409, 'locked', 'The agreement is locked.');
    const template = this.d.templateOf(by.agreementId);
    const sectionTemplate = template.sections.find((s) => s.key === section);
    if (!sectionTemplate) throw new HttpError(400, 'invalid_request', `section: no section "${section}"`);
    this.d.rooms.flushPending();
    const content = this.d.rooms.read(by.agreementId, (doc) => readAgreement(doc, template));
    if (!content.parties.some((p) => p.id === by.partyId)) throw new HttpError(409, 'no_party', 'Your party is no longer in this agreement.');
    const contentHash = sectionHash(content, sectionTemplate);
    const approvedAt = new Date().toISOString();
    this.d.approvals.approve(by.agreementId, { section, partyId: by.partyId, participantId: by.id, contentHash, approvedAt });
    this.d.audit.append(by.agreementId, by.id, 'section_approved', { section, partyId: by.partyId, contentHash });
    this.withApprovals.set(by.agreementId, true);
    this.announce(by.agreementId);
    return this.list(by.agreementId);
  }

  private readonly pending = new Map<string, NodeJS.Timeout>();

  /** Called after every stored edit; coalesces bursts of typing into one check. */
  scheduleReconcile(agreementId: string): void {
    if (this.withApprovals.get(agreementId) === false || this.pending.has(agreementId)) return;
    this.pending.set(agreementId, setTimeout(() => {
      this.pending.delete(agreementId);
      try {
        this.reconcile(agreementId);
      } catch {
        // An unreadable document keeps its approvals; it cannot be locked anyway.
      }
    }, 200));
  }

  /** After stored edits: clears the approvals of every section whose content changed. */
  reconcile(agreementId: string): void {
    let known = this.withApprovals.get(agreementId);
    if (known === undefined) this.withApprovals.set(agreementId, (known = this.d.approvals.has(agreementId)));
    if (!known) return;
    const template = this.d.templateOf(agreementId);
    const content = this.d.rooms.read(agreementId, (doc) => readAgreement(doc, template));
    const stale = new Set<string>();
    for (const a of this.d.approvals.list(agreementId)) {
      const s = template.sections.find((t) => t.key === a.section);
      if (!s || sectionHash(content, s) !== a.contentHash) stale.add(a.section);
    }
    if (stale.size === 0) return;
    for (const section of stale) this.d.approvals.clearSection(agreementId, section);
    this.withApprovals.set(agreementId, this.d.approvals.has(agreementId));
    this.announce(agreementId);
  }

  clearAll(agreementId: string): void {
    this.d.approvals.clearAll(agreementId);
    this.withApprovals.set(agreementId, false);
    this.announce(agreementId);
  }

  private announce(agreementId: string): void {
    for (const sub of this.d.hub.subscribers(agreementId)) sub.send('status', {});
  }
}
