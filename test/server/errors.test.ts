import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiError } from '../../shared/api';
import { ERROR_CODES } from '../../shared/errors';
import { HttpError, toErrorResponse } from '../../server/errors';

/** A tiny app whose only route throws `err`, answered by the server's one error mapping. */
async function answer(err: unknown): Promise<{ status: number; body: ApiError; logged: string[] }> {
  const logged: string[] = [];
  const app = new Hono().get('/', () => {
    throw err;
  });
  app.onError((e, c) => toErrorResponse(e, c, (m) => logged.push(m)));
  const res = await app.request('/');
  return { status: res.status, body: (await res.json()) as ApiError, logged };
}

describe('errors sent to clients', () => {
  it('an HttpError keeps its status, code and English message', async () => {
    const { status, body } = await answer(new HttpError(409, 'signers_fixed', 'unlock or cancel first'));
    expect(status).toBe(409);
    expect(body).toEqual({ error: 'signers_fixed', message: 'unlock or cancel first' });
  });

  it('invalid fields, and anything unexpected, map to codes of the shared list', async () => {
    const invalid = await answer(z.object({ name: z.string() }).safeParse({}).error);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('invalid_request');
    expect(invalid.body.message).toContain('name');
    const unexpected = await answer(new Error('boom'));
    expect(unexpected.status).toBe(500);
    expect(unexpected.body.error).toBe('internal');
    expect(unexpected.logged.join('\n')).toContain('boom');
    for (const code of [invalid.body.error, unexpected.body.error]) expect(ERROR_CODES).toContain(code);
  });

  it('a code outside shared/errors.ts does not type-check', () => {
    // If HttpError's code were widened to string, this directive would itself fail `npm test`'s tsc.
    // @ts-expect-error 'no_such_code' is not an ErrorCode
    const made = new HttpError(400, 'no_such_code', 'never sent');
    // @ts-expect-error nor may ApiError carry one
    const body: ApiError = { error: 'no_such_code', message: 'never sent' };
    expect([made.code, body.error]).toEqual(['no_such_code', 'no_such_code']);
  });
});
