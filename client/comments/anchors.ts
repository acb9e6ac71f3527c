import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { absolutePositionToRelativePosition } from '@tiptap/y-tiptap';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { Anchor } from '../../shared/api';

/**
 * Text anchors of comment threads: a range of a rich-text fragment kept as two
 * Yjs relative positions, so it follows its text through everyone's edits.
 *
 * - The start associates to the right (0) and the end to the left (-1): typing
 *   right before or right after the range does not pull the new text into it.
 * - ProseMirror positions are converted through the y-tiptap binding's mapping
 *   (Y type → ProseMirror node), as the sync plugin does for selections.
 */

/** The y-tiptap binding's map from Yjs types to the ProseMirror nodes rendered for them. */
export type PmMapping = Map<Y.AbstractType<unknown>, PmNode | PmNode[]>;

export const encodeRelative = (rpos: Y.RelativePosition): string => toBase64(Y.encodeRelativePosition(rpos));

export function decodeRelative(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/** The template section a fragment belongs to: `section:<key>` or `section:<key>:<partyId>`. */
export function sectionOfFragment(fragment: string): string | null {
  const match = /^section:([^:]+)(?::.+)?$/.exec(fragment);
  return match?.[1] ?? null;
}

/** Whether this copy of the doc has received the updates a relative position points at. */
function isKnown(rpos: Y.RelativePosition, doc: Y.Doc): boolean {
  const id = rpos.item ?? rpos.type;
  return id === null || Y.getState(doc.store, id.client) > id.clock;
}

/** Resolves a relative position in the doc, or null (not received yet, or garbage-collected). */
function toAbsolute(rpos: Y.RelativePosition, doc: Y.Doc): Y.AbsolutePosition | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(rpos, doc);
  } catch {
    return null;
  }
}

/** Whether a type or one of its ancestors was deleted (its text is gone). */
function isGone(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item !== null;) {
    if (item.deleted) return true;
    const parent = item.parent;
    item = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return false;
}

/**
 * A ProseMirror position of the editor bound to `fragment`, as a Yjs relative
 * position with the given association. y-tiptap's own conversion always
 * associates text positions to the left, so the position is re-created.
 */
export function pmToRelative(fragment: Y.XmlFragment, mapping: PmMapping, pos: number, assoc: 0 | -1): Y.RelativePosition {
  const rel: Y.RelativePosition = absolutePositionToRelativePosition(pos, fragment, mapping);
  const doc = fragment.doc;
  const abs = doc ? toAbsolute(rel, doc) : null;
  return abs ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, assoc) : rel;
}

const childType = (item: Y.Item): Y.AbstractType<unknown> | null => (item.content instanceof Y.ContentType ? item.content.type : null);

/** How many ProseMirror positions a child type spans: its text length, or its node's size. */
function sizeOf(type: Y.AbstractType<unknown>, mapping: PmMapping): number | null {
  if (type instanceof Y.XmlText) return type.length;
  const node = mapping.get(type);
  return node && !Array.isArray(node) ? node.nodeSize : null;
}

/**
 * A Yjs relative position as a ProseMirror position in the editor bound to
 * `fragment`, or null (elsewhere, deleted, or not rendered yet). The same walk
 * as y-tiptap's `relativePositionToAbsolutePosition`, without its guard that
 * refuses every position at the very start of the first paragraph.
 */
export function relativeToPm(doc: Y.Doc, fragment: Y.XmlFragment, rpos: Y.RelativePosition, mapping: PmMapping): number | null {
  const decoded = toAbsolute(rpos, doc);
  if (!decoded) return null;
  let type: Y.AbstractType<unknown> = decoded.type;
  if (type !== fragment && !Y.isParentOf(fragment, type._item)) return null;
  if (isGone(type)) return null;
  let pos = 0;
  if (type instanceof Y.XmlText) {
    pos = decoded.index;
  } else {
    let n = type._first;
    let i = 0;
    while (i < type._length && i < decoded.index && n !== null) {
      if (!n.deleted && n.countable) {
        const child = childType(n);
        const size = child && sizeOf(child, mapping);
        if (size === null) return null;
        pos += size;
        i++;
      }
      n = n.right;
    }
    pos += 1; // the position is inside this node
  }
  while (type !== fragment && type._item !== null) {
    const parent = type._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    pos += 1; // the parent's opening tag
    for (let n = parent._first; n !== null; n = n.right) {
      const child = childType(n);
      if (child === type) break;
      if (!n.deleted && child) {
        const size = sizeOf(child, mapping);
        if (size === null) return null;
        pos += size;
      }
    }
    type = parent;
  }
  return pos - 1; // the fragment itself has no opening tag
}

/** An anchor for the ProseMirror range [from, to) of the editor bound to `fragment`. */
export function anchorFromRange(fragmentName: string, fragment: Y.XmlFragment, mapping: PmMapping, from: number, to: number, quote: string): Anchor {
  return {
    fragment: fragmentName,
    start: encodeRelative(pmToRelative(fragment, mapping, from, 0)),
    end: encodeRelative(pmToRelative(fragment, mapping, to, -1)),
    quote,
  };
}

/** Where an anchor is now in the editor bound to its fragment, or null if it covers nothing. */
export function resolveAnchor(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: PmMapping,
  anchor: Pick<Anchor, 'start' | 'end'>,
): { from: number; to: number } | null {
  const start = decodeRelative(anchor.start);
  const end = decodeRelative(anchor.end);
  if (!start || !end) return null;
  const from = relativeToPm(doc, fragment, start, mapping);
  const to = relativeToPm(doc, fragment, end, mapping);
  if (from === null || to === null || to <= from) return null;
  return { from, to };
}

export type AnchorState = 'anchored' | 'orphaned' | 'unknown';

/**
 * Whether the anchored text still exists in this copy of the document (the
 * same rule as the server's, plus deleted paragraphs). 'unknown' when the
 * positions refer to updates not received yet.
 */
export function anchorState(doc: Y.Doc, anchor: Pick<Anchor, 'start' | 'end'>): AnchorState {
  const start = decodeRelative(anchor.start);
  const end = decodeRelative(anchor.end);
  if (!start || !end) return 'orphaned';
  if (!isKnown(start, doc) || !isKnown(end, doc)) return 'unknown';
  const a = toAbsolute(start, doc);
  const b = toAbsolute(end, doc);
  if (!a || !b) return 'orphaned'; // collected: deleted long ago
  if (isGone(a.type) || isGone(b.type)) return 'orphaned';
  return a.type === b.type && a.index >= b.index ? 'orphaned' : 'anchored';
}
