import type { Anchor, ParticipantView, ThreadView } from '../../shared/api';
import { byCreation, filterToShow, isMine, type Tab } from './threadFilters';

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

/** Who is reading, and what they may do with comments. */
export interface CommentsMe {
  id: string;
  partyId: string;
  canComment: boolean;
  canEdit: boolean;
}

const INITIAL: CommentsState = {
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

/**
 * The comment state of one open agreement, for `useSyncExternalStore`: the
 * threads in creation order, and what the sidebar shows. Every change makes a
 * new state object, so subscribers compare fields by identity.
 */
export class ThreadStore {
  private state: CommentsState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private seq = 0;

  constructor(public me: CommentsMe) {}

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

  isMine(thread: ThreadView): boolean {
    return isMine(thread, this.me.id);
  }

  /** Opens a thread in the sidebar, switching filters so it shows. */
  focus(id: string): void {
    const thread = this.thread(id);
    if (!thread) return;
    this.set({ focused: { id, seq: ++this.seq }, ...filterToShow(thread, this.state, this.me.id) });
  }

  closeThread(): void {
    this.set({ focused: null });
  }

  startDraft(draft: Draft): void {
    this.set({ draft, selection: null, focused: null });
  }
}
