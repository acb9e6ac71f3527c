import type { AgreementDetail, AgreementSummary, ApiError, CreateAgreementInput } from '../shared/api';

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

export function createAgreement(input: CreateAgreementInput): Promise<AgreementDetail> {
  return request<AgreementDetail>('/api/agreements', { method: 'POST', body: JSON.stringify(input) });
}

/** ws(s)://host of the page, where the server accepts sync connections. */
export function syncBase(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/sync`;
}
