import { translator, type IntlLike } from './translate';

/**
 * Dates and times, from Intl through FormatJS, one way everywhere: the UI
 * (the reader's time zone) and the PDF/DOCX exports (UTC) call these with
 * their own intl object. Times are `hour: 'numeric'`: "20 h 48" in fr-CA,
 * "8:48 p.m." in en-CA (never "08:48 p.m.").
 */
/** A moment; null or undefined (not known yet) formats as ''. */
export type When = Date | number | string | null | undefined;

export interface DayOptions {
  /** 'long' (décembre), 'short' (déc.) or '2-digit' (2026-12-01). */
  month?: 'long' | 'short' | '2-digit';
  year?: boolean;
  weekday?: boolean;
}

const toDate = (value: When): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

const isFrench = (locale: string): boolean => locale.toLowerCase().startsWith('fr');

/**
 * The day: "1er décembre 2026", "2 décembre 2026", "December 1, 2026".
 * French writes the first of the month as an ordinal, which Intl does not.
 */
export function formatDay(intl: IntlLike, value: When, { month = 'long', year = true, weekday = false }: DayOptions = {}): string {
  const date = toDate(value);
  if (!date) return '';
  const numeric = month === '2-digit';
  const parts = intl.formatDateToParts(date, {
    day: numeric ? '2-digit' : 'numeric',
    month,
    year: year ? 'numeric' : undefined,
    weekday: weekday ? 'long' : undefined,
  });
  const ordinal = isFrench(intl.locale) && !numeric;
  return parts.map((p) => (ordinal && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

/** The time of day: "20 h 48" (fr-CA), "8:48 p.m." (en-CA); with seconds for the audit log. */
export function formatTime(intl: IntlLike, value: When, { seconds = false }: { seconds?: boolean } = {}): string {
  const date = toDate(value);
  if (!date) return '';
  return intl.formatTime(date, { hour: 'numeric', minute: '2-digit', second: seconds ? '2-digit' : undefined });
}

/** "1er décembre 2026 à 20 h 48", "December 1, 2026 at 8:48 p.m.": the day and the time, joined by the catalogue. */
export function formatDayTime(intl: IntlLike, value: When, options: DayOptions & { seconds?: boolean } = {}): string {
  const date = toDate(value);
  if (!date) return '';
  return translator(intl)('date.at', { date: formatDay(intl, date, options), time: formatTime(intl, date, options) });
}

/** How long ago, for recent things ("à l’instant", "il y a 5 minutes"); the day and time beyond a day. */
export function formatAgo(intl: IntlLike, value: When, now = Date.now()): string {
  const date = toDate(value);
  if (!date) return '';
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (seconds < 45) return translator(intl)('date.justNow');
  if (seconds < 3600) return intl.formatRelativeTime(-Math.max(1, Math.round(seconds / 60)), 'minute', { numeric: 'auto' });
  if (seconds < 86_400) return intl.formatRelativeTime(-Math.round(seconds / 3600), 'hour', { numeric: 'auto' });
  return formatDayTime(intl, date, { month: 'short' });
}
