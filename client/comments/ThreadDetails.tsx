import { useState } from 'react';
import type { ThreadView } from '../../shared/api';
import { useDates, useT } from '../intl';
import { CommentItem } from './CommentItem';
import { Composer } from './Composer';
import { failureText } from './failureText';
import { useSidebar } from './SidebarContext';
import { mentionable } from './threadFilters';
import { useThreadActions } from './useThreadActions';

interface ThreadDetailsProps {
  thread: ThreadView;
  /** A refused action, shown above the buttons (owned by the card, see ThreadCard). */
  error: string | null;
  setError: (message: string | null) => void;
}

/** An open thread: every comment, who resolved or reopened it, the reply box and the actions. */
export function ThreadDetails({ thread, error, setError }: ThreadDetailsProps) {
  const { controller, state, writable, describe } = useSidebar();
  const actions = useThreadActions();
  const t = useT();
  const dates = useDates();
  // Mounted only while the thread is open: closing it drops a reply being written.
  const [replying, setReplying] = useState(false);
  const canResolve = writable && (thread.authorId === controller.me.id || controller.me.canEdit);
  const last = thread.history[thread.history.length - 1];
  const people = mentionable(state.participants, controller.me.id, thread.visibility, thread.partyId);
  const toggleResolved = async (): Promise<void> => {
    setError(null);
    try {
      await actions.setResolved(thread.id, !thread.resolvedAt);
    } catch (err) {
      setError(failureText(err, t));
    }
  };
  return (
    <>
      <ol className="comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} people={people} onError={setError} />
        ))}
      </ol>
      {thread.resolvedAt && last?.action === 'resolved' && (
        <p className="thread-resolution" data-testid="resolution" title={dates.dayTime(last.at, { weekday: true })}>
          ✓ {t('comments.resolvedBy', { name: last.byName, when: dates.ago(last.at) })}
        </p>
      )}
      {thread.history.length > 0 && (
        <details className="thread-history">
          <summary>{t('comments.history', { n: thread.history.length })}</summary>
          <ul>
            {thread.history.map((h) => (
              <li key={`${h.action}:${h.at}`} title={dates.dayTime(h.at, { weekday: true })}>
                {t(h.action === 'resolved' ? 'comments.resolvedBy' : 'comments.reopenedBy', { name: h.byName, when: dates.ago(h.at) })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {error && (
        <p className="composer-error" role="alert">
          {error}
        </p>
      )}
      {writable && !thread.resolvedAt && replying && (
        <Composer
          people={people}
          describe={describe}
          placeholder={t('comments.replyPlaceholder')}
          submitLabel={t('comments.reply')}
          autoFocus
          testId="reply-composer"
          onCancel={() => setReplying(false)}
          onSubmit={(body, mentions) => actions.reply(thread.id, body, mentions)}
        />
      )}
      <div className="thread-actions">
        {writable && !thread.resolvedAt && !replying && (
          <button type="button" className="button small" onClick={() => setReplying(true)} data-testid="reply-button">
            {t('comments.reply')}
          </button>
        )}
        {canResolve && (
          <button type="button" className="button small" data-testid={thread.resolvedAt ? 'reopen' : 'resolve'} onClick={() => void toggleResolved()}>
            {thread.resolvedAt ? t('comments.reopen') : `✓ ${t('comments.resolve')}`}
          </button>
        )}
        <button type="button" className="button link small close-thread" onClick={() => controller.closeThread()}>
          {t('comments.closeThread')}
        </button>
      </div>
    </>
  );
}
