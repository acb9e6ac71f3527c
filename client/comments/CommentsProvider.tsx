import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Me } from '../../shared/api';
import { markThreadRead } from '../api/threads';
import { useAgreementCache } from '../data/cache';
import { loadFailed, useParticipants, useStatus, useThreads } from '../data/queries';
import type { Collab } from '../editor/useCollab';
import { SessionContext } from '../session';
import { CommentsController, type CommentsMe, type CommentsState } from './controller';
import { useT } from '../intl';
import { BubbleIcon } from '../icons';
import './comments.css';

const CommentsContext = createContext<CommentsController | null>(null);

/** The open agreement's comments, or null outside of one (or before the session is known). */
export const useCommentsController = (): CommentsController | null => useContext(CommentsContext);

const NO_STATE = (): null => null;
const NO_SUBSCRIBE = (): (() => void) => () => undefined;

/** The comment state, re-rendering on every change; null without a controller. */
export function useCommentsState(): CommentsState | null {
  const controller = useCommentsController();
  return useSyncExternalStore(controller?.subscribe ?? NO_SUBSCRIBE, controller?.getState ?? NO_STATE);
}

const meOf = (me: Me): CommentsMe => ({ id: me.participant.id, partyId: me.participant.partyId, canComment: me.can.comment, canEdit: me.can.edit });

/** Marks a thread read once at a time; the answer carries the new unread count. */
const reading = new Set<string>();
export async function markRead(controller: CommentsController, threadId: string): Promise<void> {
  if (reading.has(threadId)) return;
  reading.add(threadId);
  try {
    controller.upsert(await markThreadRead(controller.agreementId, threadId));
  } catch {
    // Not fatal: the badge stays until the next try.
  } finally {
    reading.delete(threadId);
  }
}

/**
 * Holds the comment threads of the open agreement for everything below it:
 * mirrors them (and the participants, and whether the agreement is locked)
 * from the shared cache, which the event stream keeps live, and writes what
 * the server answers back to it; tracks the text selection for the Comment
 * button and the Ctrl+Alt+M shortcut.
 */
export function CommentsProvider({ collab, children }: { collab: Collab; children: ReactNode }) {
  const session = useContext(SessionContext);
  const me = session?.me ?? null;
  const participantId = me?.participant.id ?? null;
  const controller = useMemo(
    () => (me ? new CommentsController(collab.id, collab.doc, meOf(me)) : null),
    // One controller per agreement and participant; rights changes update it below.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `me` is read once per participant, on purpose
    [collab.id, collab.doc, participantId],
  );

  useEffect(() => {
    if (controller && me) {
      controller.me = meOf(me);
      controller.set({});
    }
  }, [controller, me]);

  // Threads, participants (for mentions) and whether comments are closed, from the shared cache.
  const cache = useAgreementCache(collab.id);
  const threads = useThreads(collab.id);
  const threadsFailed = loadFailed(threads);
  const people = useParticipants(collab.id).data;
  const status = useStatus(collab.id).data;
  const locked = status ? status.status !== 'draft' : null;

  useEffect(() => {
    if (!controller) return;
    controller.reload = cache.refreshComments;
    controller.saveThread = cache.upsertThread;
  }, [controller, cache]);

  useEffect(() => {
    if (!controller) return;
    if (!threads.data) {
      if (threadsFailed) controller.set({ status: 'error' });
      return;
    }
    controller.setThreads(threads.data);
    // A thread open in front of the reader is read as comments arrive.
    const focused = controller.getState().focused;
    const open = focused ? controller.thread(focused.id) : undefined;
    if (open && open.unread > 0 && document.visibilityState === 'visible') void markRead(controller, open.id);
  }, [controller, threads.data, threadsFailed]);

  useEffect(() => {
    if (controller && people) controller.set({ participants: people });
  }, [controller, people]);

  useEffect(() => {
    if (controller && locked !== null) controller.set({ locked });
  }, [controller, locked]);

  // Orphaned anchors are re-checked as the document changes, once it has synced.
  useEffect(() => {
    if (!controller) return;
    const { doc, provider } = collab;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = (): void => {
      if (timer || !controller.getState().threads.some((t) => t.anchor)) return;
      timer = setTimeout(() => {
        timer = null;
        controller.set({ docVersion: controller.getState().docVersion + 1 });
      }, 150);
    };
    const onSync = (synced: boolean): void => {
      if (synced) controller.set({ synced: true, docVersion: controller.getState().docVersion + 1 });
    };
    doc.on('update', onUpdate);
    provider.on('sync', onSync);
    if (provider.synced) onSync(true);
    return () => {
      if (timer) clearTimeout(timer);
      doc.off('update', onUpdate);
      provider.off('sync', onSync);
    };
  }, [controller, collab]);

  // The text selection in an editor (editable or not), for the Comment button.
  useEffect(() => {
    if (!controller) return;
    let frame = 0;
    const clear = (): void => {
      if (controller.getState().selection) controller.set({ selection: null });
    };
    const update = (): void => {
      frame = 0;
      const current = controller.readSelection();
      if (!current) return clear();
      const { view, from, to } = current;
      const shown = controller.revealed;
      if (shown && shown.view === view && shown.from === from && shown.to === to) return clear();
      controller.revealed = null;
      const end = view.coordsAtPos(to, -1);
      const box = view.dom.getBoundingClientRect();
      controller.set({
        selection: { ...current.info, left: Math.min(end.left, box.right - 40) + window.scrollX, top: end.bottom + window.scrollY },
      });
    };
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    // Ctrl+Alt+M (Cmd+Option+M): comment on the selection, or on the section being edited.
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyM') return;
      const state = controller.getState();
      if (!controller.me.canComment || state.locked) return;
      event.preventDefault();
      if (controller.draftFromSelection()) return;
      const active = document.activeElement;
      const section = active instanceof Element ? active.closest('[data-section]')?.getAttribute('data-section') : null;
      if (section) controller.startDraft({ section, anchor: null });
    };
    // Other panels (the readiness checklist) can open a thread: dispatch
    // `new CustomEvent('entente:show-thread', { detail: { id } })` on window.
    const onShow = (event: Event): void => {
      const id = event instanceof CustomEvent && typeof event.detail === 'object' && event.detail !== null ? (event.detail as { id?: unknown }).id : null;
      const thread = typeof id === 'string' ? controller.thread(id) : undefined;
      if (!thread) return;
      controller.focus(thread.id);
      controller.reveal(thread);
    };
    window.addEventListener('entente:show-thread', onShow);
    document.addEventListener('selectionchange', schedule);
    window.addEventListener('resize', schedule);
    document.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('entente:show-thread', onShow);
      document.removeEventListener('selectionchange', schedule);
      window.removeEventListener('resize', schedule);
      document.removeEventListener('keydown', onKey);
    };
  }, [controller]);

  return (
    <CommentsContext.Provider value={controller}>
      {children}
      {controller && <SelectionCommentButton controller={controller} />}
    </CommentsContext.Provider>
  );
}

/** A small floating "Comment" button under a non-empty selection. */
function SelectionCommentButton({ controller }: { controller: CommentsController }) {
  const t = useT();
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const s = state.selection;
  if (!s || !controller.me.canComment || state.locked) return null;
  return createPortal(
    <button
      type="button"
      className="comment-selection-button"
      data-testid="comment-selection"
      style={{ left: s.left, top: s.top + 6 }}
      title={t('comments.onSelection', { shortcut: 'Ctrl+Alt+M' })}
      aria-keyshortcuts="Control+Alt+M Meta+Alt+M"
      // Keep the selection: the click must not move focus out of the editor first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => controller.draftFromSelection()}
    >
      <BubbleIcon /> {t('comments.commentButton')}
    </button>,
    document.body,
  );
}
