import { expect } from 'vitest';
import type { z } from 'zod/mini';

/**
 * client/api/ asks for same-origin paths, as in the page: while this lives,
 * they go to a test server, as `token` (a personal-link token, '' for none)
 * and, with `keepCookie`, with the session cookie the server last set. The
 * test helpers' own calls (absolute URLs) go through untouched. Used by the
 * tests that hold the REST answers to their schemas.
 */
export class ClientCalls {
  token = '';
  private cookie = '';
  /** The raw JSON of the last answer, as it came off the wire. */
  private lastBody: unknown = null;
  private readonly realFetch = globalThis.fetch;

  constructor(baseUrl: string, keepCookie = false) {
    const realFetch = this.realFetch;
    globalThis.fetch = async (input, init) => {
      if (typeof input !== 'string' || !input.startsWith('/')) return realFetch(input, init);
      const headers = new Headers(init?.headers);
      if (this.token) headers.set('authorization', `Bearer ${this.token}`);
      if (this.cookie) headers.set('cookie', this.cookie);
      const res = await realFetch(new URL(input, baseUrl), { ...init, headers });
      const type = res.headers.get('content-type') ?? '';
      this.lastBody = type.startsWith('application/json') ? await res.clone().json() : null;
      const setCookie = res.headers.get('set-cookie');
      if (keepCookie && setCookie) this.cookie = setCookie.split(';')[0] ?? '';
      return res;
    };
  }

  /** Runs a client call and checks that the schema of its route kept the whole answer (objects strip unknown keys). */
  async exact<T>(schema: z.ZodMiniType, run: () => Promise<T>): Promise<T> {
    const result = await run();
    expect(schema.parse(this.lastBody), 'the schema keeps every field the server sent').toEqual(this.lastBody);
    return result;
  }

  /** Calls as nobody: no token, no cookie. */
  forget(): void {
    this.token = '';
    this.cookie = '';
  }

  restore(): void {
    globalThis.fetch = this.realFetch;
  }
}
