import type { Translate } from '../../shared/i18n/translate';
import { ApiFailure } from '../apiFailure';
import { errorText } from '../errorText';

/** What to tell the writer of a comment when the server refused it. */
export function failureText(err: unknown, t: Translate): string {
  if (err instanceof ApiFailure) {
    if (err.status === 409 && err.code === 'locked') return t('comments.locked');
    if (err.status === 403) return t('comments.forbidden');
    if (err.status === 404) return t('comments.gone');
  }
  return errorText(t, err, t('comments.failed'));
}
