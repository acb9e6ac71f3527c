import type { Anchor, ThreadView, Visibility } from '../../shared/api';
import { createThread, deleteComment, editComment, replyToThread, setThreadResolved } from '../api/threads';
import { useSidebar } from './SidebarContext';

/**
 * What the sidebar asks the server to do with threads and comments. Each
 * answer is the thread as it now stands, written to the store (and from there
 * to the shared cache); a refusal rejects, for the caller to show.
 */
export function useThreadActions() {
  const { controller } = useSidebar();
  const id = controller.agreementId;
  const save = (thread: ThreadView): ThreadView => {
    controller.upsert(thread);
    return thread;
  };
  return {
    create: async (draft: { section: string; anchor: Anchor | null }, visibility: Visibility, body: string, mentions: string[]): Promise<ThreadView> =>
      save(await createThread(id, { section: draft.section, anchor: draft.anchor ?? undefined, visibility, body, mentions })),
    /** Starts the reply thread of an open suggestion (shared with every party, like the suggestion). */
    replyToSuggestion: async (section: string, suggestionId: string, body: string): Promise<ThreadView> =>
      save(await createThread(id, { section, suggestionId, visibility: 'shared', body, mentions: [] })),
    reply: async (threadId: string, body: string, mentions: string[]): Promise<void> => {
      save(await replyToThread(id, threadId, body, mentions));
    },
    setResolved: async (threadId: string, resolved: boolean): Promise<void> => {
      save(await setThreadResolved(id, threadId, resolved));
    },
    edit: async (commentId: string, body: string, mentions: string[]): Promise<void> => {
      save(await editComment(id, commentId, body, mentions));
    },
    remove: async (commentId: string): Promise<void> => {
      save(await deleteComment(id, commentId));
    },
  };
}
