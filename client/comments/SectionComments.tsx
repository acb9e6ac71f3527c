import { useCommentsController, useCommentsState } from './CommentsProvider';
import { useCommentStrings } from './i18n';
import { BubbleIcon } from './icons';

/**
 * In a section's header: how many open threads it has (with unread comments
 * as a badge; a click shows them in the sidebar) and a button to comment on
 * the whole section.
 */
export function SectionComments({ section, title }: { section: string; title: string }) {
  const controller = useCommentsController();
  const state = useCommentsState();
  const { c } = useCommentStrings();
  if (!controller || !state) return null;
  const threads = state.threads.filter((t) => t.section === section);
  const open = threads.filter((t) => t.resolvedAt === null).length;
  const unread = threads.reduce((n, t) => n + t.unread, 0);
  const canWrite = controller.me.canComment && !state.locked;
  const show = (): void => {
    controller.set({ section, tab: open > 0 ? 'open' : 'resolved' });
    document.querySelector('[data-testid="comments-sidebar"]')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  return (
    <div className="section-comments" data-testid="section-comments">
      {(open > 0 || unread > 0) && (
        <button type="button" className={`section-comment-count${unread > 0 ? ' has-unread' : ''}`} onClick={show} title={`${c.openCount(open)}${unread > 0 ? ` — ${c.sectionUnread(unread, title)}` : ''}`}>
          <BubbleIcon /> {open}
          {unread > 0 && (
            <span className="unread-badge" data-testid="section-unread" aria-label={c.sectionUnread(unread, title)}>
              {unread}
            </span>
          )}
        </button>
      )}
      {canWrite && (
        <button type="button" className="button link small section-comment-add" data-testid="comment-section" title={c.commentOnSection(title)} aria-label={c.commentOnSection(title)} onClick={() => controller.startDraft({ section, anchor: null })}>
          + {c.commentButton}
        </button>
      )}
    </div>
  );
}
