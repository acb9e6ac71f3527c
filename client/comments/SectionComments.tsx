import { useCommentsController, useCommentsState } from './CommentsProvider';
import { useT } from '../intl';
import { BubbleIcon } from '../icons';

/**
 * In a section's header: how many open threads it has (with unread comments
 * as a badge; a click shows them in the sidebar) and a button to comment on
 * the whole section.
 */
export function SectionComments({ section, title }: { section: string; title: string }) {
  const controller = useCommentsController();
  const state = useCommentsState();
  const t = useT();
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
        <button
          type="button"
          className={`section-comment-count${unread > 0 ? ' has-unread' : ''}`}
          onClick={show}
          title={`${t('comments.openCount', { n: open })}${unread > 0 ? ` — ${t('comments.sectionUnread', { n: unread, section: title })}` : ''}`}
        >
          <BubbleIcon /> {open}
          {unread > 0 && (
            <span className="unread-badge" data-testid="section-unread" aria-label={t('comments.sectionUnread', { n: unread, section: title })}>
              {unread}
            </span>
          )}
        </button>
      )}
      {canWrite && (
        <button
          type="button"
          className="button link small section-comment-add"
          data-testid="comment-section"
          title={t('comments.onSection', { section: title })}
          aria-label={t('comments.onSection', { section: title })}
          onClick={() => controller.startDraft({ section, anchor: null })}
        >
          + {t('comments.commentButton')}
        </button>
      )}
    </div>
  );
}
