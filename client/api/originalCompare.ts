/** What an amendment or a renewal changes against its original (server/routes/lifecycle.ts, /original-compare). */
import { ComparisonSchema } from '../../shared/historyViews';
import { get, under } from './http';

/** What an amendment (or a renewal) changes: the original's signed version against this agreement's current text. */
export const compareWithOriginal = (id: string, original: string, signal?: AbortSignal) =>
  get(under(id, `/original-compare?original=${encodeURIComponent(original)}&to=current`), ComparisonSchema, signal);
/** What an amendment changes as a redline to download, against its current text. */
export const originalRedlineUrl = (id: string, original: string, format: 'pdf' | 'docx'): string =>
  under(id, `/original-compare.${format}?original=${encodeURIComponent(original)}&to=current`);
