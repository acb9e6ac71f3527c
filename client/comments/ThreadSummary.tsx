import type { ThreadView } from '../../shared/api';
import { useDates, useT } from '../intl';
import { useSidebar } from './SidebarContext';

/** A closed thread: its first comment, how many there are, whether it is resolved. A click opens it. */
export function ThreadSummary({ thread }: { thread: ThreadView }) {
  const { controller } = useSidebar();
  const t = useT();
  const dates = useDates();
  const first = thread.comments[0];
  return (
    <button type="button" className="thread-summary" onClick={() => controller.focus(thread.id)} aria-expanded={false} title={t('comments.openThread')}>
      <span className="thread-summary-meta">
        <strong>{first?.authorName ?? ''}</strong>
        {first && <time dateTime={first.createdAt}> · {dates.ago(first.createdAt)}</time>}
      </span>
      <span className="thread-summary-body">{first?.deletedAt ? t('comments.deleted') : first?.body}</span>
      {thread.comments.length > 1 && <span className="thread-summary-count">{t('comments.count', { n: thread.comments.length })}</span>}
      {thread.resolvedAt && <span className="thread-summary-count">✓ {t('comments.resolvedMark')}</span>}
    </button>
  );
}
