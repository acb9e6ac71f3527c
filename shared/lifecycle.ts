/**
 * The dates a signed agreement's own clauses give it (001, Ressource 5:
 * in force for N years from the last signature, the renewal review about
 * six months before expiry, notice of 30, 60 or 90 days; reviews of the
 * partnership at least twice a year). Pure, on calendar days in UTC, so the
 * server, the client and the signed JSON copy agree to the day.
 */

/** The guides' default lead time for the renewal review when the agreement gives none. */
export const DEFAULT_RENEWAL_REVIEW_MONTHS = 6;
/** The shortest notice the guides mention, used when the agreement gives none. */
export const DEFAULT_NOTICE_DAYS = 30;
/** "At least twice a year": a review meeting every six months from the start. */
export const REVIEW_MEETING_EVERY_MONTHS = 6;

export interface Terms {
  termYears: number | null;
  renewalReviewMonths: number | null;
  terminationNoticeDays: number | null;
}

export interface AgreementDates {
  /** The last signature's day (YYYY-MM-DD, UTC). */
  inForceFrom: string;
  /** The anniversary `termYears` after it: the agreement ends at the start of that day. Null without a term. */
  endDate: string | null;
  /** The renewal review: `renewalReviewMonths` (six by default) before the end. */
  renewalReviewDate: string | null;
  noticeDays: number;
  /** Review meetings every six months after the start, before the end (the first two years when there is no end). */
  reviewMeetings: string[];
}

/** The calendar day (UTC) of an ISO timestamp or date. */
export const dayOf = (iso: string): string => iso.slice(0, 10);

/** Adds calendar months to a day; the 31st becomes the month's last day (29 February + 12 months = 28 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const positive = (n: number | null): n is number => n !== null && Number.isFinite(n) && n > 0;

export function agreementDates(lastSignature: string, terms: Terms): AgreementDates {
  const inForceFrom = dayOf(lastSignature);
  const endDate = positive(terms.termYears) ? addMonths(inForceFrom, Math.round(terms.termYears * 12)) : null;
  const lead = positive(terms.renewalReviewMonths) ? terms.renewalReviewMonths : DEFAULT_RENEWAL_REVIEW_MONTHS;
  const renewal = endDate ? addMonths(endDate, -lead) : null;
  const reviewMeetings: string[] = [];
  const horizon = endDate ?? addMonths(inForceFrom, 24);
  for (let n = 1; ; n++) {
    const day = addMonths(inForceFrom, n * REVIEW_MEETING_EVERY_MONTHS);
    if (day >= horizon) break;
    reviewMeetings.push(day);
  }
  return {
    inForceFrom,
    endDate,
    // A lead time longer than the term would put the review before the start: it is then the start itself.
    renewalReviewDate: renewal && renewal < inForceFrom ? inForceFrom : renewal,
    noticeDays: positive(terms.terminationNoticeDays) ? terms.terminationNoticeDays : DEFAULT_NOTICE_DAYS,
    reviewMeetings,
  };
}

/** When notice given on `givenAt` takes effect: `noticeDays` later, or at the end date if that comes first. */
export function noticeEffective(givenAt: string, dates: Pick<AgreementDates, 'noticeDays' | 'endDate'>): string {
  const effective = addDays(dayOf(givenAt), dates.noticeDays);
  return dates.endDate && dates.endDate < effective ? dates.endDate : effective;
}

export type SignedPhase = 'in_force' | 'notice_given' | 'ended';

/** Where a signed agreement stands on `today`: it ends at the start of its end day or its notice's effective day. */
export function signedPhase(today: string, dates: Pick<AgreementDates, 'endDate'>, noticeEffectiveOn: string | null): SignedPhase {
  const endsOn = [dates.endDate, noticeEffectiveOn].filter((d): d is string => d !== null).sort()[0];
  if (endsOn !== undefined && today >= endsOn) return 'ended';
  return noticeEffectiveOn ? 'notice_given' : 'in_force';
}
