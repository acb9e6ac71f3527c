import ical, { type ICalCalendar } from 'ical-generator';
import { addDays } from '../../shared/lifecycle';
import { langOf } from '../../shared/i18n';
import type { SignedState } from '../lifecycle/service';
import { intlFor } from '../intl';

export type CalendarEventKind = 'end' | 'renewal_review' | 'review_meeting' | 'notice_effective';

export interface FeedAgreement {
  id: string;
  title: string;
  /** The reader's language if they chose one, else the agreement's. */
  language: string;
  state: SignedState;
  reviewMeetings: boolean;
}

/**
 * The dates of one signed agreement as all-day events: the end of the term,
 * the renewal review, the review meetings (when they are on), the notice's
 * effective day. As on the dashboard (lifecycle/nextDate.ts), a date after
 * the day the agreement ends (by notice) is not coming and is left out; the
 * renewal review goes once notice is given. Past dates stay, as in any
 * calendar. UIDs are stable, so a calendar app updates an event instead of
 * adding another.
 */
export function agreementEvents(a: FeedAgreement): { kind: CalendarEventKind; on: string }[] {
  const { dates, notice, endsOn } = a.state;
  const events: { kind: CalendarEventKind; on: string }[] = [];
  if (a.reviewMeetings) for (const on of dates.reviewMeetings) events.push({ kind: 'review_meeting', on });
  if (dates.renewalReviewDate && !notice) events.push({ kind: 'renewal_review', on: dates.renewalReviewDate });
  if (notice) events.push({ kind: 'notice_effective', on: notice.effectiveOn });
  if (dates.endDate && (!notice || notice.effectiveOn >= dates.endDate)) events.push({ kind: 'end', on: dates.endDate });
  return events.filter((e) => endsOn === null || e.on <= endsOn).sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
}

export function buildCalendar(name: string, agreements: readonly FeedAgreement[], link: (agreementId: string) => string, stamp: Date): ICalCalendar {
  // Calendar apps that honour it refetch every six hours (REFRESH-INTERVAL, X-PUBLISHED-TTL): a notice shows the same day.
  const cal = ical({ name, prodId: { company: 'Entente', product: 'Agreement dates', language: 'EN' }, ttl: 6 * 60 * 60 });
  for (const a of agreements) {
    const intl = intlFor(langOf(a.language));
    const url = link(a.id);
    for (const e of agreementEvents(a)) {
      cal.createEvent({
        id: `${a.id}-${e.kind}-${e.on}@entente`,
        start: new Date(`${e.on}T00:00:00.000Z`),
        end: new Date(`${addDays(e.on, 1)}T00:00:00.000Z`),
        allDay: true,
        stamp,
        summary: intl.formatMessage({ id: `calendar.event.${e.kind}` }, { title: a.title }),
        description: url,
        url,
      });
    }
  }
  return cal;
}
