import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** Selects a range of an editor and scrolls it to a third of the window's height, where the eye looks first. */
export function showRange(view: EditorView, from: number, to: number): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
  if (view.editable) view.focus();
  const coords = view.coordsAtPos(from);
  window.scrollBy({ top: coords.top - window.innerHeight / 3, behavior: 'smooth' });
}

/** When to drop the highlight class: just after its CSS animation (1.5 s, comments.css) ends. */
const FLASH_MS = 1600;

/** Scrolls a section into view and flashes it, for a thread on the whole section or whose text is not shown. */
export function showSection(section: string): void {
  const element = document.getElementById(`section-${section}`);
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'start' });
  element.classList.add('comment-flash');
  setTimeout(() => element.classList.remove('comment-flash'), FLASH_MS);
}
