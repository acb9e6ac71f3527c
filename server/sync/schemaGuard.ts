import * as Y from 'yjs';
import { getPartyIdList, isWritableRoot, partyIdsOf } from '../../shared/schema';
import type { AgreementTemplate } from '../../shared/template';

/** `clients`: the client ids the update brings new items for (authorship binds and checks them, see authorship.ts). */
export type GuardResult = { ok: true; clients: ReadonlySet<number> } | { ok: false; reason: 'outside_schema' | 'missing_dependencies'; detail: string };

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];
type IdLike = { client: number; clock: number };

/**
 * Decides, before a client's update touches the document, whether it stays
 * inside the schema: every item it inserts must land under a top-level name
 * that clients may write (`isWritableRoot`), and it may delete nothing of
 * the party list, which only the server writes.
 *
 * An item's top-level name is not always in the update: an item inserted
 * next to another inherits its parent, so we follow origins, through the
 * update itself or through the live document.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, template: AgreementTemplate): GuardResult {
  const { structs, ds } = Y.decodeUpdate(update);
  const partyIds = new Set(partyIdsOf(doc));
  const resolver = new RootResolver(doc, structs);
  const clients = new Set<number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue; // a gap, nothing written
    // Already stored: Yjs skips it. Honest clients resend what the server has, e.g.
    // the whole IndexedDB copy when it loads after the socket connected.
    if (Y.getState(doc.store, struct.id.client) >= struct.id.clock + struct.length) continue;
    // A GC struct carries no content but advances its client's clock: it counts as written under that id.
    clients.add(struct.id.client);
    if (!(struct instanceof Y.Item)) continue;
    const root = resolver.rootOf(struct);
    if (root === undefined) return { ok: false, reason: 'missing_dependencies', detail: 'update builds on content the server does not have' };
    if (root !== null && !isWritableRoot(root, template, partyIds)) return { ok: false, reason: 'outside_schema', detail: `writes to "${root}"` };
  }
  if (deletesFrom(ds, getPartyIdList(doc))) return { ok: false, reason: 'outside_schema', detail: 'deletes from the party list' };
  return { ok: true, clients };
}

/**
 * Whether a delete set removes any live item of `type`'s own list. Items the
 * server already deleted do not count: every sync step 2 carries the client's
 * whole delete set, so a party the owner removed is "deleted" again by every
 * client that reconnects.
 */
function deletesFrom(ds: ReturnType<typeof Y.decodeUpdate>['ds'], type: { _start: Y.Item | null }): boolean {
  if (ds.clients.size === 0) return false;
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    for (const range of ds.clients.get(item.id.client) ?? []) {
      if (range.clock < item.id.clock + item.length && item.id.clock < range.clock + range.len) return true;
    }
  }
  return false;
}

class RootResolver {
  private readonly byClient = new Map<number, Y.Item[]>();
  private readonly memo = new Map<Y.Item, string | null | undefined>();
  private readonly shareNames = new Map<unknown, string>();

  constructor(
    private readonly doc: Y.Doc,
    structs: Struct[],
  ) {
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
    for (const [name, type] of doc.share) this.shareNames.set(type, name);
  }

  /**
   * The top-level name an item of the update lands under; null when Yjs
   * will discard it anyway (its neighbour was garbage-collected); undefined
   * when it depends on something neither the update nor the document has.
   * Iterative with memoisation: a long run of typed characters is a chain
   * of origins as long as the text.
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
      const next = parent instanceof Y.ID ? parent : (current.origin ?? current.rightOrigin);
      if (next === null) {
        root = undefined;
        break;
      }
      // A parent id names the item that holds the nested type; an origin names a sibling.
      const inUpdate = this.findInUpdate(next);
      if (inUpdate) {
        current = inUpdate;
        continue;
      }
      root = this.rootOfDocItem(next);
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

  private docStruct(id: IdLike): Y.Item | null | undefined {
    if (Y.getState(this.doc.store, id.client) <= id.clock) return undefined;
    const struct: unknown = Y.getItem(this.doc.store, Y.createID(id.client, id.clock));
    return struct instanceof Y.Item ? struct : null;
  }

  /**
   * Root of a document item: the one holding a nested type (a parent id) or
   * a sibling (an origin). Either way, the item's own top-level name.
   */
  private rootOfDocItem(id: IdLike): string | null | undefined {
    const item = this.docStruct(id);
    return item ? this.rootOfIntegrated(item) : item;
  }

  /** Walks an integrated item up to its top-level type. */
  private rootOfIntegrated(item: Y.Item): string | null {
    let parent: unknown = item.parent;
    while (parent instanceof Y.AbstractType) {
      const holder: Y.Item | null = (parent as { _item: Y.Item | null })._item;
      if (holder === null) return this.shareNames.get(parent) ?? null;
      parent = holder.parent;
    }
    return null;
  }
}
