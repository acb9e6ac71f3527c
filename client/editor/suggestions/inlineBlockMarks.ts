import type { Node as PmNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { ZWSP } from '../../../shared/suggestions';

/**
 * y-prosemirror keeps marks on text only: a mark the library put on a whole
 * block (a paragraph inserted or deleted entire) would be dropped on its way
 * to Yjs, and the suggestion silently lost. So each such node mark becomes
 * the same mark on the block's text, with an invisible anchor in an empty
 * block, which is how the library marks partial blocks anyway.
 *
 * A `modification` on a block (its type or attributes changed, e.g. a
 * paragraph made a heading) has no text form: returns false, and the caller
 * refuses the change rather than lose it.
 */
export function inlineBlockMarks(tr: Transaction): boolean {
  const found: { pos: number; node: PmNode }[] = [];
  let blocked = false;
  tr.doc.descendants((node, pos) => {
    if (node.isInline) return false;
    if (node.marks.some((m) => m.type.name === 'modification')) blocked = true;
    if (node.marks.some((m) => m.type.name === 'insertion' || m.type.name === 'deletion')) found.push({ pos, node });
    return !blocked;
  });
  if (blocked) return false;
  // From the end, so earlier positions stay valid as anchors are inserted.
  for (const { pos, node } of found.reverse()) {
    for (const mark of node.marks) {
      if (mark.type.name !== 'insertion' && mark.type.name !== 'deletion') continue;
      tr.removeNodeMark(pos, mark);
      const current = tr.doc.nodeAt(pos);
      if (!current) continue;
      if (current.isTextblock && current.content.size === 0) tr.insertText(ZWSP, pos + 1);
      const end = pos + (tr.doc.nodeAt(pos)?.nodeSize ?? current.nodeSize) - 1;
      if (end > pos + 1) tr.addMark(pos + 1, end, mark);
    }
  }
  return true;
}
