import { describe, expect, it } from 'vitest';
import { addDays, addMonths, agreementDates, noticeEffective, signedPhase } from '../../shared/lifecycle';
import { dueEvents } from '../../server/lifecycle/dueEvents';
import { nextDate } from '../../server/lifecycle/nextDate';

describe('dates from the signed terms', () => {
  it('counts months on the calendar, keeping to the month’s last day', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-08-15', -6)).toBe('2025-02-15');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('runs the term from the last signature, with the renewal review before the end and meetings twice a year', () => {
    const d = agreementDates('2025-03-10T16:20:00.000Z', { termYears: 1, renewalReviewMonths: null, terminationNoticeDays: 60 });
    expect(d).toEqual({ inForceFrom: '2025-03-10', endDate: '2026-03-10', renewalReviewDate: '2025-09-10', noticeDays: 60, reviewMeetings: ['2025-09-10'] });
    // No term: no end, meetings for two years; no notice period: the guides' shortest, 30 days.
    const open = agreementDates('2025-03-10T00:00:00Z', { termYears: null, renewalReviewMonths: 3, terminationNoticeDays: null });
    expect(open).toMatchObject({ endDate: null, renewalReviewDate: null, noticeDays: 30, reviewMeetings: ['2025-09-10', '2026-03-10', '2026-09-10'] });
    // A lead time longer than the term puts the review at the start.
    expect(agreementDates('2025-03-10T00:00:00Z', { termYears: 1, renewalReviewMonths: 18, terminationNoticeDays: 30 }).renewalReviewDate).toBe('2025-03-10');
  });

  it('makes notice effective after the notice period, or at the end if that comes first', () => {
    expect(noticeEffective('2025-04-01T23:59:00Z', { noticeDays: 90, endDate: null })).toBe('2025-06-30');
    expect(noticeEffective('2026-02-01T10:00:00Z', { noticeDays: 90, endDate: '2026-03-10' })).toBe('2026-03-10');
  });

  it('is in force, then notice given, then ended from the start of the day it ends', () => {
    expect(signedPhase('2025-05-01', { endDate: '2026-03-10' }, null)).toBe('in_force');
    expect(signedPhase('2025-05-01', { endDate: '2026-03-10' }, '2025-06-30')).toBe('notice_given');
    expect(signedPhase('2025-06-30', { endDate: '2026-03-10' }, '2025-06-30')).toBe('ended');
    expect(signedPhase('2026-03-10', { endDate: '2026-03-10' }, null)).toBe('ended');
  });
});

describe('what is due, and what comes next', () => {
  const dates = agreementDates('2025-03-10T00:00:00Z', { termYears: 2, renewalReviewMonths: 6, terminationNoticeDays: 90 });
  const state = (today: string, notice?: string) => {
    const effectiveOn = notice && noticeEffective(notice, dates);
    const phase = signedPhase(today, dates, effectiveOn ?? null);
    const endsOn = [dates.endDate, effectiveOn ?? null].filter((d): d is string => d !== null).sort()[0] ?? null;
    return { dates, phase, endsOn, notice: effectiveOn ? { effectiveOn } : undefined } as const;
  };

  it('sends each reminder from its lead time up to its date, never late', () => {
    expect(dueEvents(state('2025-08-26'), '2025-08-26', true)).toEqual([]);
    expect(dueEvents(state('2025-08-27'), '2025-08-27', true)).toEqual([{ kind: 'review_meeting', on: '2025-09-10', from: '2025-08-27' }]);
    expect(dueEvents(state('2025-09-11'), '2025-09-11', true)).toEqual([]);
    expect(dueEvents(state('2025-08-27'), '2025-08-27', false)).toEqual([]);
    expect(dueEvents(state('2026-09-01'), '2026-09-01', false)).toEqual([{ kind: 'renewal_review', on: '2026-09-10', from: '2026-08-27' }]);
  });

  it('ends once, and a notice replaces the renewal review and the end', () => {
    const s = state('2025-05-01', '2025-05-01T12:00:00Z');
    expect(nextDate(s, '2025-05-01', true)).toEqual({ kind: 'notice_effective', on: '2025-07-30' });
    expect(dueEvents(s, '2025-07-25', true)).toEqual([{ kind: 'notice_effective', on: '2025-07-30', from: '2025-07-23' }]);
    const ended = state('2025-08-01', '2025-05-01T12:00:00Z');
    expect(dueEvents(ended, '2025-08-01', true)).toEqual([{ kind: 'ended', on: '2025-07-30', from: '2025-07-30' }]);
    expect(nextDate(ended, '2025-08-01', true)).toBeNull();
    expect(nextDate(state('2025-03-11'), '2025-03-11', false)).toEqual({ kind: 'renewal_review', on: '2026-09-10' });
  });
});
