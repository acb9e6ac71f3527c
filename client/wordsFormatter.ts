import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import type { IntlLike } from '../shared/i18n/translate';
import type { Catalogue } from './messages';

/*
 * Why the two pieces below: in Chromium, the first Intl.NumberFormat a page
 * makes (or the first Intl.NumberFormat.supportedLocalesOf) costs 26 to 30 ms
 * of ICU set-up, and intl-messageformat asks supportedLocalesOf for every
 * message it compiles, on the first screen's main thread. The client's
 * locales are always one it ships ('fr' or 'en'), so there is nothing to
 * resolve; and the numbers its messages show are mostly small counts, which
 * both languages write as plain digits. So the set-up waits for the first
 * number that needs it, which the first screen does not have.
 */
const resolved = new Map<string, Intl.Locale>();
IntlMessageFormat.resolveLocale = (locales) => {
  const tag = typeof locales === 'string' ? locales : (locales[0] ?? 'en');
  let locale = resolved.get(tag);
  if (!locale) resolved.set(tag, (locale = new Intl.Locale(tag)));
  return locale;
};

/** A whole number from 0 to 999, which French and English write alike: its digits, no grouping. */
const isPlainDigits = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1000;

/** The formatter made for these arguments, made on first use (Intl's formatters are costly to make, cheap to reuse). */
function once<T>(cache: Map<string, T>, args: unknown, make: () => T): T {
  const key = JSON.stringify(args);
  let made = cache.get(key);
  if (made === undefined) cache.set(key, (made = make()));
  return made;
}

/** intl-messageformat's formatters, shared by every message of one language (it otherwise makes a set per message). */
function sharedFormatters(): Formatters {
  const numbers = new Map<string, Intl.NumberFormat>();
  const dates = new Map<string, Intl.DateTimeFormat>();
  const plurals = new Map<string, Intl.PluralRules>();
  // FormatJS types the options with ES2023's additions (useGrouping: 'always'…), which the browser's Intl takes.
  const numberFormat = (locales?: string | string[], options?: Parameters<Formatters['getNumberFormat']>[1]): Intl.NumberFormat =>
    once(numbers, [locales, options], () => new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions | undefined));
  return {
    getNumberFormat(locales, options) {
      if (options !== undefined && Object.keys(options).length > 0) return numberFormat(locales, options);
      // Default formatting (a plural's #, a plain {n, number}): small whole numbers as their digits, the rest by Intl.
      const light: Pick<Intl.NumberFormat, 'format'> = {
        format: (value) => (isPlainDigits(value) ? String(value) : numberFormat(locales).format(value)),
      };
      return light as Intl.NumberFormat;
    },
    getDateTimeFormat: (...args) => once(dates, args, () => new Intl.DateTimeFormat(...args)),
    getPluralRules: (...args) => once(plurals, args, () => new Intl.PluralRules(...args)),
  };
}

/**
 * The browser's formatter of the words and dates (what shared/i18n needs,
 * `IntlLike`): ICU messages with FormatJS's intl-messageformat, dates and
 * relative times with the browser's Intl. This is what @formatjs/intl's
 * `createIntl` does for these five calls, without the rest of it (numbers,
 * lists, display names, durations, their option checks), which the client
 * never uses: about 5 kB gzip less on every page. The server keeps
 * `createIntl`. A missing key, or a value missing, shows the key, as FormatJS does.
 */
export function wordsFormatter(locale: string, messages: Catalogue): IntlLike {
  const compiled = new Map<string, IntlMessageFormat>();
  const formatters = sharedFormatters();
  const relative = new Map<string, Intl.RelativeTimeFormat>();
  // The same date formatters as the messages' {d, date} arguments use.
  const dateFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => formatters.getDateTimeFormat(locale, options);
  return {
    locale,
    formatMessage({ id }, values) {
      const message = messages[id];
      if (message === undefined) return id;
      let format = compiled.get(id);
      if (!format) compiled.set(id, (format = new IntlMessageFormat(message, locale, undefined, { formatters })));
      try {
        const text = format.format(values);
        return typeof text === 'string' ? text : String(text);
      } catch {
        return id; // a value missing (the type checker makes it rare): the key, as FormatJS answers
      }
    },
    formatDateToParts: (value, options) => dateFormat(options).formatToParts(value),
    formatTime: (value, options) => dateFormat(options).format(value),
    formatRelativeTime: (value, unit, options) => once(relative, options, () => new Intl.RelativeTimeFormat(locale, options)).format(value, unit),
  };
}
