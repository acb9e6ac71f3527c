import type {
  AddPartyInput,
  AgreementSummary,
  ApiError,
  AuditView,
  CreateAgreementInput,
  CreateThreadInput,
  CreatedAgreement,
  InviteInput,
  Me,
  ParticipantView,
  PartyView,
  StatusView,
  ThreadView,
  UpdateParticipantInput,
  VerifyResult,
} from '../shared/api';

/** The REST API under /api. Errors carry the server's `{error, message}`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as ApiError).error === 'string';
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isApiError(body)) throw new ApiFailure(response.status, body.error, body.message);
    throw new ApiFailure(response.status, 'http_error', `HTTP ${response.status}`);
  }
  return body as T;
}

export async function listAgreements(): Promise<AgreementSummary[]> {
  const body = await request<{ agreements: AgreementSummary[] }>('/api/agreements');
  return Array.isArray(body.agreements) ? body.agreements : [];
}

/** Creates an agreement; the server also opens the creator's (owner's) session cookie. */
export function createAgreement(input: CreateAgreementInput): Promise<CreatedAgreement> {
  return request<CreatedAgreement>('/api/agreements', { method: 'POST', body: JSON.stringify(input) });
}

const json = (method: string, body?: unknown): RequestInit => ({ method, body: body === undefined ? undefined : JSON.stringify(body) });
const under = (id: string, path: string): string => `/api/agreements/${id}${path}`;

/** Who the session is on this agreement: participant, party, role and rights. 401/403 if none. */
export const getMe = (id: string): Promise<Me> => request<Me>(under(id, '/me'));

export const listParticipants = async (id: string): Promise<ParticipantView[]> =>
  (await request<{ participants: ParticipantView[] }>(under(id, '/participants'))).participants;
export const inviteParticipant = (id: string, input: InviteInput): Promise<ParticipantView> => request(under(id, '/participants'), json('POST', input));
export const updateParticipant = (id: string, pid: string, input: UpdateParticipantInput): Promise<ParticipantView> =>
  request(under(id, `/participants/${pid}`), json('PATCH', input));
export const revokeParticipant = (id: string, pid: string): Promise<ParticipantView> => request(under(id, `/participants/${pid}`), json('DELETE'));
/** A new personal link for the participant (in `link`, this once); their old link stops working. */
export const reissueLink = (id: string, pid: string): Promise<ParticipantView> => request(under(id, `/participants/${pid}/link`), json('POST'));

export const addParty = (id: string, input: AddPartyInput = {}): Promise<PartyView> => request(under(id, '/parties'), json('POST', input));
export const removeParty = async (id: string, partyId: string): Promise<PartyView[]> =>
  (await request<{ parties: PartyView[] }>(under(id, `/parties/${partyId}`), json('DELETE'))).parties;

export const listThreads = async (id: string): Promise<ThreadView[]> => (await request<{ threads: ThreadView[] }>(under(id, '/threads'))).threads;
export const createThread = (id: string, input: CreateThreadInput): Promise<ThreadView> => request(under(id, '/threads'), json('POST', input));
export const replyToThread = (id: string, tid: string, body: string, mentions: string[] = []): Promise<ThreadView> =>
  request(under(id, `/threads/${tid}/comments`), json('POST', { body, mentions }));
export const editComment = (id: string, cid: string, body: string, mentions: string[] = []): Promise<ThreadView> =>
  request(under(id, `/comments/${cid}`), json('PATCH', { body, mentions }));
export const deleteComment = (id: string, cid: string): Promise<ThreadView> => request(under(id, `/comments/${cid}`), json('DELETE'));
export const setThreadResolved = (id: string, tid: string, resolved: boolean): Promise<ThreadView> =>
  request(under(id, `/threads/${tid}/${resolved ? 'resolve' : 'reopen'}`), json('POST'));
export const markThreadRead = (id: string, tid: string): Promise<ThreadView> => request(under(id, `/threads/${tid}/read`), json('POST'));

export const getStatus = (id: string): Promise<StatusView> => request<StatusView>(under(id, '/status'));
export const approveSection = (id: string, section: string): Promise<StatusView> => request(under(id, '/approvals'), json('POST', { section }));
export const lockAgreement = (id: string): Promise<StatusView> => request(under(id, '/lock'), json('POST'));
export const unlockAgreement = (id: string, reason: string): Promise<StatusView> => request(under(id, '/unlock'), json('POST', { reason }));
export const cancelVersion = (id: string, reason: string): Promise<StatusView> => request(under(id, '/cancel'), json('POST', { reason }));
export const signAgreement = (id: string, input: { fullName: string; title: string; versionHash: string }): Promise<StatusView> =>
  request(under(id, '/sign'), json('POST', input));
export const getAudit = (id: string): Promise<AuditView> => request<AuditView>(under(id, '/audit'));
/** Download links (the browser sends the session cookie). */
export const exportUrl = (id: string, format: 'pdf' | 'docx'): string => under(id, `/export.${format}`);
/** The locked version as a PDF marked "not signed", to read before signing. */
export const reviewUrl = (id: string): string => under(id, '/review.pdf');

export const verifyHash = (hash: string): Promise<VerifyResult> => request('/api/verify', json('POST', { hash }));
export async function verifyPdf(file: Blob): Promise<VerifyResult> {
  const response = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf', accept: 'application/json' }, body: file });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw isApiError(body) ? new ApiFailure(response.status, body.error, body.message) : new ApiFailure(response.status, 'http_error', `HTTP ${response.status}`);
  return body as VerifyResult;
}

/** ws(s)://host of the page, where the server accepts sync connections. */
export function syncBase(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/sync`;
}
