import { useState } from 'react';
import type { CommentView, ParticipantView } from '../../shared/api';
import { useDates, useT } from '../intl';
import { CommentBody } from './CommentBody';
import { Composer } from './Composer';
import { failureText } from './failureText';
import { useSidebar } from './SidebarContext';
import { useThreadActions } from './useThreadActions';

interface CommentItemProps {
  comment: CommentView;
  /** Who may be mentioned when editing it. */
  people: ParticipantView[];
  /** Where a refused deletion is said (under the thread). */
  onError: (message: string | null) => void;
}

/** One comment of an open thread; its author may edit or delete it. */
export function CommentItem({ comment, people, onError }: CommentItemProps) {
  const { controller, state, writable, describe } = useSidebar();
  const actions = useThreadActions();
  const t = useT();
  const dates = useDates();
  const [editing, setEditing] = useState(false);
  const mine = comment.authorId === controller.me.id;
  const deleted = comment.deletedAt !== null;
  const names = comment.mentions.flatMap((id) => {
    const p = state.participants.find((x) => x.id === id);
    return p ? [p.name] : [];
  });
  const remove = async (): Promise<void> => {
    if (!window.confirm(t('comments.deleteConfirm'))) return;
    onError(null);
    try {
      await actions.remove(comment.id);
    } catch (err) {
      onError(failureText(err, t));
    }
  };
  return (
    <li className={`comment${deleted ? ' is-deleted' : ''}`} data-testid="comment" data-comment-id={comment.id}>
      <div className="comment-meta">
        <strong className="comment-author">
          {comment.authorName}
          {mine && <span className="muted"> ({t('common.you')})</span>}
        </strong>
        <time dateTime={comment.createdAt} title={dates.dayTime(comment.createdAt, { weekday: true })}>
          {dates.ago(comment.createdAt)}
        </time>
        {comment.editedAt && !deleted && (
          <span className="comment-edited" title={dates.dayTime(comment.editedAt, { weekday: true })} data-testid="edited">
            ({t('comments.edited')})
          </span>
        )}
      </div>
      {deleted ? (
        <p className="comment-deleted" data-testid="deleted">
          {t('comments.deleted')}
        </p>
      ) : editing ? (
        <Composer
          people={people}
          describe={describe}
          placeholder={t('comments.placeholder')}
          submitLabel={t('comments.save')}
          initialBody={comment.body}
          initialMentions={comment.mentions}
          autoFocus
          testId="edit-composer"
          onCancel={() => setEditing(false)}
          onSubmit={async (body, mentions) => {
            await actions.edit(comment.id, body, mentions);
            setEditing(false);
          }}
        />
      ) : (
        <p className="comment-body" data-testid="comment-body">
          <CommentBody text={comment.body} names={names} />
        </p>
      )}
      {mine && !deleted && !editing && writable && (
        <div className="comment-actions">
          <button type="button" className="button link small" onClick={() => setEditing(true)} data-testid="edit-comment">
            {t('comments.edit')}
          </button>
          <button type="button" className="button link danger small" onClick={() => void remove()} data-testid="delete-comment">
            {t('comments.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
