import type { EditorView } from '@tiptap/pm/view';
import { sectionOfFragment } from './anchors';
import type { EditorRegistry } from './editorRegistry';
import type { SelectionInfo } from './threadStore';

/** A text range selected in one of the editors, in its ProseMirror positions. */
export interface EditorSelection {
  view: EditorView;
  from: number;
  to: number;
  info: Omit<SelectionInfo, 'left' | 'top'>;
}

/** Whether the page's selection is a range (not a caret), with both ends in the document. */
export function isRange(sel: Selection | null): sel is Selection & { anchorNode: Node; focusNode: Node } {
  return sel !== null && !sel.isCollapsed && sel.rangeCount > 0 && sel.anchorNode !== null && sel.focusNode !== null;
}

/**
 * A range selection as a range of the editor it lies in, or null if it is not
 * all inside one editor or holds no text. Read from the DOM selection, not the
 * editor's own: a commenter selects text in a read-only editor too.
 */
export function editorSelection(sel: Selection & { anchorNode: Node; focusNode: Node }, editors: EditorRegistry): EditorSelection | null {
  const hit = editors.viewContaining(sel.anchorNode);
  if (!hit || !hit.view.dom.contains(sel.focusNode)) return null;
  const { view, fragment } = hit;
  let from: number;
  let to: number;
  try {
    const a = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const b = view.posAtDOM(sel.focusNode, sel.focusOffset);
    from = Math.min(a, b);
    to = Math.max(a, b);
  } catch {
    if (view.state.selection.empty) return null;
    ({ from, to } = view.state.selection);
  }
  const section = sectionOfFragment(fragment);
  const quote = view.state.doc.textBetween(from, to, '\n', ' ').trim();
  if (!section || from >= to || !quote) return null;
  return { view, from, to, info: { fragment, section, from, to, quote } };
}
