import type { ErrorCode } from '../shared/errors';

/**
 * Why a request failed: the server's code (shared/errors.ts), `http_error`
 * when an error answer is not the server's `{error, message}`, or
 * `invalid_response` when a success answer does not match its schema.
 * Apart from the REST client, client/api/ (which loads zod and the response schemas), so
 * that code which only tells failures apart, like client/errorText.ts, does
 * not bring them into a page.
 */
export type FailureCode = ErrorCode | 'http_error' | 'invalid_response';

/** The REST API under /api. Errors carry the server's `{error, message}`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
  }
}
