import type { Node as PmNode } from '@tiptap/pm/model';
import { Mapping, StepMap } from '@tiptap/pm/transform';

export interface Range {
  from: number;
  to: number;
}

/**
 * What changed between two versions of a document: the stretch between
 * their common start and common end (`from`–`to` in `after`), and the map
 * from `before` to `after` that shifts everything past it. A remote change
 * comes as a replacement of the whole document (y-prosemirror#113), so its
 * own mapping says nothing; but y-prosemirror keeps the node objects of the
 * blocks it did not change, which makes this comparison cheap.
 */
export function changedRange(before: PmNode, after: PmNode): { range: Range; map: Mapping } | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content) ?? { a: before.content.size, b: after.content.size };
  let endA = end.a;
  let endB = end.b;
  // Repeated content lets the common end reach back over the common start.
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return { range: { from: start, to: endB }, map: new Mapping([new StepMap([start, endA - start, endB - start])]) };
}

/** The top-level blocks of `doc` that `range` touches, as one range. */
export function blocksOf(doc: PmNode, range: Range): Range {
  const size = doc.content.size;
  const from = Math.max(0, Math.min(range.from, size));
  const to = Math.max(from, Math.min(range.to, size));
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  return { from: $from.depth > 0 ? $from.before(1) : from, to: $to.depth > 0 ? $to.after(1) : to };
}

export const union = (a: Range | null, b: Range): Range => (a ? { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) } : b);
