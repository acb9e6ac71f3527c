import type { AuthorView } from '../../../shared/api';

/** Who wrote an item and when its run was stored, as the server's record says. */
export interface WrittenBy {
  participant: NonNullable<AuthorView['participant']>;
  /** When the run holding the item was stored (to the minute); null if the record has no time for it. */
  at: string | null;
  /** Identifies the run (client id and span start): items of one run share author and time. */
  run: string;
}

interface Entry {
  participant: AuthorView['participant'];
  /** Span start clocks, ascending, and their times. */
  clocks: number[];
  times: string[];
}

/**
 * The authorship record (GET /authors) indexed for the editor: who wrote the
 * item (clientId, clock). Built once per version of the record; lookups are
 * a map read and a binary search over the client's spans.
 */
export class AuthorIndex {
  private readonly byClient = new Map<number, Entry>();

  constructor(authors: readonly AuthorView[]) {
    for (const a of authors) {
      const spans = [...a.spans].sort((x, y) => x.clock - y.clock);
      this.byClient.set(a.clientId, { participant: a.participant, clocks: spans.map((s) => s.clock), times: spans.map((s) => s.at) });
    }
  }

  /** null: nobody (the server, the template, content older than the record) or a client id not in the record yet. */
  lookup(clientId: number, clock: number): WrittenBy | null {
    const entry = this.byClient.get(clientId);
    if (!entry?.participant) return null;
    const i = lastAtOrBefore(entry.clocks, clock);
    return { participant: entry.participant, at: i < 0 ? null : (entry.times[i] ?? null), run: `${clientId}:${i < 0 ? 0 : entry.clocks[i]}` };
  }

  /** The first span start after `clock` of this client (where a run must end), or Infinity. */
  nextBreak(clientId: number, clock: number): number {
    const entry = this.byClient.get(clientId);
    if (!entry) return Infinity;
    const next = entry.clocks[lastAtOrBefore(entry.clocks, clock) + 1];
    return next ?? Infinity;
  }
}

/** Index of the last value <= target in an ascending list; -1 if none. */
function lastAtOrBefore(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? Infinity) <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
