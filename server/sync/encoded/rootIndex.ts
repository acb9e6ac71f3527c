/**
 * Which top-level name each item of a document lives under, by id: per
 * client, runs of clocks that share one root (a typed paragraph is one run).
 * What the schema guard asks of the live document, without keeping its
 * items: a run costs three array slots, an item in a Y.Doc a few hundred bytes.
 * `null` is a struct that holds no content any more (garbage-collected).
 */
export class RootIndex {
  private readonly byClient = new Map<number, { starts: number[]; ends: number[]; roots: (string | null)[] }>();

  /** Records `[clock, clock + length)` of `client` under `root`; runs come in clock order, as Yjs stores them. */
  add(client: number, clock: number, length: number, root: string | null): void {
    if (length <= 0) return;
    let runs = this.byClient.get(client);
    if (!runs) this.byClient.set(client, (runs = { starts: [], ends: [], roots: [] }));
    const last = runs.ends.length - 1;
    if (last >= 0 && runs.ends[last] === clock && runs.roots[last] === root) {
      runs.ends[last] = clock + length;
      return;
    }
    if (last >= 0 && (runs.ends[last] ?? 0) > clock) throw new Error(`root index: client ${client} clock ${clock} is not after ${runs.ends[last]}`);
    runs.starts.push(clock);
    runs.ends.push(clock + length);
    runs.roots.push(root);
  }

  /** The root of the item at `client`/`clock`; undefined when the document has no such item. */
  rootAt(client: number, clock: number): string | null | undefined {
    const runs = this.byClient.get(client);
    if (!runs) return undefined;
    let lo = 0;
    let hi = runs.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (clock < (runs.starts[mid] ?? 0)) hi = mid - 1;
      else if (clock >= (runs.ends[mid] ?? 0)) lo = mid + 1;
      else return runs.roots[mid];
    }
    return undefined;
  }

  /** Adds to `out` the root of every run that `[clock, clock + length)` of `client` overlaps (what a delete range touches; null runs hold nothing). */
  rootsIn(client: number, clock: number, length: number, out: Set<string>): void {
    const runs = this.byClient.get(client);
    if (!runs) return;
    // The first run that ends after `clock`, then every run that starts before the range ends.
    let lo = 0;
    let hi = runs.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((runs.ends[mid] ?? 0) <= clock) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < runs.starts.length && (runs.starts[i] ?? 0) < clock + length; i++) {
      const root = runs.roots[i];
      if (root) out.add(root);
    }
  }

  /** How many runs it holds (for tests and the memory benchmark's curiosity). */
  get size(): number {
    let n = 0;
    for (const runs of this.byClient.values()) n += runs.starts.length;
    return n;
  }
}
