import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from '../errors';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The largest body each route may send. Sized from the schemas' own bounds,
 * with room for JSON escapes (`\uXXXX`: six bytes per character):
 * a new agreement holds up to 20 parties of 2,800 characters, a comment
 * 10,000 characters plus its anchor and mentions. Everything else is small.
 */
const ROUTE_LIMITS: readonly { path: RegExp; bytes: number }[] = [
  { path: /^\/api\/verify\/?$/, bytes: 25 * MiB }, // a signed PDF
  { path: /^\/api\/agreements\/?$/, bytes: 512 * KiB },
  { path: /^\/api\/agreements\/import\/?$/, bytes: 11 * MiB }, // a Word draft (10 MiB, checked again) and the form
  { path: /^\/api\/agreements\/[^/]+\/(threads|comments)(\/|$)/, bytes: 128 * KiB },
];
export const DEFAULT_BODY_LIMIT = 64 * KiB;

const size = (bytes: number): string => (bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`);

/** The body limit of a request path. */
export function bodyLimitFor(path: string): number {
  return ROUTE_LIMITS.find((r) => r.path.test(path))?.bytes ?? DEFAULT_BODY_LIMIT;
}

const limiter = (bytes: number): MiddlewareHandler =>
  bodyLimit({
    maxSize: bytes,
    onError: () => {
      throw new HttpError(413, 'too_large', `The request body is larger than ${size(bytes)}.`);
    },
  });

/**
 * Every request's body is bounded, on every path (unknown ones included),
 * before any handler reads it: a declared Content-Length over the limit is
 * answered 413 at once, a chunked body as soon as it crosses the limit.
 */
export function bodyLimits(): MiddlewareHandler {
  const byBytes = new Map<number, MiddlewareHandler>();
  for (const bytes of [DEFAULT_BODY_LIMIT, ...ROUTE_LIMITS.map((r) => r.bytes)]) byBytes.set(bytes, limiter(bytes));
  return (c, next) => {
    const handler = byBytes.get(bodyLimitFor(c.req.path));
    if (!handler) throw new Error('no body limit');
    return handler(c, next);
  };
}
