import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { LOCALES, MESSAGES } from '../shared/i18n';
import type { Lang } from '../shared/template';

const cache = createIntlCache();
const INTL = new Map<Lang, IntlShape>();

/**
 * The server's FormatJS instance for a language (exports, e-mails, calendar
 * feeds), over the shared catalogue, in UTC: the server does not know the
 * reader's zone. A message that cannot be formatted throws, so nothing
 * half-printed reaches a signed copy or an inbox.
 */
export function intlFor(lang: Lang): IntlShape {
  let intl = INTL.get(lang);
  if (!intl) {
    intl = createIntl(
      {
        locale: LOCALES[lang],
        messages: MESSAGES[lang],
        timeZone: 'UTC',
        onError: (error) => {
          throw error;
        },
      },
      cache,
    );
    INTL.set(lang, intl);
  }
  return intl;
}
