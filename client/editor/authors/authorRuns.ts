import type { Node as PmNode } from '@tiptap/pm/model';
import * as Y from 'yjs';

/** A stretch of the ProseMirror document made of consecutive Yjs items of one client: [from, to), starting at `clock`. */
export interface ItemRun {
  from: number;
  to: number;
  clientId: number;
  clock: number;
}

/**
 * The Yjs items behind each character of an editor, as ProseMirror ranges.
 * Walks the bound fragment and the document together: y-prosemirror keeps
 * them alike (an element per node, a Y.XmlText per run of text nodes), so a
 * text item of length n covers the next n positions. Only valid when the
 * two are in step (after a sync transaction, or once local edits were
 * written to Yjs); a mismatch stops the walk and returns what was found.
 */
export function itemRuns(fragment: Y.XmlFragment, doc: PmNode, range?: { from: number; to: number }): ItemRun[] {
  const runs: ItemRun[] = [];
  walk(fragment, doc, 0, runs, range);
  return runs;
}

/** `range`: only the top-level blocks that overlap it are read (the others are stepped over by their size). */
function walk(parent: Y.XmlFragment | Y.XmlElement, doc: PmNode, start: number, runs: ItemRun[], range?: { from: number; to: number }): number | null {
  let pos = start;
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const content = item.content;
    if (!(content instanceof Y.ContentType)) continue;
    const type = content.type;
    if (type instanceof Y.XmlText) {
      pos = textRuns(type, pos, runs);
      continue;
    }
    if (!(type instanceof Y.XmlElement)) continue;
    const node = pos < doc.content.size ? doc.nodeAt(pos) : null;
    if (!node || node.isText) return null;
    const outside = range !== undefined && (pos + node.nodeSize <= range.from || pos >= range.to);
    if (!outside && !node.isLeaf && walk(type, doc, pos + 1, runs) === null) return null;
    pos += node.nodeSize;
  }
  return pos;
}

/** The characters of one Y.XmlText: each live countable item (text or embed) is as long in ProseMirror. */
function textRuns(text: Y.XmlText, start: number, runs: ItemRun[]): number {
  let pos = start;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue; // formatting attributes take no place
    const last = runs[runs.length - 1];
    // Yjs splits runs of one client's typing (formatting, concurrent inserts): join them back.
    if (last && last.to === pos && last.clientId === item.id.client && last.clock + (last.to - last.from) === item.id.clock) last.to += item.length;
    else runs.push({ from: pos, to: pos + item.length, clientId: item.id.client, clock: item.id.clock });
    pos += item.length;
  }
  return pos;
}
