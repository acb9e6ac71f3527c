import type { CalendarFeedCreated, CalendarFeeds, CalendarScope } from '../../shared/calendarSchemas';
import { hashToken, newLinkToken, newRowId } from '../auth/tokens';
import { notFound } from '../errors';
import { isoOn, type Clock } from '../lifecycle/clock';
import type { AfterSigningService } from '../lifecycle/service';
import type { LifecycleStore } from '../lifecycle/store';
import type { AgreementStore } from '../store/agreements';
import type { Participant, ParticipantStore } from '../store/participants';
import { buildCalendar, type FeedAgreement } from './feed';
import type { CalendarStore } from './store';

export interface CalendarDeps {
  store: CalendarStore;
  participants: ParticipantStore;
  agreements: AgreementStore;
  service: AfterSigningService;
  lifecycle: LifecycleStore;
  clock: Clock;
  /** The language the participant chose for what they are sent (their e-mail preferences), if any. */
  languageOf: (p: Participant) => string | null;
  /** `PUBLIC_URL`; without it the URL is built on the address the request came to. */
  publicUrl?: string;
  /** A person's live participants (server/auth/persons.ts). */
  personParticipants: (personId: string) => Participant[];
}

/**
 * Calendar feeds (RFC 5545) of the dates a signed agreement's terms give it.
 * A participant makes one for the agreement, or one for every agreement of
 * the person they are (the dashboard's person: from a browser signed in as
 * a person, that person's participants whenever the feed is read; else the
 * participants its cookies held when the feed was made). The URL carries an unguessable
 * token, shown once; calendar apps fetch it without a session. Making a new
 * one or revoking stops the old URL.
 */
export class CalendarService {
  constructor(private readonly d: CalendarDeps) {}

  list(p: Participant): CalendarFeeds {
    return { feeds: this.d.store.live(p.id).map((f) => ({ scope: f.scope, createdAt: f.createdAt })) };
  }

  /** `personId`: the browser's person; their feed then follows them instead of keeping `person` as it is now. */
  create(p: Participant, scope: CalendarScope, person: readonly Participant[], origin: string, personId?: string): CalendarFeedCreated {
    const { token, tokenHash } = newLinkToken();
    const createdAt = isoOn(this.d.clock);
    const members = scope === 'person' ? [...new Set([p.id, ...person.map((q) => q.id)])] : [p.id];
    const follows = scope === 'person' ? (personId ?? null) : null;
    this.d.store.replace({ id: newRowId(), participantId: p.id, scope, createdAt, personId: follows }, tokenHash, members);
    return { scope, url: new URL(`/api/calendar/${token}.ics`, this.d.publicUrl ?? origin).toString(), createdAt };
  }

  revoke(p: Participant, scope: CalendarScope): void {
    if (!this.d.store.revoke(p.id, scope, isoOn(this.d.clock))) throw notFound('Calendar feed');
  }

  /** The feed behind a token, or a 404 (unknown, revoked, or its participant's access revoked). */
  feed(token: string, origin: string): { ics: string; filename: string } {
    const feed = this.d.store.byTokenHash(hashToken(token));
    const owner = feed && this.d.participants.get(feed.participantId);
    if (!feed || !owner || owner.revokedAt !== null) throw notFound('Calendar feed');
    const language = this.d.languageOf(owner);
    // A member whose access was revoked since no longer shows.
    const members = (
      feed.personId ? [owner, ...this.d.personParticipants(feed.personId)] : this.d.store.members(feed.id).flatMap((id) => this.d.participants.get(id) ?? [])
    ).filter((m) => m.revokedAt === null);
    const today = this.d.service.today();
    const agreements: FeedAgreement[] = [...new Set(members.map((m) => m.agreementId))].flatMap((id) => {
      const a = this.d.agreements.get(id);
      const state = this.d.service.state(id, today);
      if (!a || !state) return [];
      // An amended agreement's dates are its original's: they are listed once, under the original when the person has it.
      if (state.version.agreementId !== id && members.some((m) => m.agreementId === state.version.agreementId)) return [];
      return [{ id, title: a.title, language: language ?? a.language, state, reviewMeetings: this.d.lifecycle.reviewMeetings(id) }];
    });
    const first = agreements[0];
    const name = feed.scope === 'agreement' ? (this.d.agreements.get(owner.agreementId)?.title ?? 'Entente') : 'Entente';
    const base = this.d.publicUrl ?? origin;
    const cal = buildCalendar(name, agreements, (id) => new URL(`/a/${id}`, base).toString(), new Date(this.d.clock.now()));
    return { ics: cal.toString(), filename: feed.scope === 'agreement' && first ? `agreement-${first.id}.ics` : 'agreements.ics' };
  }
}
