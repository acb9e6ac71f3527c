/** An agreement's calendar feeds (server/routes/calendar.ts). */
import { CalendarFeedCreatedSchema, CalendarFeedsSchema, type CalendarScope } from '../../shared/calendarViews';
import { get, json, request, under } from './http';

/** Calendar feeds (server/routes/calendar.ts): a feed's address is in the answer that makes it, this once. */
export const getCalendarFeeds = (id: string, signal?: AbortSignal) => get(under(id, '/calendar'), CalendarFeedsSchema, signal);
export const createCalendarFeed = (id: string, scope: CalendarScope) => request(under(id, '/calendar'), CalendarFeedCreatedSchema, json('POST', { scope }));
export const revokeCalendarFeed = (id: string, scope: CalendarScope) => request(under(id, `/calendar/${scope}`), CalendarFeedsSchema, json('DELETE'));
