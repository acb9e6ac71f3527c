import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { ApiError } from '../shared/api';
import type { ErrorCode } from '../shared/errors';
import { StorageUnavailableError } from './store/errors';

/** An error the client caused or may see: mapped to `{error, message}` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    /** One of shared/errors.ts: a code outside that list does not type-check. */
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, 'not_found', `${what} not found`);

/** The one place errors become HTTP responses. */
export function toErrorResponse(err: unknown, c: Context, log: (m: string) => void): Response {
  if (err instanceof HttpError) return c.json<ApiError>({ error: err.code, message: err.message }, err.status);
  if (err instanceof StorageUnavailableError) {
    log(`${c.req.method} ${c.req.path}: ${err.message}`);
    c.header('Retry-After', '5');
    return c.json<ApiError>({ error: 'unavailable', message: 'The server cannot reach its database right now; try again in a moment.' }, 503);
  }
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return c.json<ApiError>({ error: 'invalid_request', message }, 400);
  }
  // The connection ended while the body was read (the client left, or Node already answered 400
  // to broken framing): nobody is there to read an answer, and nothing went wrong on our side.
  if (err instanceof Error && 'code' in err && err.code === 'ECONNRESET')
    return c.json<ApiError>({ error: 'aborted', message: 'The request was cut off.' }, 400);
  log(`unexpected error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return c.json<ApiError>({ error: 'internal', message: 'Something went wrong on the server.' }, 500);
}
