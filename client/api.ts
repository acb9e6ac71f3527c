import type { LegalReviewInput } from '../shared/legalReview';
import type { EditMode } from '../shared/editMode';
import { z } from 'zod/mini';
import type { AddPartyInput, CreateAgreementInput, CreateThreadInput, InviteInput, UpdateParticipantInput } from '../shared/api';
import {
  AgreementListSchema,
  ApiErrorSchema,
  AuditViewSchema,
  AuthorListSchema,
  CreatedAgreementSchema,
  MeSchema,
  ParticipantListSchema,
  ParticipantViewSchema,
  PartyListSchema,
  PartyViewSchema,
  PersonViewSchema,
  SignInLinkSchema,
  SignInMailSchema,
  StatusViewSchema,
  ThreadListSchema,
  ThreadViewSchema,
  VerifyResultSchema,
} from '../shared/apiSchemas';
import { ComparisonSchema, HistoryEntryViewSchema, HistoryListSchema } from '../shared/historyViews';

// Failures are typed apart from the REST client (client/apiFailure.ts) so telling them apart does not load zod.
import { DashboardSchema, FollowUpSchema, LifecycleViewSchema, LinksViewSchema } from '../shared/lifecycleViews';
import { CalendarFeedCreatedSchema, CalendarFeedsSchema, type CalendarScope } from '../shared/calendarViews';
import { MailFailuresSchema, MailPreferencesViewSchema, NotificationListSchema } from '../shared/notifyViews';
import type { MailPreferences } from '../shared/notifySchemas';
import { ApiFailure } from './apiFailure';
import { takeEarly, type EarlyAnswer } from './earlyFetch';
export { ApiFailure, type FailureCode } from './apiFailure';

/**
 * A response body checked against its schema: the value, or an ApiFailure
 * naming the route and what did not match (never a value of the wrong shape).
 */
export function checked<S extends z.ZodMiniType>(schema: S, body: unknown, route: string, status = 200): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ApiFailure(status, 'invalid_response', `Unexpected answer from ${route}: ${z.prettifyError(result.error)}`);
}

function failureOf(status: number, body: unknown): ApiFailure {
  const error = ApiErrorSchema.safeParse(body);
  return error.success ? new ApiFailure(status, error.data.error, error.data.message) : new ApiFailure(status, 'http_error', `HTTP ${status}`);
}

async function answerOf(path: string, init?: RequestInit): Promise<EarlyAnswer> {
  // A GET the page asked for before this code loaded (client/earlyFetch.ts) is answered by that request; a failed one is asked again.
  const early = init?.method === undefined ? await takeEarly(path)?.catch(() => undefined) : undefined;
  if (early) return early;
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
  });
  const body: unknown = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body };
}

async function request<S extends z.ZodMiniType>(path: string, schema: S, init?: RequestInit): Promise<z.output<S>> {
  const { ok, status, body } = await answerOf(path, init);
  if (!ok) throw failureOf(status, body);
  return checked(schema, body, `${init?.method ?? 'GET'} ${path}`, status);
}

/** A GET, cancelled through `signal` (the data layer passes its query's). */
const get = <S extends z.ZodMiniType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> => request(path, schema, { signal });
const json = (method: string, body?: unknown): RequestInit => ({ method, body: body === undefined ? undefined : JSON.stringify(body) });
const under = (id: string, path: string): string => `/api/agreements/${id}${path}`;

export const listAgreements = async () => (await get('/api/agreements', AgreementListSchema)).agreements;

/** Creates an agreement; the server also opens the creator's (owner's) session cookie. */
export const createAgreement = (input: CreateAgreementInput) => request('/api/agreements', CreatedAgreementSchema, json('POST', input));

/** Who the session is on this agreement: participant, party, role and rights. 401/403 if none. */
export const getMe = (id: string, signal?: AbortSignal) => get(under(id, '/me'), MeSchema, signal);

export const listParticipants = async (id: string, signal?: AbortSignal) => (await get(under(id, '/participants'), ParticipantListSchema, signal)).participants;
export const inviteParticipant = (id: string, input: InviteInput) => request(under(id, '/participants'), ParticipantViewSchema, json('POST', input));
export const updateParticipant = (id: string, pid: string, input: UpdateParticipantInput) =>
  request(under(id, `/participants/${pid}`), ParticipantViewSchema, json('PATCH', input));
export const revokeParticipant = (id: string, pid: string) => request(under(id, `/participants/${pid}`), ParticipantViewSchema, json('DELETE'));
/** A new personal link for the participant (in `link`, this once); their old link stops working. */
export const reissueLink = (id: string, pid: string) => request(under(id, `/participants/${pid}/link`), ParticipantViewSchema, json('POST'));

export const listParties = async (id: string, signal?: AbortSignal) => (await get(under(id, '/parties'), PartyListSchema, signal)).parties;
export const addParty = (id: string, input: AddPartyInput = {}) => request(under(id, '/parties'), PartyViewSchema, json('POST', input));
export const removeParty = async (id: string, partyId: string) => (await request(under(id, `/parties/${partyId}`), PartyListSchema, json('DELETE'))).parties;
/** Who wrote what: each Yjs client id the server bound, and when its items were stored. */
export const getAuthors = async (id: string, signal?: AbortSignal) => (await get(under(id, '/authors'), AuthorListSchema, signal)).authors;

export const listThreads = async (id: string, signal?: AbortSignal) => (await get(under(id, '/threads'), ThreadListSchema, signal)).threads;
export const createThread = (id: string, input: CreateThreadInput) => request(under(id, '/threads'), ThreadViewSchema, json('POST', input));
export const replyToThread = (id: string, tid: string, body: string, mentions: string[] = []) =>
  request(under(id, `/threads/${tid}/comments`), ThreadViewSchema, json('POST', { body, mentions }));
export const editComment = (id: string, cid: string, body: string, mentions: string[] = []) =>
  request(under(id, `/comments/${cid}`), ThreadViewSchema, json('PATCH', { body, mentions }));
export const deleteComment = (id: string, cid: string) => request(under(id, `/comments/${cid}`), ThreadViewSchema, json('DELETE'));
export const setThreadResolved = (id: string, tid: string, resolved: boolean) =>
  request(under(id, `/threads/${tid}/${resolved ? 'resolve' : 'reopen'}`), ThreadViewSchema, json('POST'));
export const markThreadRead = (id: string, tid: string) => request(under(id, `/threads/${tid}/read`), ThreadViewSchema, json('POST'));

export const getStatus = (id: string, signal?: AbortSignal) => get(under(id, '/status'), StatusViewSchema, signal);
export const approveSection = (id: string, section: string) => request(under(id, '/approvals'), StatusViewSchema, json('POST', { section }));
export const lockAgreement = (id: string) => request(under(id, '/lock'), StatusViewSchema, json('POST'));
export const unlockAgreement = (id: string, reason: string) => request(under(id, '/unlock'), StatusViewSchema, json('POST', { reason }));
export const cancelVersion = (id: string, reason: string) => request(under(id, '/cancel'), StatusViewSchema, json('POST', { reason }));
export const signAgreement = (id: string, input: { fullName: string; title: string; versionHash: string }) =>
  request(under(id, '/sign'), StatusViewSchema, json('POST', input));
/** The owner sets everyone's default mode, Editing or Suggesting (shared/editMode.ts). */
export const setDefaultMode = (id: string, mode: EditMode) => request(under(id, '/default-mode'), StatusViewSchema, json('PUT', { mode }));

/** The owner records the lawyer's review (shared/legalReview.ts). */
export const recordLegalReview = (id: string, input: LegalReviewInput) => request(under(id, '/legal-review'), StatusViewSchema, json('POST', input));
export const getAudit = (id: string) => get(under(id, '/audit'), AuditViewSchema);
/** Download links (the browser sends the session cookie). */
export const exportUrl = (id: string, format: 'pdf' | 'docx' | 'json'): string => under(id, `/export.${format}`);

/** After signing (server/routes/lifecycle.ts): dates, notice, the record of the partnership. */
export const getLifecycle = (id: string, signal?: AbortSignal) => get(under(id, '/lifecycle'), LifecycleViewSchema, signal);
export const giveNotice = (id: string, reason: string) => request(under(id, '/notice'), LifecycleViewSchema, json('POST', { reason }));
export const addPartnershipRecord = (id: string, body: string) => request(under(id, '/records'), LifecycleViewSchema, json('POST', { body }));
/** "My agreements" (server/routes/dashboard.ts): every agreement this browser is signed in to. */
export const getDashboard = async (signal?: AbortSignal) => (await get('/api/dashboard', DashboardSchema, signal)).agreements;
/** The person this browser is signed in as (server/routes/person.ts); a sign-in link's token is in the answer that makes it, this once. */
export const getPerson = (signal?: AbortSignal) => get('/api/person', PersonViewSchema, signal);
export const copySignInLink = () => request('/api/person/sign-in-link', SignInLinkSchema, json('POST'));
/** Signed in: a sign-in link to one of one's addresses; signed out: to an address proven before (same answer whoever owns it). */
export const mailSignInLink = (email: string, language: 'fr' | 'en', signedIn: boolean) =>
  request(signedIn ? '/api/person/email-link' : '/api/person/sign-in', SignInMailSchema, json('POST', { email, language }));
export const redeemSignIn = (token: string) => request('/api/person/redeem', PersonViewSchema, json('POST', { token }));
export const signOut = (everywhere = false) => request(`/api/person/${everywhere ? 'sign-out-everywhere' : 'sign-out'}`, PersonViewSchema, json('POST'));
/** The bell (server/routes/notifications.ts). */
export const getMailPreferences = (id: string, signal?: AbortSignal) => get(under(id, '/mail-preferences'), MailPreferencesViewSchema, signal);
export const setMailPreferences = (id: string, prefs: MailPreferences) =>
  request(under(id, '/mail-preferences'), MailPreferencesViewSchema, json('PUT', prefs));
export const getMailFailures = (id: string, signal?: AbortSignal) => get(under(id, '/mail-failures'), MailFailuresSchema, signal);
export const getNotifications = (id: string, signal?: AbortSignal) => get(under(id, '/notifications'), NotificationListSchema, signal);
export const markNotificationsRead = (id: string, ids?: string[]) =>
  request(under(id, '/notifications/read'), NotificationListSchema, json('POST', ids ? { ids } : {}));
export const getLinks = (id: string, signal?: AbortSignal) => get(under(id, '/links'), LinksViewSchema, signal);
/** What an amendment (or a renewal) changes: the original's signed version against this agreement's current text. */
export const compareWithOriginal = (id: string, original: string, signal?: AbortSignal) =>
  get(under(id, `/original-compare?original=${encodeURIComponent(original)}&to=current`), ComparisonSchema, signal);
/** What an amendment changes as a redline to download, against its current text. */
export const originalRedlineUrl = (id: string, original: string, format: 'pdf' | 'docx'): string =>
  under(id, `/original-compare.${format}?original=${encodeURIComponent(original)}&to=current`);
export const openAmendment = (id: string) => request(under(id, '/amendments'), FollowUpSchema, json('POST'));
export const decideRenewal = (id: string, decision: 'renew' | 'expire') => request(under(id, '/renewal'), FollowUpSchema, json('POST', { decision }));
export const setReviewMeetings = (id: string, on: boolean) => request(under(id, '/lifecycle'), LifecycleViewSchema, json('PATCH', { reviewMeetings: on }));
/** Calendar feeds (server/routes/calendar.ts): a feed's address is in the answer that makes it, this once. */
export const getCalendarFeeds = (id: string, signal?: AbortSignal) => get(under(id, '/calendar'), CalendarFeedsSchema, signal);
export const createCalendarFeed = (id: string, scope: CalendarScope) => request(under(id, '/calendar'), CalendarFeedCreatedSchema, json('POST', { scope }));
export const revokeCalendarFeed = (id: string, scope: CalendarScope) => request(under(id, `/calendar/${scope}`), CalendarFeedsSchema, json('DELETE'));
/** The locked version as a PDF marked "not signed", to read before signing. */
export const reviewUrl = (id: string): string => under(id, '/review.pdf');
/** The draft as it stands, open suggestions as a redline with their authors (server/export/draft.ts). */
export const draftUrl = (id: string, format: 'pdf' | 'docx'): string => under(id, `/draft.${format}`);

/** The drafting history (server/routes/history.ts). */
export const listHistory = (id: string, signal?: AbortSignal) => get(under(id, '/history'), HistoryListSchema, signal);
export const nameVersion = (id: string, name: string) => request(under(id, '/history'), HistoryEntryViewSchema, json('POST', { name }));
export const restoreVersion = (id: string, vid: string, section?: string) =>
  request(under(id, `/history/${vid}/restore`), HistoryEntryViewSchema, json('POST', section === undefined ? {} : { section }));
export const compareVersions = (id: string, from: string, to: string, signal?: AbortSignal) =>
  get(under(id, `/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`), ComparisonSchema, signal);
/** A comparison as a redline to download (insertions underlined, deletions struck through). */
export const redlineUrl = (id: string, from: string, to: string, format: 'pdf' | 'docx'): string =>
  under(id, `/compare.${format}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
/** A version's Yjs state (a full update), to open it read-only. */
export async function getVersionState(id: string, vid: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(under(id, `/history/${vid}/state`), { credentials: 'same-origin', signal });
  if (!response.ok) throw failureOf(response.status, await response.json().catch(() => null));
  return new Uint8Array(await response.arrayBuffer());
}

export const verifyHash = (hash: string) => request('/api/verify', VerifyResultSchema, json('POST', { hash }));
/** The signed JSON copy (GET …/export.json), as downloaded. */
export async function verifyJsonCopy(file: Blob) {
  const response = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: file });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw failureOf(response.status, body);
  return checked(VerifyResultSchema, body, 'POST /api/verify', response.status);
}
export async function verifyPdf(file: Blob) {
  const response = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf', accept: 'application/json' }, body: file });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw failureOf(response.status, body);
  return checked(VerifyResultSchema, body, 'POST /api/verify', response.status);
}

/** ws(s)://host of the page, where the server accepts sync connections. */
export function syncBase(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/sync`;
}
