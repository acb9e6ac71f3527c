import { isMessageKey } from './messages';
import type { Translate } from '../shared/i18n/translate';
import { ApiFailure } from './apiFailure';

/**
 * What to tell the reader when a request failed: the words of the server's
 * error code (shared/errors.ts) in the reader's language. The server's
 * `message` is English detail for API clients; it is shown only for a code
 * this client has no words for. `offline` is for a request that got no answer.
 */
export function errorText(t: Translate, err: unknown, offline: string = t('common.networkFailed')): string {
  if (!(err instanceof ApiFailure)) return offline;
  const key = `error.${err.code}`;
  return isMessageKey(key) ? t(key) : err.message;
}
