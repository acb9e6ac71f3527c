import { z } from 'zod';
import { MailPreferencesFields } from './notifyViews';

/**
 * Notifications and e-mail choices: the requests, and (re-exported from
 * shared/notifyViews.ts, in zod/mini, which the client loads) the answers.
 */
export * from './notifyViews';

/** Mark these read, or (no ids) every one this browser's people have. */
export const MarkReadSchema = z.object({ ids: z.array(z.string().max(64)).max(500).optional() });

/** PUT …/mail-preferences: the language of one's e-mails and the kinds one does not want by e-mail. */
export const MailPreferencesSchema = z.object(MailPreferencesFields);
export type MailPreferences = z.infer<typeof MailPreferencesSchema>;
