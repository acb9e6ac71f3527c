/** The bell and mail settings (server/routes/notifications.ts). */
import type { MailPreferences } from '../../shared/notifySchemas';
import { MailFailuresSchema, MailPreferencesViewSchema, NotificationListSchema } from '../../shared/notifyViews';
import { get, json, request, under } from './http';

/** The bell (server/routes/notifications.ts). */
export const getMailPreferences = (id: string, signal?: AbortSignal) => get(under(id, '/mail-preferences'), MailPreferencesViewSchema, signal);
export const setMailPreferences = (id: string, prefs: MailPreferences) =>
  request(under(id, '/mail-preferences'), MailPreferencesViewSchema, json('PUT', prefs));
export const getMailFailures = (id: string, signal?: AbortSignal) => get(under(id, '/mail-failures'), MailFailuresSchema, signal);
export const getNotifications = (id: string, signal?: AbortSignal) => get(under(id, '/notifications'), NotificationListSchema, signal);
export const markNotificationsRead = (id: string, ids?: string[]) =>
  request(under(id, '/notifications/read'), NotificationListSchema, json('POST', ids ? { ids } : {}));
