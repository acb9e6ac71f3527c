import { useState, type FormEvent } from 'react';
import { useSidebar } from '../../comments/SidebarContext';
import { ThreadCard } from '../../comments/ThreadCard';
import { useThreadActions } from '../../comments/useThreadActions';
import { errorText } from '../../errorText';
import { useT } from '../../intl';
import type { SuggestionItem } from './SuggestionsProvider';

/**
 * The discussion of one suggestion: its reply thread, stored on the server
 * like any comment thread and tied to the suggestion's id; everyone who may
 * comment can start it or reply, commenters and viewers included.
 */
export function SuggestionReplies({ suggestion }: { suggestion: SuggestionItem }) {
  const t = useT();
  const { state, writable } = useSidebar();
  const actions = useThreadActions();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const threads = state.threads.filter((th) => th.suggestionId === suggestion.id);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (body.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      await actions.replyToSuggestion(suggestion.sectionKey, suggestion.id, body.trim());
      setBody('');
      setOpen(false);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="suggestion-replies">
      {threads.length > 0 && (
        <ol className="threads">
          {threads.map((thread) => (
            <ThreadCard key={thread.id} thread={thread} />
          ))}
        </ol>
      )}
      {threads.length === 0 && writable && !open && (
        <button type="button" className="link-button small" onClick={() => setOpen(true)} data-testid="reply-suggestion">
          {t('suggestions.reply')}
        </button>
      )}
      {threads.length === 0 && open && (
        <form onSubmit={(e) => void submit(e)} className="suggestion-reply-form">
          <textarea
            aria-label={t('suggestions.reply')}
            value={body}
            maxLength={10_000}
            rows={2}
            onChange={(e) => setBody(e.target.value)}
            data-testid="suggestion-reply-body"
          />
          <button type="submit" className="button small" disabled={busy || body.trim() === ''} data-testid="suggestion-reply-send">
            {t('suggestions.send')}
          </button>
          {error && (
            <p className="error small" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
