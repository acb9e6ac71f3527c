/** After signing (server/routes/lifecycle.ts): dates, notice, records, links, amendments and renewal. */
import { FollowUpSchema, LifecycleViewSchema, LinksViewSchema } from '../../shared/lifecycleViews';
import { get, json, request, under } from './http';

/** After signing (server/routes/lifecycle.ts): dates, notice, the record of the partnership. */
export const getLifecycle = (id: string, signal?: AbortSignal) => get(under(id, '/lifecycle'), LifecycleViewSchema, signal);
export const giveNotice = (id: string, reason: string) => request(under(id, '/notice'), LifecycleViewSchema, json('POST', { reason }));
export const addPartnershipRecord = (id: string, body: string) => request(under(id, '/records'), LifecycleViewSchema, json('POST', { body }));
export const setReviewMeetings = (id: string, on: boolean) => request(under(id, '/lifecycle'), LifecycleViewSchema, json('PATCH', { reviewMeetings: on }));
export const getLinks = (id: string, signal?: AbortSignal) => get(under(id, '/links'), LinksViewSchema, signal);
export const openAmendment = (id: string) => request(under(id, '/amendments'), FollowUpSchema, json('POST'));
export const decideRenewal = (id: string, decision: 'renew' | 'expire') => request(under(id, '/renewal'), FollowUpSchema, json('POST', { decision }));
