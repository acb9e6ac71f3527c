import type { MessageKey } from './index';
import type { ValuesArg } from './args';

/** Formats one message of the catalogue, with its arguments checked by the type checker. */
export type Translate = <K extends MessageKey>(key: K, ...values: ValuesArg<K>) => string;

/**
 * What the shared formatters need of a FormatJS intl object: `createIntl`'s
 * on the server, and in the browser client/wordsFormatter.ts (the same
 * formatting with intl-messageformat and the browser's Intl alone).
 */
export interface IntlLike {
  locale: string;
  formatMessage(descriptor: { id: string }, values?: Record<string, string | number>): string;
  formatDateToParts(value: Date, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatPart[];
  formatTime(value: Date, options: Intl.DateTimeFormatOptions): string;
  formatRelativeTime(value: number, unit: Intl.RelativeTimeFormatUnit, options: Intl.RelativeTimeFormatOptions): string;
}

export function translator(intl: Pick<IntlLike, 'formatMessage'>): Translate {
  // The values were checked against the key at the call; FormatJS takes any record.
  return (key, ...values) => intl.formatMessage({ id: key }, values[0] as Record<string, string | number> | undefined);
}
