import { z } from 'zod';

/** A feed of one agreement's dates, or of every agreement of the person asking (see server/notify/people.ts). */
export const CalendarScopeSchema = z.enum(['agreement', 'person']);
export type CalendarScope = z.infer<typeof CalendarScopeSchema>;

export const CalendarFeedInputSchema = z.object({ scope: CalendarScopeSchema }).strict();

/** The answer to creating a feed: the only time its URL is shown (the server keeps the token's hash). */
export const CalendarFeedCreatedSchema = z.object({ scope: CalendarScopeSchema, url: z.string().url(), createdAt: z.string() });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreatedSchema>;

/** The asking participant's live feeds: when each was made, never their URL. */
export const CalendarFeedsSchema = z.object({ feeds: z.array(z.object({ scope: CalendarScopeSchema, createdAt: z.string() })) });
export type CalendarFeeds = z.infer<typeof CalendarFeedsSchema>;
