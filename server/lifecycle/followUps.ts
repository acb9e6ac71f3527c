import { HttpError } from '../errors';
import type { EventHub } from '../events/hub';
import type { AgreementService } from '../services/agreements';
import type { AgreementStore } from '../store/agreements';
import type { AuditLog } from '../store/audit';
import type { Db } from '../store/db';
import type { Participant } from '../store/participants';
import type { VersionStore } from '../store/versions';
import type { HistoryStore } from '../store/history';
import type { HistoryCompare } from '../services/historyCompare';
import type { Comparison } from '../../shared/historySchemas';
import type { AgreementTemplate } from '../../shared/template';
import type { LinksView } from '../../shared/lifecycleSchemas';
import { amendmentRows, dbLinkLookup, latestSigned, rootOf, type LinkLookup, type LinkRow } from './chain';
import { isoOn, type Clock } from './clock';
import { prefill } from './prefill';
import type { AfterSigningService, SignedState } from './service';

export interface FollowUpDeps {
  db: Db;
  versions: VersionStore;
  agreements: AgreementStore;
  create: AgreementService['create'];
  audit: AuditLog;
  hub: EventHub;
  service: AfterSigningService;
  templateOf: (agreementId: string) => AgreementTemplate;
  clock: Clock;
  history: Pick<HistoryStore, 'list'>;
  compare: Pick<HistoryCompare, 'compareLinked'>;
}

/** What an amendment changes, with the agreement whose signed text it was prefilled from. */
export interface ChangeSet {
  cmp: Comparison;
  basisId: string;
  kind: 'amendment' | 'renewal';
}

/**
 * After signing, what follows from the signed original, which never
 * changes: an amendment (at any time while in force) or, from the renewal
 * review date, the owner's decision to renew (a new draft) or let it
 * expire. Each new draft is an agreement of its own, prefilled from the
 * signed text and linked to it, and goes through the same approvals, lock
 * and signatures. Its owner is whoever opened it; the other participants
 * are invited again (their links belong to the original).
 *
 * An agreement and its amendments form one chain: an amendment opened from
 * any page of the chain amends the chain's original and is prefilled from
 * the agreement as it stands, the latest signed text of the chain (the
 * original or its latest signed amendment); a renewal too starts from that
 * text, and starts a chain of its own.
 */
export class FollowUps {
  private readonly s;
  private readonly lookup: LinkLookup;

  constructor(private readonly d: FollowUpDeps) {
    this.s = {
      insert: d.db.prepare<[string, string, string, string | null, string, string]>(
        'INSERT INTO agreement_links (source_version_id, source_id, kind, target_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    };
    this.lookup = dbLinkLookup(d.db);
  }

  amend(by: Participant): { id: string; sessionToken: string } {
    const s = this.expectInForce(by.agreementId);
    const root = rootOf(this.lookup, by.agreementId);
    if (root !== by.agreementId) this.expectInForce(root);
    return this.open(by, s, root, 'amendment');
  }

  decideRenewal(by: Participant, decision: 'renew' | 'expire'): { id: string | null; sessionToken: string | null } {
    const s = this.expectInForce(by.agreementId);
    const review = s.dates.renewalReviewDate;
    if (!review || this.d.service.today() < review) throw new HttpError(409, 'not_ready', `The renewal is decided from the review date (${review ?? 'none'}).`);
    if (this.lookup.from(by.agreementId).some((l) => l.kind !== 'amendment')) throw new HttpError(409, 'renewal_decided', 'The renewal was already decided.');
    if (decision === 'renew') return this.open(by, s, by.agreementId, 'renewal');
    this.d.db.transaction(() => {
      this.s.insert.run(s.version.id, by.agreementId, 'expire', null, by.id, isoOn(this.d.clock));
      this.d.audit.append(by.agreementId, by.id, 'renewal_decided', { version: s.version.number, decision });
    })();
    this.d.hub.publish(by.agreementId, 'status', {});
    return { id: null, sessionToken: null };
  }

  links(agreementId: string): LinksView {
    const rows = this.lookup.from(agreementId);
    const up = this.lookup.to(agreementId);
    const decision = rows.find((r) => r.kind !== 'amendment');
    // An amendment's page shows its original's chain; a renewal is an agreement of its own.
    const root = up?.kind === 'amendment' ? rootOf(this.lookup, agreementId) : agreementId;
    const all = this.amendmentsOf(amendmentRows(this.lookup, root));
    return {
      source: up
        ? {
            ...this.describe(this.sourceOf(up)),
            kind: up.kind === 'renewal' ? 'renewal' : 'amendment',
            basedOn: this.describe(this.basisOf(up)),
            behind: this.behind(agreementId, up),
          }
        : null,
      amendments: root === agreementId ? all : this.amendmentsOf(rows),
      renewal: decision
        ? { decision: decision.kind === 'renewal' ? 'renew' : 'expire', agreement: decision.target_id ? this.describe(decision.target_id) : null }
        : null,
      chain: {
        original: this.describe(root),
        inForce: all.filter((a) => a.signedAt !== null).sort((x, y) => x.signedAt!.localeCompare(y.signedAt!)),
        inProgress: all.filter((a) => a.signedAt === null),
      },
    };
  }

  /**
   * What this agreement changes from the agreement it was opened from: the
   * signed version it was prefilled from (the original's, or the latest
   * signed amendment's: the agreement as it then stood) against this
   * agreement's version `to` or its current text. Refused unless
   * `originalId` is what it amends or renews (`links().source`); the reader
   * is a participant of this agreement (the route's policy), who already
   * holds that text.
   */
  changes(agreementId: string, originalId: string, to: string): ChangeSet {
    const up = this.lookup.to(agreementId);
    if (!up || up.kind === 'expire' || this.sourceOf(up) !== originalId) throw new HttpError(404, 'not_found', 'This agreement was not opened from that one.');
    const signed = this.d.versions.get(up.source_version_id);
    const entry = signed && this.d.history.list(signed.agreementId).find((e) => e.kind === 'locked' && e.lockedVersion === signed.number);
    if (!signed || !entry) throw new HttpError(404, 'not_found', 'The signed version of the original is not in its history.');
    return { cmp: this.d.compare.compareLinked(signed.agreementId, entry.id, agreementId, to), basisId: signed.agreementId, kind: up.kind };
  }

  /** What a row's draft amends or renews: an amendment, its chain's original. */
  private sourceOf(up: LinkRow): string {
    return up.kind === 'amendment' && up.target_id ? rootOf(this.lookup, up.target_id) : up.source_id;
  }

  /** The agreement whose signed text a row's draft was prefilled from. */
  private basisOf(up: LinkRow): string {
    return this.d.versions.get(up.source_version_id)?.agreementId ?? up.source_id;
  }

  /**
   * The agreement that stands now, when this draft (not signed yet) was
   * prefilled from an earlier text: an amendment signed since it was opened,
   * whose changes it does not hold.
   */
  private behind(agreementId: string, up: LinkRow) {
    if (this.d.versions.status(agreementId) === 'signed') return null;
    const now = this.asItStands(rootOf(this.lookup, up.source_id))?.version.agreementId;
    return now && now !== this.basisOf(up) ? this.describe(now) : null;
  }

  /** The agreement as it stands: the latest signed of the chain's original and its signed amendments. */
  private asItStands(root: string): SignedState | null {
    const current = (id: string) => this.d.versions.current(id);
    const latest = latestSigned(this.lookup, current, root, current(root));
    // Its own signed text (state() gives an amendment the chain's life, not its text).
    return latest ? this.d.service.textState(latest) : null;
  }

  private describe(id: string) {
    return { id, title: this.d.agreements.get(id)?.title ?? '', status: this.d.versions.status(id), signedAt: this.d.versions.current(id)?.signedAt ?? null };
  }

  private amendmentsOf(rows: readonly LinkRow[]) {
    return rows.filter((r) => r.kind === 'amendment' && r.target_id).map((r) => ({ ...this.describe(r.target_id!), createdAt: r.created_at }));
  }

  /**
   * Opens the new draft, prefilled from the agreement as it stands (the
   * chain of `source`, or of the agreement renewed), owned by `by` in the
   * party at their place on their own agreement's signed text.
   */
  private open(by: Participant, s: SignedState, source: string, kind: 'amendment' | 'renewal'): { id: string; sessionToken: string } {
    const basis = this.asItStands(rootOf(this.lookup, source)) ?? s;
    const state = this.d.versions.state(basis.version.id);
    if (!state) throw new Error(`the signed version ${basis.version.id} has no state`);
    const partyIndex = s.content.parties.findIndex((p) => p.id === by.partyId);
    const { input, fill } = prefill(basis.content, state, this.d.templateOf(basis.version.agreementId), { name: by.name, email: by.email, partyIndex });
    const { created, sessionToken } = this.d.create(input, fill);
    const from = basis.version.agreementId === by.agreementId ? {} : { from: basis.version.agreementId };
    this.d.db.transaction(() => {
      this.s.insert.run(basis.version.id, source, kind, created.id, by.id, isoOn(this.d.clock));
      if (kind === 'amendment')
        this.d.audit.append(by.agreementId, by.id, 'amendment_opened', { version: basis.version.number, agreement: created.id, ...from });
      else this.d.audit.append(by.agreementId, by.id, 'renewal_decided', { version: basis.version.number, decision: 'renew', agreement: created.id, ...from });
    })();
    for (const id of new Set([by.agreementId, source])) this.d.hub.publish(id, 'status', {});
    return { id: created.id, sessionToken };
  }

  private expectInForce(agreementId: string): SignedState {
    const s = this.d.service.state(agreementId);
    if (!s)
      throw new HttpError(
        409,
        this.d.versions.status(agreementId) === 'signed' ? 'not_signed' : this.d.versions.status(agreementId),
        'The agreement is not signed.',
      );
    if (s.phase === 'ended') throw new HttpError(409, 'ended', 'The agreement has ended.');
    return s;
  }
}
