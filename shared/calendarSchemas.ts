import { z } from 'zod';
import { CALENDAR_SCOPES } from './calendarViews';

/** Calendar feeds: the requests, and (re-exported from shared/calendarViews.ts, in zod/mini, which the client loads) the answers. */
export * from './calendarViews';

/** A feed of one agreement's dates, or of every agreement of the person asking (see server/notify/people.ts). */
export const CalendarScopeSchema = z.enum(CALENDAR_SCOPES);

export const CalendarFeedInputSchema = z.object({ scope: CalendarScopeSchema }).strict();
