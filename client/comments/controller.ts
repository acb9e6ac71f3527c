import type * as Y from 'yjs';
import type { EditorView } from '@tiptap/pm/view';
import type { ThreadView } from '../../shared/api';
import { anchorFromRange, anchorState, resolveAnchor } from './anchors';
import { EditorRegistry } from './editorRegistry';
import { editorSelection, isRange, type EditorSelection } from './pageSelection';
import { showRange, showSection } from './scrollTo';
import { ThreadStore, type CommentsMe } from './threadStore';
import { bindingOf } from './yBinding';

export type { CommentsMe, CommentsState, Draft, SelectionInfo } from './threadStore';
export type { Tab } from './threadFilters';

/**
 * The comment threads of one open agreement, shared by the sidebar, the
 * section headers and the editors' highlight plugins. Threads come from the
 * server (REST answers and live events) into the store this extends; this
 * adds what needs the document and the editors: anchoring a draft to the
 * selected text, telling whether a thread's text is gone, showing it.
 */
export class CommentsController extends ThreadStore {
  /** The editors on the page; each registers itself (RegisterEditor). */
  readonly editors = new EditorRegistry();
  /** The range `reveal` last selected. */
  revealed: { view: EditorView; from: number; to: number } | null = null;
  /** Refetch threads, participants and status (set by the provider, which holds the shared cache). */
  reload: () => void = () => undefined;
  /** Writes a thread the server answered with to the shared cache (set by the provider). */
  saveThread: (thread: ThreadView) => void = () => undefined;

  constructor(
    readonly agreementId: string,
    readonly doc: Y.Doc,
    me: CommentsMe,
  ) {
    super(me);
  }

  /** A thread as the server sent it: shown at once, and kept in the shared cache for every other panel. */
  override upsert(thread: ThreadView): void {
    super.upsert(thread);
    this.saveThread(thread);
  }

  /**
   * The page's text selection, if it is a non-empty range inside one of the
   * editors (editable or not: a commenter selects text in a read-only one).
   */
  readSelection(): EditorSelection | null {
    const sel = window.getSelection();
    if (!isRange(sel)) {
      this.revealed = null;
      return null;
    }
    return editorSelection(sel, this.editors);
  }

  /** A draft on the current text selection, if there is one. */
  draftFromSelection(): boolean {
    const live = this.readSelection();
    const s = live?.info ?? this.getState().selection;
    const view = live?.view ?? (s ? this.editors.viewFor(s.fragment) : undefined);
    const binding = view && bindingOf(view.state);
    if (!s || !view || !binding) return false;
    this.startDraft({ section: s.section, anchor: anchorFromRange(s.fragment, binding.fragment, binding.mapping, s.from, s.to, s.quote.slice(0, 2000)) });
    return true;
  }

  /**
   * Whether a thread's text is gone. Computed on this copy of the doc once it
   * has synced (the server's flag is only refreshed when the thread changes).
   */
  isOrphaned(thread: ThreadView): boolean {
    if (!thread.anchor) return false;
    if (!this.getState().synced) return thread.orphaned;
    const local = anchorState(this.doc, thread.anchor);
    return local === 'unknown' ? thread.orphaned : local === 'orphaned';
  }

  /** Scrolls to a thread's text and selects it, or to its section. */
  reveal(thread: ThreadView): void {
    const view = thread.anchor ? this.editors.viewFor(thread.anchor.fragment) : undefined;
    const binding = view && bindingOf(view.state);
    const range = view && binding && thread.anchor ? resolveAnchor(this.doc, binding.fragment, binding.mapping, thread.anchor) : null;
    if (!view || !range) {
      showSection(thread.section);
      return;
    }
    // The text is selected to show it, not to comment on it again: no Comment button for it.
    this.revealed = { view, ...range };
    if (this.getState().selection) this.set({ selection: null });
    showRange(view, range.from, range.to);
  }
}
