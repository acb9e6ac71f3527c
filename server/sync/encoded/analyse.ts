import * as Y from 'yjs';

type Decoded = ReturnType<typeof Y.decodeUpdate>;
type Struct = Decoded['structs'][number];
type IdLike = { client: number; clock: number };

/** What the schema guard and the room need to know of the document an update lands on. */
export interface DocView {
  /** The next clock of `client` (its state vector entry). */
  clock(client: number): number;
  /** The top-level name of an item the document holds; null if it holds no content; undefined if unknown. */
  rootAt(client: number, clock: number): string | null | undefined;
  /** Whether `[clock, clock + length)` of `client` is already deleted as a whole. */
  isDeleted(client: number, clock: number, length: number): boolean;
}

/** A run of new structs of one client, all under one top-level name (`null`: Yjs discards or holds no content). */
export interface NewRun {
  client: number;
  clock: number;
  length: number;
  root: string | null;
  /** For items of a top-level array: the values they insert (the party list is read from these). */
  values: unknown[] | null;
}

export interface Analysis {
  runs: NewRun[];
  /** Ranges of the delete set that delete something not deleted yet. */
  deletes: { client: number; clock: number; length: number }[];
  /** Some structs were known already (the bytes to keep are the update minus them: `Y.diffUpdate`). */
  partlyKnown: boolean;
  /** The client ids the update brings new structs for (authorship binds and checks them). */
  clients: Set<number>;
}

/** A client id whose clock an update moved from `before` to `after` (authorship records it). */
export interface Advance {
  client: number;
  before: number;
  after: number;
}

export type AnalysisResult = ({ ok: true } & Analysis) | { ok: false; detail: string };

/**
 * Reads an update against the document as the room keeps it (encoded, see
 * DocState): what is new, under which top-level names, and what it deletes.
 * An update that builds on anything the document does not have (never the
 * case for an honest client, which only builds on what the server sent) is
 * refused: Yjs would keep it pending, and nothing pending is ever stored.
 * Throws on bytes that do not decode.
 */
export function analyseUpdate(view: DocView, update: Uint8Array): AnalysisResult {
  const { structs, ds } = Y.decodeUpdate(update);
  // How far each client's clock reaches with this update's structs.
  const reach = new Map<number, number>();
  let partlyKnown = false;
  const fresh: Struct[] = [];
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    const { client, clock } = s.id;
    const end = reach.get(client) ?? view.clock(client);
    if (clock > end) return { ok: false, detail: `client ${client} skips from clock ${end} to ${clock}` };
    if (clock + s.length <= end) {
      partlyKnown = true;
      continue;
    }
    if (clock < end) partlyKnown = true;
    reach.set(client, clock + s.length);
    fresh.push(s);
  }
  const resolver = new RootResolver(view, fresh);
  const runs: NewRun[] = [];
  const clients = new Set<number>();
  for (const s of fresh) {
    clients.add(s.id.client);
    const start = Math.max(s.id.clock, view.clock(s.id.client));
    const length = s.id.clock + s.length - start;
    if (!(s instanceof Y.Item)) {
      runs.push({ client: s.id.client, clock: start, length, root: null, values: null });
      continue;
    }
    for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
      if (ref && !isKnown(ref, reach, view)) return { ok: false, detail: 'update builds on content the server does not have' };
    }
    const root = resolver.rootOf(s);
    if (root === undefined) return { ok: false, detail: 'update builds on content the server does not have' };
    const values = typeof s.parent === 'string' || s.parent === null ? topLevelValues(s) : null;
    runs.push({ client: s.id.client, clock: start, length, root, values: values?.slice(start - s.id.clock) ?? null });
  }
  const deletes: Analysis['deletes'] = [];
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      if (len <= 0) continue;
      if (clock + len > (reach.get(client) ?? view.clock(client))) return { ok: false, detail: 'update deletes content the server does not have' };
      if (!view.isDeleted(client, clock, len)) deletes.push({ client, clock, length: len });
    }
  }
  return { ok: true, runs, deletes, partlyKnown, clients };
}

/**
 * Whether the document or the update's earlier structs hold `id`. A module
 * function, not a closure in analyseUpdate: the server runs under tsx, whose
 * keepNames gives every named closure an Object.defineProperty per call.
 */
function isKnown(id: IdLike, reach: ReadonlyMap<number, number>, view: DocView): boolean {
  return id.clock < (reach.get(id.client) ?? view.clock(id.client));
}

/** The values an item of a top-level array inserts (ContentAny or ContentString), else null. */
function topLevelValues(item: Y.Item): unknown[] | null {
  if (item.parentSub !== null) return null;
  const content = item.content;
  if (content instanceof Y.ContentAny || content instanceof Y.ContentString) return content.getContent();
  return null;
}

/**
 * The top-level name an item of the update lands under. It is not always in
 * the update: an item inserted next to another inherits its parent, so we
 * follow origins, through the update itself or through the document's index.
 */
class RootResolver {
  private readonly byClient = new Map<number, Y.Item[]>();
  private readonly memo = new Map<Y.Item, string | null | undefined>();

  constructor(
    private readonly view: DocView,
    structs: Struct[],
  ) {
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
  }

  /**
   * Null when Yjs will discard the item anyway (its neighbour holds no
   * content); undefined when it depends on something neither the update
   * nor the document has. Iterative with memoisation: a long run of typed
   * characters is a chain of origins as long as the text.
   */
  rootOf(start: Y.Item): string | null | undefined {
    const chain: Y.Item[] = [];
    let current: Y.Item = start;
    let root: string | null | undefined;
    for (;;) {
      if (this.memo.has(current)) {
        root = this.memo.get(current);
        break;
      }
      chain.push(current);
      const parent: unknown = current.parent;
      if (typeof parent === 'string') {
        root = parent;
        break;
      }
      // A parent id names the item that holds the nested type; an origin names a sibling.
      const next = parent instanceof Y.ID ? parent : (current.origin ?? current.rightOrigin);
      if (next === null) {
        root = undefined;
        break;
      }
      const inUpdate = this.findInUpdate(next);
      if (inUpdate) {
        current = inUpdate;
        continue;
      }
      root = this.view.rootAt(next.client, next.clock);
      break;
    }
    for (const item of chain) this.memo.set(item, root);
    return root;
  }

  private findInUpdate(id: IdLike): Y.Item | undefined {
    const items = this.byClient.get(id.client);
    if (!items) return undefined;
    let lo = 0;
    let hi = items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const item = items[mid];
      if (!item) break;
      if (id.clock < item.id.clock) hi = mid - 1;
      else if (id.clock >= item.id.clock + item.length) lo = mid + 1;
      else return item;
    }
    return undefined;
  }
}

/** Each client's clock before and after the update's new runs. */
export function advancesOf(analysis: Analysis): Advance[] {
  const byClient = new Map<number, Advance>();
  for (const run of analysis.runs) {
    const known = byClient.get(run.client);
    if (known) known.after = Math.max(known.after, run.clock + run.length);
    else byClient.set(run.client, { client: run.client, before: run.clock, after: run.clock + run.length });
  }
  return [...byClient.values()];
}
