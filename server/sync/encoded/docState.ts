import * as Y from 'yjs';
import { PARTY_IDS } from '../../../shared/schema';
import { DeleteIndex } from './deleteIndex';
import { RootIndex } from './rootIndex';
import type { Analysis, DocView } from './analyse';

/** Pending updates are folded into the state past this many (a join folds them too). */
const FOLD_AFTER = 1024;

/**
 * A loaded document kept encoded: its state as one Yjs update plus the
 * updates stored since, with the indexes the schema guard and the sync
 * protocol need (state vector, the root of each run of items, the delete set,
 * the party list). No Y.Doc is kept: a Y.Doc costs a few hundred bytes per
 * item (about 13× its encoded state for a long, much-edited agreement), this
 * about its encoded size. Readers that need the document build a copy
 * (see Room.read).
 *
 * Updates are merged with `Y.mergeUpdates`, which keeps deleted content
 * (Yjs garbage-collects it only in a Y.Doc); the room's compaction rebuilds
 * the state through a Y.Doc (replaceState), so what is stored and kept is collected.
 */
export class DocState implements DocView {
  private state: Uint8Array;
  private pending: Uint8Array[] = [];
  /** Counts the times `state` was replaced: a compaction's result applies only to the state it started from. */
  private generation = 0;
  private readonly vector = new Map<number, number>();
  private readonly roots = new RootIndex();
  private readonly deleted = new DeleteIndex();
  /** Every element the party list ever held: its id and the value (a party id). */
  private readonly partyEntries: { client: number; clock: number; id: string }[] = [];

  private constructor(state: Uint8Array) {
    this.state = state;
  }

  /** From a document and its encoding (`Y.encodeStateAsUpdate(doc)` if not given). */
  static fromDoc(doc: Y.Doc, state: Uint8Array = Y.encodeStateAsUpdate(doc)): DocState {
    const out = new DocState(state);
    const names = new Map<unknown, string>();
    for (const [name, type] of doc.share) names.set(type, name);
    for (const [client, structs] of doc.store.clients) {
      for (const s of structs) {
        out.roots.add(client, s.id.clock, s.length, s instanceof Y.Item ? rootOfIntegrated(s, names) : null);
        if (s.deleted) out.deleted.add(client, s.id.clock, s.length);
      }
      const last = structs[structs.length - 1];
      if (last) out.vector.set(client, last.id.clock + last.length);
    }
    const list = doc.share.get(PARTY_IDS);
    for (let item = list?._start ?? null; item !== null; item = item.right) {
      const values = item.deleted ? [] : item.content.getContent();
      values.forEach((v, i) => {
        if (typeof v === 'string') out.partyEntries.push({ client: item.id.client, clock: item.id.clock + i, id: v });
      });
    }
    return out;
  }

  clock(client: number): number {
    return this.vector.get(client) ?? 0;
  }

  rootAt(client: number, clock: number): string | null | undefined {
    return clock < this.clock(client) ? this.roots.rootAt(client, clock) : undefined;
  }

  isDeleted(client: number, clock: number, length: number): boolean {
    return !this.deleted.addsTo(client, clock, length);
  }

  /**
   * The top-level names an update taken in (see add) wrote under: its new
   * runs and what it deleted. Approvals read it to tell which sections an
   * edit may have changed, without building the document.
   */
  rootsTouched(analysis: Analysis): Set<string> {
    const roots = new Set<string>();
    for (const run of analysis.runs) if (run.root) roots.add(run.root);
    for (const d of analysis.deletes) this.roots.rootsIn(d.client, d.clock, d.length, roots);
    return roots;
  }

  /** The client ids the document holds items of. */
  clients(): IterableIterator<number> {
    return this.vector.keys();
  }

  /** The party ids listed and not removed, in no particular order. */
  partyIds(): Set<string> {
    const ids = new Set<string>();
    for (const e of this.partyEntries) if (e.id !== '' && !this.deleted.has(e.client, e.clock)) ids.add(e.id);
    return ids;
  }

  /** Whether `deletes` remove a live element of the party list. */
  deletesParty(deletes: Analysis['deletes']): boolean {
    if (deletes.length === 0) return false;
    return this.partyEntries.some(
      (e) => !this.deleted.has(e.client, e.clock) && deletes.some((d) => d.client === e.client && d.clock <= e.clock && e.clock < d.clock + d.length),
    );
  }

  encodedStateVector(): Uint8Array {
    return Y.encodeStateVector(this.vector);
  }

  /** Takes in an analysed update (see analyseUpdate) and its bytes as stored. */
  add(bytes: Uint8Array, analysis: Analysis): void {
    for (const run of analysis.runs) {
      this.roots.add(run.client, run.clock, run.length, run.root);
      this.vector.set(run.client, run.clock + run.length);
      if (run.root === PARTY_IDS && run.values) {
        run.values.forEach((v, i) => {
          if (typeof v === 'string') this.partyEntries.push({ client: run.client, clock: run.clock + i, id: v });
        });
      }
    }
    for (const d of analysis.deletes) this.deleted.add(d.client, d.clock, d.length);
    this.pending.push(bytes);
    if (this.pending.length >= FOLD_AFTER) this.fold();
  }

  /** The whole state as one update. */
  encode(): Uint8Array {
    this.fold();
    return this.state;
  }

  /** What a peer with `stateVector` lacks (the sync step 2 answer). */
  diff(stateVector: Uint8Array): Uint8Array {
    const state = this.encode();
    return Y.decodeStateVector(stateVector).size === 0 ? state : Y.diffUpdate(state, stateVector);
  }

  /** Replaces the state by an equivalent encoding (a garbage-collected one, from a Y.Doc). */
  replaceState(state: Uint8Array): void {
    this.state = state;
    this.pending = [];
    this.generation++;
  }

  /** What a compaction folds (see Compactor), and where it stops. */
  parts(): { parts: Uint8Array[]; mark: { generation: number; pending: number } } {
    return { parts: [this.state, ...this.pending], mark: { generation: this.generation, pending: this.pending.length } };
  }

  /**
   * A compaction of `parts()` came back: `state` replaces what it folded,
   * and the updates taken in since stay pending. Ignored if the state was
   * replaced meanwhile (a fold). Returns whether it was taken.
   */
  replaceParts(state: Uint8Array, mark: { generation: number; pending: number }): boolean {
    if (mark.generation !== this.generation) return false;
    this.state = state;
    this.pending = this.pending.slice(mark.pending);
    this.generation++;
    return true;
  }

  /** Bytes held: the state and what waits to be folded into it. */
  get byteLength(): number {
    return this.pending.reduce((n, u) => n + u.byteLength, this.state.byteLength);
  }

  private fold(): void {
    if (this.pending.length === 0) return;
    this.state = Y.mergeUpdates([this.state, ...this.pending]);
    this.pending = [];
    this.generation++;
  }
}

/** Walks an integrated item up to its top-level type. */
function rootOfIntegrated(item: Y.Item, names: ReadonlyMap<unknown, string>): string | null {
  let parent: unknown = item.parent;
  while (parent instanceof Y.AbstractType) {
    const holder: Y.Item | null = (parent as { _item: Y.Item | null })._item;
    if (holder === null) return names.get(parent) ?? null;
    parent = holder.parent;
  }
  return null;
}
