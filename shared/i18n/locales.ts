import type { Lang } from '../template';

/**
 * The Intl locale of each language: Canadian English and French (dates,
 * times, plurals). Apart from index.ts so the client can name locales
 * without importing both catalogues (it loads one, client/messages.ts).
 */
export const LOCALES: Record<Lang, string> = { en: 'en-CA', fr: 'fr-CA' };
