import type { ApprovalView } from '../../shared/api';
import { activeSections } from '../../shared/included';
import { readAgreement, type AgreementContent } from '../../shared/render';
import type { AgreementTemplate } from '../../shared/template';
import { HttpError } from '../errors';
import type { EventHub } from '../events/hub';
import type { ApprovalStore } from '../store/approvals';
import type { AuditLog } from '../store/audit';
import type { Participant, ParticipantStore } from '../store/participants';
import type { Rooms } from '../sync/rooms';
import { sectionHash } from './hash';
import { sectionsTouched } from './touched';

export interface ApprovalDeps {
  approvals: ApprovalStore;
  participants: ParticipantStore;
  rooms: Rooms;
  audit: AuditLog;
  hub: EventHub;
  templateOf: (agreementId: string) => AgreementTemplate;
  isDraft: (agreementId: string) => boolean;
  /** Other instances approve too (PostgreSQL): "has no approvals" is never remembered, only read. */
  shared?: boolean;
  /** After an approval is stored (the other parties are told their approval is needed). */
  afterApprove?: (by: Participant, section: string) => void;
}

/**
 * Section approvals. Each approval is bound to the section's content hash;
 * when a stored edit changes a section, that section's approvals — and no
 * other — are cleared, and each cleared approval is logged with who edited.
 */
export class ApprovalService {
  /** Agreements known to have approvals, so edits elsewhere cost nothing. */
  private readonly withApprovals = new Map<string, boolean>();
  /**
   * Orders stored edits and approvals, to tell whose edits came after an
   * approval: each batch of stored edits takes the next tick, and an
   * approval remembers the tick it was given at (approvals from before a
   * restart have none, so every edit since counts).
   */
  private clock = 0;
  private readonly approvedAt = new Map<string, Map<string, number>>();

  constructor(private readonly d: ApprovalDeps) {}

  list(agreementId: string): ApprovalView[] {
    const names = new Map(this.d.participants.list(agreementId).map((p) => [p.id, p.name]));
    return this.d.approvals.list(agreementId).map((a) => ({ ...a, participantName: names.get(a.participantId) ?? '' }));
  }

  /** Approvals that still match the content, as `section:partyId`. */
  valid(agreementId: string, content: AgreementContent): Set<string> {
    const template = this.d.templateOf(agreementId);
    const hashes = new Map(template.sections.map((s) => [s.key, sectionHash(content, s)]));
    return new Set(
      this.d.approvals
        .list(agreementId)
        .filter((a) => hashes.get(a.section) === a.contentHash)
        .map((a) => `${a.section}:${a.partyId}`),
    );
  }

  /** A participant approves a section on behalf of their party (the route asked the policy whether they may approve). */
  approve(by: Participant, section: string): ApprovalView[] {
    if (!this.d.isDraft(by.agreementId)) throw new HttpError(409, 'locked', 'The agreement is locked.');
    const template = this.d.templateOf(by.agreementId);
    const sectionTemplate = template.sections.find((s) => s.key === section);
    if (!sectionTemplate) throw new HttpError(400, 'invalid_request', `section: no section "${section}"`);
    this.d.rooms.flushPending();
    const content = this.d.rooms.read(by.agreementId, (doc) => readAgreement(doc, template));
    if (!content.parties.some((p) => p.id === by.partyId)) throw new HttpError(409, 'no_party', 'Your party is no longer in this agreement.');
    // An annex left out is not part of what will be signed: approving it would count for nothing.
    if (!activeSections(template, content).includes(sectionTemplate))
      throw new HttpError(409, 'section_not_included', `section: "${section}" is left out of this agreement`);
    const contentHash = sectionHash(content, sectionTemplate);
    const approvedAt = new Date().toISOString();
    this.d.approvals.approve(by.agreementId, { section, partyId: by.partyId, participantId: by.id, contentHash, approvedAt });
    // After flushPending: edits stored so far are in what was approved, and have ticks up to now.
    this.ticksOf(by.agreementId).set(`${section}:${by.partyId}`, this.clock);
    this.d.audit.append(by.agreementId, by.id, 'section_approved', { section, partyId: by.partyId, contentHash });
    this.withApprovals.set(by.agreementId, true);
    this.announce(by.agreementId);
    this.d.afterApprove?.(by, section);
    return this.list(by.agreementId);
  }

  /**
   * Agreements with a check scheduled, who edited since the last check (with the tick of their last edit), and the
   * top-level names their edits wrote under (null: unknown, every section is checked).
   */
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; editors: Map<string, number>; roots: Set<string> | null }>();

  /**
   * Called after every stored edit, with the participants whose updates
   * were stored and the top-level names they wrote under; coalesces bursts
   * of typing into one check, which names everyone who edited in that burst.
   */
  scheduleReconcile(agreementId: string, editors: readonly string[] = [], roots?: ReadonlySet<string>): void {
    const tick = ++this.clock;
    if (this.withApprovals.get(agreementId) === false) return;
    const scheduled = this.pending.get(agreementId);
    if (scheduled) {
      for (const e of editors) scheduled.editors.set(e, tick);
      if (!roots) scheduled.roots = null;
      else for (const r of roots) scheduled.roots?.add(r);
      return;
    }
    const next = {
      editors: new Map(editors.map((e) => [e, tick])),
      roots: roots ? new Set(roots) : null,
      timer: setTimeout(() => {
        this.pending.delete(agreementId);
        try {
          this.reconcile(agreementId, next.editors, next.roots ?? undefined);
        } catch {
          // An unreadable document keeps its approvals; it cannot be locked anyway.
        }
      }, 200),
    };
    this.pending.set(agreementId, next);
  }

  /**
   * After stored edits: clears every approval whose section's content
   * changed, and logs each one ('approvals_cleared') with the section, the
   * party and who edited after it was given (`editors`: participant → tick
   * of their last stored edit). An approval given meanwhile to the section
   * as it is now stays. With `roots` (the top-level names the edits wrote
   * under), only the sections they hold are checked, and an edit that holds
   * no approved section does not read the document: a Y.Doc of a long
   * agreement is rebuilt or kept for nothing otherwise, every burst of typing.
   */
  reconcile(agreementId: string, editors: ReadonlyMap<string, number> = new Map(), roots?: Iterable<string>): void {
    let known = this.withApprovals.get(agreementId);
    if (known === undefined) this.remember(agreementId, (known = this.d.approvals.has(agreementId)));
    if (!known) return;
    const template = this.d.templateOf(agreementId);
    const touched = roots ? sectionsTouched(template, roots) : 'all';
    const checked = this.d.approvals.list(agreementId).filter((a) => touched === 'all' || touched.has(a.section));
    if (checked.length === 0) return;
    const content = this.d.rooms.read(agreementId, (doc) => readAgreement(doc, template));
    const stale = checked.filter((a) => {
      const s = template.sections.find((t) => t.key === a.section);
      return !s || sectionHash(content, s) !== a.contentHash;
    });
    if (stale.length === 0) return;
    // Names as they are now, so the entry still says who it was after a revocation.
    const names = new Map(this.d.participants.list(agreementId).map((p) => [p.id, p.name]));
    const person = (id: string) => ({ id, name: names.get(id) ?? '' });
    const ticks = this.ticksOf(agreementId);
    this.d.approvals.transaction(() => {
      for (const a of stale) {
        const key = `${a.section}:${a.partyId}`;
        const since = ticks.get(key) ?? 0;
        const editedBy = [...editors].filter(([, tick]) => tick > since).map(([id]) => person(id));
        this.d.approvals.clear(agreementId, a.section, a.partyId);
        ticks.delete(key);
        // The server clears it (actor null); the details say whose edit caused it.
        this.d.audit.append(agreementId, null, 'approvals_cleared', { section: a.section, partyId: a.partyId, approvedBy: person(a.participantId), editedBy });
      }
    });
    this.remember(agreementId, this.d.approvals.has(agreementId));
    this.announce(agreementId);
  }

  private remember(agreementId: string, has: boolean): void {
    if (has || !this.d.shared) this.withApprovals.set(agreementId, has);
    else this.withApprovals.delete(agreementId);
  }

  clearAll(agreementId: string): void {
    this.d.approvals.clearAll(agreementId);
    this.approvedAt.delete(agreementId);
    this.remember(agreementId, false);
    this.announce(agreementId);
  }

  private ticksOf(agreementId: string): Map<string, number> {
    let ticks = this.approvedAt.get(agreementId);
    if (!ticks) this.approvedAt.set(agreementId, (ticks = new Map()));
    return ticks;
  }

  private announce(agreementId: string): void {
    this.d.hub.publish(agreementId, 'status', {});
  }
}
