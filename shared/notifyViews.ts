import { z } from 'zod/mini';

/**
 * Notifications (GET /api/notifications, …/read, the `notification` event)
 * and e-mail choices (GET/PUT …/mail-preferences) as the server answers
 * them, in zod/mini as the client checks them (see shared/schemas/common.ts);
 * the requests are in shared/notifySchemas.ts, which re-exports these.
 */

/** What people are told. `reminder` carries which date it is about. */
export const NOTIFICATION_KINDS = ['invited', 'mentioned', 'approval_needed', 'ready_to_sign', 'signed', 'notice_given', 'ended', 'reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const REMINDER_KINDS = ['review_meeting', 'renewal_review', 'notice_effective'] as const;

export const NotificationDataSchema = z.object({
  /** Who did it (a mention, a notice), when someone did. */
  by: z.optional(z.string()),
  reason: z.optional(z.string()),
  /** A day the notification is about (YYYY-MM-DD): a reminder's date, a notice's effective day, the end. */
  on: z.optional(z.string()),
  reminder: z.optional(z.enum(REMINDER_KINDS)),
  section: z.optional(z.string()),
});
export type NotificationData = z.infer<typeof NotificationDataSchema>;

export const NotificationViewSchema = z.object({
  id: z.string(),
  agreementId: z.string(),
  agreementTitle: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  data: NotificationDataSchema,
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationViewSchema>;

export const NotificationListSchema = z.object({ notifications: z.array(NotificationViewSchema), unread: z.int().check(z.nonnegative()) });
export type NotificationList = z.infer<typeof NotificationListSchema>;

/** One's e-mail choices (also the body of PUT …/mail-preferences: shared/notifySchemas.ts). */
export const MailPreferencesFields = {
  /** The language of one's e-mails; null: each agreement's own. */
  language: z.nullable(z.enum(['fr', 'en'])),
  /** The kinds one does not want by e-mail (in the app they are always shown). */
  off: z.array(z.enum(NOTIFICATION_KINDS)),
};
/** The answer of GET/PUT …/mail-preferences: also whether this server sends e-mail at all. */
export const MailPreferencesViewSchema = z.object({ ...MailPreferencesFields, configured: z.boolean() });

/** What the owner sees of e-mails that could not be delivered. */
export const MailFailuresSchema = z.object({
  configured: z.boolean(),
  failures: z.array(
    z.object({
      to: z.string(),
      subject: z.string(),
      attempts: z.int(),
      error: z.string(),
      at: z.string(),
      /** `refused`: SMTP said no, or every retry failed; `bounced`: a mail server accepted it, then sent back a bounce (a DSN). */
      kind: z.enum(['refused', 'bounced']),
    }),
  ),
});
