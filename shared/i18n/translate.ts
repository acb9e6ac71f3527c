import type { IntlShape } from '@formatjs/intl';
import type { MessageKey } from './index';
import type { ValuesArg } from './args';

/** Formats one message of the catalogue, with its arguments checked by the type checker. */
export type Translate = <K extends MessageKey>(key: K, ...values: ValuesArg<K>) => string;

/** What the shared formatters need of a FormatJS intl object (`createIntl` on the server, `useIntl` in React). */
export type IntlLike = Pick<IntlShape, 'locale' | 'formatMessage' | 'formatDateToParts' | 'formatTime' | 'formatRelativeTime'>;

export function translator(intl: Pick<IntlShape, 'formatMessage'>): Translate {
  // The values were checked against the key at the call; FormatJS takes any record.
  return (key, ...values) => intl.formatMessage({ id: key }, values[0] as Record<string, string | number> | undefined);
}
