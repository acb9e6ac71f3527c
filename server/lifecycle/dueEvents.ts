import { addDays } from '../../shared/lifecycle';
import type { SignedState } from './service';
import type { Notice } from './store';

export type DueKind = 'ended' | 'renewal_review' | 'review_meeting' | 'notice_effective';

/** One dated event of a signed agreement: `on` is the date it is about, handled once from `from` on. */
export interface DueEvent {
  kind: DueKind;
  on: string;
  from: string;
}

/** How long before its date each reminder goes out. */
export const REMINDER_LEAD_DAYS: Record<Exclude<DueKind, 'ended'>, number> = {
  review_meeting: 14,
  renewal_review: 14,
  notice_effective: 7,
};

/**
 * The events of a signed agreement that are due on `today` and not yet past
 * their date: the end (from the day itself, however late the server notices),
 * and reminders ahead of the renewal review, each review meeting (when they
 * are on) and the notice's effective day. A reminder whose date has passed
 * (the server was stopped through it) is not sent late.
 */
export function dueEvents(
  s: Pick<SignedState, 'dates' | 'phase' | 'endsOn'> & { notice: Pick<Notice, 'effectiveOn'> | undefined },
  today: string,
  reviewMeetings: boolean,
): DueEvent[] {
  if (s.phase === 'ended') return s.endsOn ? [{ kind: 'ended', on: s.endsOn, from: s.endsOn }] : [];
  const reminders: { kind: Exclude<DueKind, 'ended'>; on: string }[] = [];
  if (reviewMeetings) for (const on of s.dates.reviewMeetings) reminders.push({ kind: 'review_meeting', on });
  if (s.dates.renewalReviewDate && !s.notice) reminders.push({ kind: 'renewal_review', on: s.dates.renewalReviewDate });
  if (s.notice) reminders.push({ kind: 'notice_effective', on: s.notice.effectiveOn });
  return reminders
    .map((r) => ({ ...r, from: addDays(r.on, -REMINDER_LEAD_DAYS[r.kind]) }))
    .filter((r) => r.from <= today && today <= r.on && (s.endsOn === null || r.on <= s.endsOn));
}
