import { z } from 'zod/mini';

/**
 * Calendar feeds as the server answers them, in zod/mini as the client checks
 * them (see shared/schemas/common.ts); the requests are in
 * shared/calendarSchemas.ts, which re-exports these.
 */

/** A feed of one agreement's dates, or of every agreement of the person asking (see server/notify/people.ts). */
export const CALENDAR_SCOPES = ['agreement', 'person'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];

/** The answer to creating a feed: the only time its URL is shown (the server keeps the token's hash). */
export const CalendarFeedCreatedSchema = z.object({ scope: z.enum(CALENDAR_SCOPES), url: z.url(), createdAt: z.string() });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreatedSchema>;

/** The asking participant's live feeds: when each was made, never their URL. */
export const CalendarFeedsSchema = z.object({ feeds: z.array(z.object({ scope: z.enum(CALENDAR_SCOPES), createdAt: z.string() })) });
export type CalendarFeeds = z.infer<typeof CalendarFeedsSchema>;
