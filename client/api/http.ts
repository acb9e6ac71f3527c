/** The REST client's core: each answer checked against its zod schema, each failure an ApiFailure. */
import { z } from 'zod/mini';
import { ApiErrorSchema } from '../../shared/schemas/errors';
// Failures are typed apart from the REST client (client/apiFailure.ts) so telling them apart does not load zod: import ApiFailure from there.
import { ApiFailure } from '../apiFailure';
import { takeEarly, type EarlyAnswer } from '../earlyFetch';

/**
 * A response body checked against its schema: the value, or an ApiFailure
 * naming the route and what did not match (never a value of the wrong shape).
 */
export function checked<S extends z.ZodMiniType>(schema: S, body: unknown, route: string, status = 200): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ApiFailure(status, 'invalid_response', `Unexpected answer from ${route}: ${z.prettifyError(result.error)}`);
}

export function failureOf(status: number, body: unknown): ApiFailure {
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

export async function request<S extends z.ZodMiniType>(path: string, schema: S, init?: RequestInit): Promise<z.output<S>> {
  const { ok, status, body } = await answerOf(path, init);
  if (!ok) throw failureOf(status, body);
  return checked(schema, body, `${init?.method ?? 'GET'} ${path}`, status);
}

/** A GET, cancelled through `signal` (the data layer passes its query's). */
export const get = <S extends z.ZodMiniType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> => request(path, schema, { signal });
export const json = (method: string, body?: unknown): RequestInit => ({ method, body: body === undefined ? undefined : JSON.stringify(body) });
export const under = (id: string, path: string): string => `/api/agreements/${id}${path}`;
