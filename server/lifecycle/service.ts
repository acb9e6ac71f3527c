import { agreementDates, noticeEffective, signedPhase, type AgreementDates, type SignedPhase } from '../../shared/lifecycle';
import type { LifecycleView } from '../../shared/lifecycleSchemas';
import type { AgreementContent } from '../../shared/render';
import { can, canGiveNotice, canWriteRecord } from '../auth/policy';
import { newRowId } from '../auth/tokens';
import { HttpError } from '../errors';
import type { EventHub } from '../events/hub';
import type { AuditLog } from '../store/audit';
import type { Participant, ParticipantStore } from '../store/participants';
import type { Version, VersionStore } from '../store/versions';
import { isoOn, todayOn, type Clock } from './clock';
import { nextDate } from './nextDate';
import { latestSigned, rootOf, type LinkLookup } from './chain';
import type { LifecycleStore, Notice } from './store';

export interface LifecycleDeps {
  store: LifecycleStore;
  versions: VersionStore;
  participants: ParticipantStore;
  audit: AuditLog;
  hub: EventHub;
  clock: Clock;
  /** After notice is given (every party is told). */
  afterNotice?: (agreementId: string, notice: Notice) => void;
  /** Renewals and amendments (agreement_links): an amendment lives the life of its chain's original. */
  links?: LinkLookup;
}

/** A signed agreement as its dates and notice make it today. */
export interface SignedState {
  version: Version;
  content: AgreementContent;
  dates: AgreementDates;
  notice: Notice | undefined;
  phase: SignedPhase;
  endedBy: 'notice' | 'expiry' | null;
  /** The day it ends (or ended): the end date, or the notice's effective day if sooner. */
  endsOn: string | null;
}

/**
 * Life after signing: the dates from the signed version's own terms, notice
 * of termination, and the record of the partnership once it ends. The
 * phase is computed from the clock, so "ended" holds from the start of the
 * day without anything having to run; the scheduler only tells people.
 */
export class AfterSigningService {
  constructor(private readonly d: LifecycleDeps) {}

  today(): string {
    return todayOn(this.d.clock);
  }

  /** Null unless the agreement is signed. */
  state(agreementId: string, today = this.today()): SignedState | null {
    const version = this.d.versions.current(agreementId);
    return version ? this.stateOf(version, today) : null;
  }

  /**
   * The life of a signed version. An amendment changes the agreement, not its
   * life: the chain's original is in force from its own last signature, with
   * the terms (term, review lead time, notice period) of the agreement as it
   * stands, the latest signed text of the chain; a signed amendment's version
   * gets the original's state (its dates, notice and phase), so reminders,
   * notice and the end happen once, on the original.
   */
  stateOf(version: Version, today = this.today()): SignedState | null {
    const links = this.d.links;
    if (!links) return this.textState(version, today);
    const root = rootOf(links, version.agreementId);
    if (root !== version.agreementId) {
      if (version.status !== 'signed') return null;
      const original = this.d.versions.current(root);
      return original ? this.stateOf(original, today) : null;
    }
    const latest = latestSigned(links, (id) => this.d.versions.current(id), root, version);
    return this.textState(version, today, latest && latest !== version ? (JSON.parse(latest.canonical) as AgreementContent).duration : undefined);
  }

  /** A signed version as its own text makes it (`terms`: another text's, the agreement as it stands). */
  textState(version: Version, today = this.today(), terms?: AgreementContent['duration']): SignedState | null {
    if (version.status !== 'signed' || !version.signedAt) return null;
    const content = JSON.parse(version.canonical) as AgreementContent;
    const dates = agreementDates(version.signedAt, terms ?? content.duration);
    const notice = this.d.store.notice(version.id);
    const phase = signedPhase(today, dates, notice?.effectiveOn ?? null);
    const endsOn = [dates.endDate, notice?.effectiveOn ?? null].filter((d): d is string => d !== null).sort()[0] ?? null;
    const endedBy = phase !== 'ended' ? null : notice && notice.effectiveOn === endsOn ? 'notice' : 'expiry';
    return { version, content, dates, notice, phase, endedBy, endsOn };
  }

  view(reader: Participant): LifecycleView {
    const id = reader.agreementId;
    const today = this.today();
    const s = this.state(id, today);
    // On a signed amendment's page: the life of the original it amends (see stateOf).
    const lifeOf = s?.version.agreementId ?? id;
    const onOriginal = lifeOf === id;
    const reviewMeetings = this.d.store.reviewMeetings(lifeOf);
    const people = new Map([...this.d.participants.list(lifeOf), ...this.d.participants.list(id)].map((p) => [p.id, p]));
    const person = (pid: string) => ({ id: pid, name: people.get(pid)?.name ?? '' });
    const notice = s?.notice;
    return {
      phase: s?.phase ?? null,
      endedBy: s?.endedBy ?? null,
      dates: s?.dates ?? null,
      reviewMeetings,
      next: s ? nextDate(s, today, reviewMeetings) : null,
      today,
      notice: notice
        ? {
            givenAt: notice.givenAt,
            givenBy: person(notice.participantId),
            partyId: notice.partyId,
            partyName: s.content.parties.find((p) => p.id === notice.partyId)?.legalName ?? '',
            reason: notice.reason,
            effectiveOn: notice.effectiveOn,
          }
        : null,
      records: this.d.store
        .records(lifeOf)
        .map((r) => ({ id: r.id, partyId: r.partyId, author: person(r.participantId), body: r.body, createdAt: r.createdAt })),
      may: {
        giveNotice: onOriginal && s?.phase === 'in_force' && canGiveNotice(reader),
        record: onOriginal && s?.phase === 'ended' && canWriteRecord(reader),
        settings: onOriginal && s !== null && can(reader, 'manage'),
      },
    };
  }

  /** Written notice of termination (the route asked the policy: owner or designated signatory), with a reason: effective after the agreement's notice period (or at its end if sooner). */
  giveNotice(by: Participant, reason: string): LifecycleView {
    const id = by.agreementId;
    const notice = this.d.store.transaction(() => {
      const s = this.expectSigned(id);
      if (s.phase === 'ended') throw new HttpError(409, 'ended', 'The agreement has already ended.');
      if (s.notice) throw new HttpError(409, 'notice_given', 'Notice has already been given.');
      const givenAt = isoOn(this.d.clock);
      const n: Notice = {
        versionId: s.version.id,
        agreementId: id,
        participantId: by.id,
        partyId: by.partyId,
        reason,
        givenAt,
        effectiveOn: noticeEffective(givenAt, s.dates),
      };
      this.d.store.addNotice(n);
      this.d.audit.append(id, by.id, 'notice_given', { version: s.version.number, partyId: by.partyId, reason, effectiveOn: n.effectiveOn });
      return n;
    });
    this.d.hub.publish(id, 'status', {});
    this.d.afterNotice?.(id, notice);
    return this.view(by);
  }

  /** A party's part of the record of the partnership's history and achievements, once it has ended. */
  addRecord(by: Participant, body: string): LifecycleView {
    const id = by.agreementId;
    const s = this.expectSigned(id);
    if (s.phase !== 'ended') throw new HttpError(409, 'not_ended', 'The record is written once the agreement has ended.');
    const record = { id: newRowId(), agreementId: id, participantId: by.id, partyId: by.partyId, body, createdAt: isoOn(this.d.clock) };
    this.d.store.transaction(() => {
      this.d.store.addRecord(record);
      this.d.audit.append(id, by.id, 'record_added', { id: record.id, partyId: by.partyId });
    });
    this.d.hub.publish(id, 'status', {});
    return this.view(by);
  }

  setReviewMeetings(by: Participant, on: boolean): LifecycleView {
    this.expectSigned(by.agreementId);
    this.d.store.setReviewMeetings(by.agreementId, on);
    this.d.hub.publish(by.agreementId, 'status', {});
    return this.view(by);
  }

  /** The agreement's own signed state; an amendment's notice, record and settings are the original's. */
  private expectSigned(id: string): SignedState {
    const s = this.state(id);
    if (!s) {
      const status = this.d.versions.status(id);
      throw new HttpError(409, status === 'signed' ? 'not_signed' : status, 'The agreement is not signed.');
    }
    if (s.version.agreementId !== id) throw new HttpError(409, 'on_original', 'This amendment is part of the original agreement: act on the original.');
    return s;
  }
}
