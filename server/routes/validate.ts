import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from '../errors';

/** Parses the JSON body against `schema`; bad JSON and invalid fields are 400s. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  return schema.parse(body);
}

/** Validates a path parameter; a malformed id is reported like an unknown one. */
export function readParam<S extends z.ZodType<string>>(c: Context, name: string, schema: S, what: string): z.output<S> {
  const parsed = schema.safeParse(c.req.param(name));
  if (!parsed.success) throw new HttpError(404, 'not_found', `${what} not found`);
  return parsed.data;
}
