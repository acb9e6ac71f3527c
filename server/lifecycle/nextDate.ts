import type { LifecycleView } from '../../shared/lifecycleSchemas';
import type { SignedState } from './service';
import type { Notice } from './store';

/**
 * The next date that matters to a signed agreement, from today on: a review
 * meeting (when they are on), the renewal review, the notice's effective
 * day, the end. Nothing once it has ended. A date falling after the day it
 * ends is not coming.
 */
export function nextDate(
  s: Pick<SignedState, 'dates' | 'phase' | 'endsOn'> & { notice: Pick<Notice, 'effectiveOn'> | undefined },
  today: string,
  reviewMeetings: boolean,
): LifecycleView['next'] {
  if (s.phase === 'ended') return null;
  const candidates: NonNullable<LifecycleView['next']>[] = [];
  if (reviewMeetings) for (const on of s.dates.reviewMeetings) candidates.push({ kind: 'review_meeting', on });
  if (s.dates.renewalReviewDate && !s.notice) candidates.push({ kind: 'renewal_review', on: s.dates.renewalReviewDate });
  if (s.notice) candidates.push({ kind: 'notice_effective', on: s.notice.effectiveOn });
  else if (s.dates.endDate) candidates.push({ kind: 'end', on: s.dates.endDate });
  const coming = candidates.filter((c) => c.on >= today && (s.endsOn === null || c.on <= s.endsOn));
  coming.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return coming[0] ?? null;
}
