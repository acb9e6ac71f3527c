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

interface LinkRow {
  source_version_id: string;
  source_id: string;
  kind: 'amendment' | 'renewal' | 'expire';
  target_id: string | null;
  created_at: string;
}

/**
 * After signing, what follows from the signed original, which never
 * changes: an amendment (at any time while in force) or, from the renewal
 * review date, the owner's decision to renew (a new draft) or let it
 * expire. Each new draft is an agreement of its own, prefilled from the
 * signed text and linked to it, and goes through the same approvals, lock
 * and signatures. Its owner is whoever opened it; the other participants
 * are invited again (their links belong to the original).
 */
export class FollowUps {
  private readonly s;

  constructor(private readonly d: FollowUpDeps) {
    this.s = {
      insert: d.db.prepare<[string, string, string, string | null, string, string]>(
        'INSERT INTO agreement_links (source_version_id, source_id, kind, target_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      from: d.db.prepare<[string], LinkRow>('SELECT * FROM agreement_links WHERE source_id = ? ORDER BY created_at, rowid'),
      to: d.db.prepare<[string], LinkRow>('SELECT * FROM agreement_links WHERE target_id = ? LIMIT 1'),
    };
  }

  amend(by: Participant): { id: string; sessionToken: string } {
    const s = this.expectInForce(by);
    return this.open(by, s, 'amendment');
  }

  decideRenewal(by: Participant, decision: 'renew' | 'expire'): { id: string | null; sessionToken: string | null } {
    const s = this.expectInForce(by);
    const review = s.dates.renewalReviewDate;
    if (!review || this.d.service.today() < review) throw new HttpError(409, 'not_ready', `The renewal is decided from the review date (${review ?? 'none'}).`);
    if (this.s.from.all(by.agreementId).some((l) => l.kind !== 'amendment')) throw new HttpError(409, 'renewal_decided', 'The renewal was already decided.');
    if (decision === 'renew') return this.open(by, s, 'renewal');
    this.d.db.transaction(() => {
      this.s.insert.run(s.version.id, by.agreementId, 'expire', null, by.id, isoOn(this.d.clock));
      this.d.audit.append(by.agreementId, by.id, 'renewal_decided', { version: s.version.number, decision });
    })();
    this.d.hub.publish(by.agreementId, 'status', {});
    return { id: null, sessionToken: null };
  }

  links(agreementId: string): LinksView {
    const rows = this.s.from.all(agreementId);
    const up = this.s.to.get(agreementId);
    const decision = rows.find((r) => r.kind !== 'amendment');
    // An amendment's page shows its original's chain; a renewal is an agreement of its own.
    const root = up?.kind === 'amendment' ? up.source_id : agreementId;
    const all = this.amendmentsOf(root === agreementId ? rows : this.s.from.all(root));
    return {
      source: up ? { ...this.describe(up.source_id), kind: up.kind === 'renewal' ? 'renewal' : 'amendment' } : null,
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
   * What this agreement changes from the original it was opened from: the
   * original's signed version (the text it was prefilled from) against this
   * agreement's version `to` or its current text. Refused unless this
   * agreement was opened from `originalId`; the reader is a participant of
   * this agreement (the route's policy), who already holds that text.
   */
  changes(agreementId: string, originalId: string, to: string): Comparison {
    const up = this.s.to.get(agreementId);
    if (!up || up.source_id !== originalId) throw new HttpError(404, 'not_found', 'This agreement was not opened from that one.');
    const signed = this.d.versions.get(up.source_version_id);
    const entry = signed && this.d.history.list(originalId).find((e) => e.kind === 'locked' && e.lockedVersion === signed.number);
    if (!entry) throw new HttpError(404, 'not_found', 'The signed version of the original is not in its history.');
    return this.d.compare.compareLinked(originalId, entry.id, agreementId, to);
  }

  private describe(id: string) {
    return { id, title: this.d.agreements.get(id)?.title ?? '', status: this.d.versions.status(id), signedAt: this.d.versions.current(id)?.signedAt ?? null };
  }

  private amendmentsOf(rows: readonly LinkRow[]) {
    return rows.filter((r) => r.kind === 'amendment' && r.target_id).map((r) => ({ ...this.describe(r.target_id!), createdAt: r.created_at }));
  }

  private open(by: Participant, s: SignedState, kind: 'amendment' | 'renewal'): { id: string; sessionToken: string } {
    const { input, fill } = prefill(s.content, this.d.templateOf(by.agreementId), by);
    const { created, sessionToken } = this.d.create(input, fill);
    this.d.db.transaction(() => {
      this.s.insert.run(s.version.id, by.agreementId, kind, created.id, by.id, isoOn(this.d.clock));
      if (kind === 'amendment') this.d.audit.append(by.agreementId, by.id, 'amendment_opened', { version: s.version.number, agreement: created.id });
      else this.d.audit.append(by.agreementId, by.id, 'renewal_decided', { version: s.version.number, decision: 'renew', agreement: created.id });
    })();
    this.d.hub.publish(by.agreementId, 'status', {});
    return { id: created.id, sessionToken };
  }

  private expectInForce(by: Participant): SignedState {
    const s = this.d.service.state(by.agreementId);
    if (!s)
      throw new HttpError(
        409,
        this.d.versions.status(by.agreementId) === 'signed' ? 'not_signed' : this.d.versions.status(by.agreementId),
        'The agreement is not signed.',
      );
    if (s.phase === 'ended') throw new HttpError(409, 'ended', 'The agreement has ended.');
    return s;
  }
}
