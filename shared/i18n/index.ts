import type { Lang } from '../template';
import { en } from './en';
import { fr } from './fr';

export { en, fr };

/** Every message id; `fr` is typed `Record<MessageKey, string>`, so a missing or extra French key does not type-check. */
export type MessageKey = keyof typeof en;

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, fr };

/** The Intl locale of each language: Canadian English and French (dates, times, plurals). */
export { LOCALES } from './locales';

/** Whether a key built at run time (an error code, a close code) has a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

export const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'fr');
