import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { wordsFormatter } from '../../client/wordsFormatter';

/**
 * client/wordsFormatter.ts writes small whole numbers without asking
 * Intl.NumberFormat (whose first use costs tens of milliseconds of ICU set-up
 * in the browser) and shares its formatters between messages. The words
 * must come out exactly as intl-messageformat with Intl writes them.
 */
const MESSAGES = {
  plural: '{n, plural, =0 {aucune partie} one {# partie} other {# parties}}',
  number: 'Total : {n, number}',
  percent: '{n, number, percent}',
  plain: 'Section {n}',
  ordinal: '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}',
};
const VALUES = [0, 1, 2, 5, 21, 999, 1000, 1234, 12345.5, 0.5, -3, -1000, 1e21];

describe('the words formatter', () => {
  it.each(['fr', 'en'])('formats numbers in %s messages exactly as Intl does', (locale) => {
    const words = wordsFormatter(locale, MESSAGES);
    for (const [id, message] of Object.entries(MESSAGES))
      for (const n of VALUES) {
        // The reference: a message with intl-messageformat's own formatters, made of Intl's.
        const expected = new IntlMessageFormat(message, locale).format({ n });
        expect(words.formatMessage({ id }, { n }), `${id} ${n}`).toBe(expected);
      }
  });

  it.each(['fr', 'en'])('formats dates and relative times in %s as Intl does, with or without options', (locale) => {
    const words = wordsFormatter(locale, MESSAGES);
    const at = new Date(Date.UTC(2026, 11, 3, 15, 4));
    for (const options of [{}, { dateStyle: 'long' }, { hour: '2-digit', minute: '2-digit' }] as const) {
      expect(words.formatTime(at, options)).toBe(new Intl.DateTimeFormat(locale, options).format(at));
      expect(words.formatDateToParts(at, options)).toEqual(new Intl.DateTimeFormat(locale, options).formatToParts(at));
    }
    for (const options of [{}, { numeric: 'auto' }] as const)
      expect(words.formatRelativeTime(-1, 'day', options)).toBe(new Intl.RelativeTimeFormat(locale, options).format(-1, 'day'));
  });

  it('shows the key of a missing message, or of one missing a value', () => {
    const words = wordsFormatter('fr', MESSAGES);
    expect(words.formatMessage({ id: 'nope' })).toBe('nope');
    expect(words.formatMessage({ id: 'plural' })).toBe('plural');
  });
});
