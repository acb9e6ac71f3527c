import { useEffect, useRef, useState } from 'react';
import type { ThreadView } from '../../shared/api';
import { useT } from '../intl';
import { markRead } from './CommentsProvider';
import { useSidebar } from './SidebarContext';
import { ThreadDetails } from './ThreadDetails';
import { ThreadSummary } from './ThreadSummary';
import { VisibilityBadge } from './VisibilityBadge';

/** One thread: collapsed to its first comment, or open with replies and actions. */
export function ThreadCard({ thread }: { thread: ThreadView }) {
  const { controller, state, sectionTitle } = useSidebar();
  const t = useT();
  const open = state.focused?.id === thread.id;
  const orphaned = controller.isOrphaned(thread);
  const ref = useRef<HTMLLIElement>(null);
  // Kept here, not in the details: an error stays when the thread is closed and opened again.
  const [error, setError] = useState<string | null>(null);
  const seq = open ? state.focused?.seq : undefined;

  // Shown on request (a highlight was clicked): bring it into view.
  useEffect(() => {
    if (seq !== undefined) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [seq]);

  // Opening a thread reads it; so does a new comment arriving while it is open.
  useEffect(() => {
    if (!open || thread.unread === 0) return;
    const read = (): void => {
      if (document.visibilityState === 'visible') void markRead(controller, thread.id);
    };
    read();
    document.addEventListener('visibilitychange', read);
    return () => document.removeEventListener('visibilitychange', read);
  }, [open, thread.unread, thread.id, controller]);

  const author = thread.comments[0]?.authorName ?? '';
  const show = (): void => {
    controller.focus(thread.id);
    controller.reveal(thread);
  };
  const classes = [
    'thread',
    open ? 'is-open' : '',
    thread.resolvedAt ? 'is-resolved' : '',
    orphaned ? 'is-orphaned' : '',
    thread.visibility === 'party' ? 'is-internal' : '',
    thread.unread > 0 ? 'has-unread' : '',
  ];
  return (
    <li
      ref={ref}
      className={classes.filter(Boolean).join(' ')}
      data-testid="thread"
      data-thread-id={thread.id}
      data-orphaned={orphaned ? 'true' : 'false'}
      data-resolved={thread.resolvedAt ? 'true' : 'false'}
      aria-label={t('comments.threadLabel', { author, section: sectionTitle(thread.section) })}
    >
      <div className="thread-top">
        {thread.anchor ? (
          orphaned ? (
            <div className="thread-orphan" data-testid="orphaned">
              <span className="orphan-note">{t('comments.textDeleted')}</span>
              <blockquote className="thread-quote static">{thread.anchor.quote}</blockquote>
            </div>
          ) : (
            <button type="button" className="thread-quote" title={t('comments.goToText')} data-testid="thread-quote" onClick={show}>
              {thread.anchor.quote}
            </button>
          )
        ) : (
          <button type="button" className="thread-section-target" title={t('comments.goToSection')} onClick={show}>
            § {t('comments.wholeSection')}
          </button>
        )}
        <div className="thread-badges">
          <VisibilityBadge thread={thread} />
          {thread.unread > 0 && (
            <span
              className="unread-badge"
              data-testid="unread-badge"
              title={t('comments.unread', { n: thread.unread })}
              aria-label={t('comments.unread', { n: thread.unread })}
            >
              {thread.unread}
            </span>
          )}
        </div>
      </div>
      {open ? <ThreadDetails thread={thread} error={error} setError={setError} /> : <ThreadSummary thread={thread} />}
    </li>
  );
}
