/**
 * The delete set of a document: per client, sorted, non-overlapping ranges
 * `[clock, end)`. Lets the room tell whether an update deletes anything new
 * (every sync step 2 carries the sender's whole delete set) and whether an
 * item is still live, without a Y.Doc.
 */
export class DeleteIndex {
  private readonly byClient = new Map<number, { starts: number[]; ends: number[] }>();

  /** Whether `[clock, clock + length)` of `client` holds anything not deleted yet. */
  addsTo(client: number, clock: number, length: number): boolean {
    const runs = this.byClient.get(client);
    if (!runs) return length > 0;
    const i = this.firstEndingAfter(runs, clock);
    // Covered only if one run holds the whole range (runs never touch: they are merged).
    return !(i < runs.starts.length && (runs.starts[i] ?? 0) <= clock && (runs.ends[i] ?? 0) >= clock + length);
  }

  has(client: number, clock: number): boolean {
    return !this.addsTo(client, clock, 1);
  }

  /** Marks `[clock, clock + length)` deleted, merging with the runs it touches. */
  add(client: number, clock: number, length: number): void {
    if (length <= 0) return;
    let runs = this.byClient.get(client);
    if (!runs) this.byClient.set(client, (runs = { starts: [], ends: [] }));
    let start = clock;
    let end = clock + length;
    // The first run that ends at or after `start` (touching runs merge too).
    const i = this.firstEndingAfter(runs, start - 1);
    let j = i;
    while (j < runs.starts.length && (runs.starts[j] ?? 0) <= end) {
      start = Math.min(start, runs.starts[j] ?? start);
      end = Math.max(end, runs.ends[j] ?? end);
      j++;
    }
    runs.starts.splice(i, j - i, start);
    runs.ends.splice(i, j - i, end);
  }

  /** Index of the first run whose end is after `clock` (binary search). */
  private firstEndingAfter(runs: { starts: number[]; ends: number[] }, clock: number): number {
    let lo = 0;
    let hi = runs.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((runs.ends[mid] ?? 0) > clock) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
