import * as Y from 'yjs';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Anchor, ParticipantView, ThreadView } from '../../shared/api';
import { anchorFromRange, anchorState, resolveAnchor, sectionOfFragment, type PmMapping } from './anchors';

/** A thread being written, not sent yet: on a section, or on a text range of it. */
export interface Draft {
  section: string;
  anchor: Anchor | null;
}

/** A non-empty text selection in one of the rich-text editors, where the Comment button goes. */
export interface SelectionInfo {
  fragment: string;
  section: string;
  from: number;
  to: number;
  quote: string;
  /** Page coordinates (scroll included) of the selection's end. */
  left: number;
  top: number;
}

export type Tab = 'open' | 'resolved' | 'mine';

export interface CommentsState {
  status: 'loading' | 'ready' | 'error';
  threads: ThreadView[];
  participants: ParticipantView[];
  /** The agreement is locked or signed: comments are closed. */
  locked: boolean;
  /** The open thread in the sidebar; `seq` changes on every request to show it. */
  focused: { id: string; seq: number } | null;
  draft: Draft | null;
  selection: SelectionInfo | null;
  tab: Tab;
  section: string | null;
  /** Changes with the document, so orphaned anchors are re-checked. */
  docVersion: number;
  /** The document has synced with the server at least once. */
  synced: boolean;
}

export interface CommentsMe {
  id: string;
  partyId: string;
  canComment: boolean;
  canEdit: boolean;
}

/** The y-tiptap binding of an editor: its fragment and the Y type → node mapping. */
export function bindingOf(view: EditorView): { fragment: Y.XmlFragment; mapping: PmMapping } | null {
  const state: unknown = ySyncPluginKey.getState(view.state);
  if (typeof state !== 'object' || state === null || !('binding' in state) || !('type' in state)) return null;
  const fragment = state.type;
  const binding = state.binding;
  if (!(fragment instanceof Y.XmlFragment) || typeof binding !== 'object' || binding === null || !('mapping' in binding)) return null;
  return binding.mapping instanceof Map ? { fragment, mapping: binding.mapping as PmMapping } : null;
}

const byCreation = (a: ThreadView, b: ThreadView): number => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1);

/**
 * The comment threads of one open agreement, shared by the sidebar, the
 * section headers and the editors' highlight plugins. Threads come from the
 * server (REST answers and live events); this only holds and orders them,
 * and knows the editors so it can show a thread's text.
 */
export class CommentsController {
  private state: CommentsState = {
    status: 'loading',
    threads: [],
    participants: [],
    locked: false,
    focused: null,
    draft: null,
    selection: null,
    tab: 'open',
    section: null,
    docVersion: 0,
    synced: false,
  };
  private readonly listeners = new Set<() => void>();
  private readonly views = new Map<string, Set<EditorView>>();
  private seq = 0;
  /** The range `reveal` last selected. */
  revealed: { view: EditorView; from: number; to: number } | null = null;
  /** Refetch threads, participants and status (set by the provider, which owns the requests). */
  reload: () => void = () => undefined;
  reloadPeople: () => void = () => undefined;
  reloadStatus: () => void = () => undefined;

  constructor(
    readonly agreementId: string,
    readonly doc: Y.Doc,
    public me: CommentsMe,
  ) {}

  getState = (): CommentsState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<CommentsState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  setThreads(threads: ThreadView[]): void {
    this.set({ threads: [...threads].sort(byCreation), status: 'ready' });
  }

  /** A thread as the server sent it (created, changed, or read). */
  upsert(thread: ThreadView): void {
    const rest = this.state.threads.filter((t) => t.id !== thread.id);
    this.set({ threads: [...rest, thread].sort(byCreation) });
  }

  thread(id: string): ThreadView | undefined {
    return this.state.threads.find((t) => t.id === id);
  }

  /** Opens a thread in the sidebar, switching filters so it shows. */
  focus(id: string): void {
    const thread = this.thread(id);
    if (!thread) return;
    const patch: Partial<CommentsState> = { focused: { id, seq: ++this.seq } };
    const resolved = thread.resolvedAt !== null;
    if (this.state.tab === 'open' && resolved) patch.tab = 'resolved';
    if (this.state.tab === 'resolved' && !resolved) patch.tab = 'open';
    if (this.state.tab === 'mine' && !this.isMine(thread)) patch.tab = resolved ? 'resolved' : 'open';
    if (this.state.section !== null && this.state.section !== thread.section) patch.section = null;
    this.set(patch);
  }

  closeThread(): void {
    this.set({ focused: null });
  }

  isMine(thread: ThreadView): boolean {
    return thread.authorId === this.me.id || thread.comments.some((c) => c.authorId === this.me.id);
  }

  startDraft(draft: Draft): void {
    this.set({ draft, selection: null, focused: null });
  }

  /**
   * The page's text selection, if it is a non-empty range inside one of the
   * editors (editable or not: a commenter selects text in a read-only one).
   */
  readSelection(): { view: EditorView; from: number; to: number; info: Omit<SelectionInfo, 'left' | 'top'> } | null {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) {
      this.revealed = null;
      return null;
    }
    const hit = this.viewContaining(sel.anchorNode);
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

  /** A draft on the current text selection, if there is one. */
  draftFromSelection(): boolean {
    const live = this.readSelection();
    const s = live?.info ?? this.state.selection;
    const view = live?.view ?? (s ? this.viewFor(s.fragment) : undefined);
    const binding = view && bindingOf(view);
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
    if (!this.state.synced) return thread.orphaned;
    const local = anchorState(this.doc, thread.anchor);
    return local === 'unknown' ? thread.orphaned : local === 'orphaned';
  }

  // Editors register themselves so threads can show their text.

  registerView(fragment: string, view: EditorView): void {
    let set = this.views.get(fragment);
    if (!set) this.views.set(fragment, (set = new Set()));
    set.add(view);
  }

  unregisterView(fragment: string, view: EditorView): void {
    const set = this.views.get(fragment);
    set?.delete(view);
    if (set?.size === 0) this.views.delete(fragment);
  }

  /**
   * The live editor bound to a fragment. React may create an editor twice
   * (and destroy one later): the one shown is the one in the page.
   */
  viewFor(fragment: string): EditorView | undefined {
    const set = this.views.get(fragment);
    if (!set) return undefined;
    let fallback: EditorView | undefined;
    for (const view of set) {
      if (view.isDestroyed) continue;
      if (view.dom.isConnected) return view;
      fallback ??= view;
    }
    return fallback;
  }

  /** The editor a DOM node is inside of, if any. */
  viewContaining(node: Node): { fragment: string; view: EditorView } | null {
    for (const [fragment, set] of this.views) for (const view of set) if (!view.isDestroyed && view.dom.contains(node)) return { fragment, view };
    return null;
  }

  /** Scrolls to a thread's text and selects it, or to its section. */
  reveal(thread: ThreadView): void {
    const view = thread.anchor ? this.viewFor(thread.anchor.fragment) : undefined;
    const binding = view && bindingOf(view);
    const range = view && binding && thread.anchor ? resolveAnchor(this.doc, binding.fragment, binding.mapping, thread.anchor) : null;
    if (view && range) {
      // The text is selected to show it, not to comment on it again: no Comment button for it.
      this.revealed = { view, ...range };
      const tr = view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to));
      view.dispatch(tr);
      if (this.state.selection) this.set({ selection: null });
      if (view.editable) view.focus();
      const coords = view.coordsAtPos(range.from);
      window.scrollBy({ top: coords.top - window.innerHeight / 3, behavior: 'smooth' });
      return;
    }
    const section = document.getElementById(`section-${thread.section}`);
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    section?.classList.add('comment-flash');
    setTimeout(() => section?.classList.remove('comment-flash'), 1600);
  }
}
