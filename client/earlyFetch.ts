/**
 * A GET asked for before the code that uses its answer has loaded: the
 * agreement route asks GET /me as the page starts (client/routes.tsx), to
 * know at once whether to fetch the editor or show the sign-in page, and
 * the data layer's first GET of that path takes this answer instead of
 * asking again (client/api/http.ts still checks it against its schema). Only the
 * status is read here.
 */
export interface EarlyAnswer {
  ok: boolean;
  status: number;
  body: unknown;
}

const pending = new Map<string, Promise<EarlyAnswer>>();

/** Starts the GET (once per path until taken); resolves to its answer, or rejects as fetch does. */
export function earlyGet(path: string): Promise<EarlyAnswer> {
  let answer = pending.get(path);
  if (!answer) {
    answer = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(async (response) => ({
      ok: response.ok,
      status: response.status,
      body: (await response.json().catch(() => null)) as unknown,
    }));
    pending.set(path, answer);
  }
  return answer;
}

/** The early answer for `path`, once: the next GET asks the server again. */
export function takeEarly(path: string): Promise<EarlyAnswer> | undefined {
  const answer = pending.get(path);
  pending.delete(path);
  return answer;
}
