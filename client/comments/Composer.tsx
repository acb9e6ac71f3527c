import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ParticipantView } from '../../shared/api';
import { useT } from '../intl';
import { failureText } from './failureText';
import { MentionList } from './MentionList';
import { mentionAt, mentionsIn, suggest } from './mentions';

interface ComposerProps {
  /** Who may be mentioned (those who can see the thread, without the writer). */
  people: ParticipantView[];
  placeholder: string;
  submitLabel: string;
  initialBody?: string;
  initialMentions?: string[];
  autoFocus?: boolean;
  /** Sends; a rejection is shown under the box and keeps the text. */
  onSubmit: (body: string, mentions: string[]) => Promise<void>;
  onCancel?: () => void;
  /** A short description of a person in the suggestions (party, role). */
  describe?: (person: ParticipantView) => string;
  /** Shown above the buttons (the new thread's visibility choice). */
  children?: ReactNode;
  testId?: string;
}

/**
 * A comment box with @mention suggestions: type @ and a few letters, pick
 * with the arrow keys and Enter (or Tab, or a click), Esc closes the list.
 * Ctrl+Enter sends; Esc with no list open cancels.
 */
export function Composer({
  people,
  describe,
  placeholder,
  submitLabel,
  initialBody = '',
  initialMentions = [],
  autoFocus,
  onSubmit,
  onCancel,
  children,
  testId,
}: ComposerProps) {
  const t = useT();
  const [body, setBody] = useState(initialBody);
  const [picked, setPicked] = useState<Map<string, string>>(() => {
    const byId = new Map(people.map((p) => [p.id, p.name]));
    return new Map(initialMentions.flatMap((id) => (byId.has(id) ? [[id, byId.get(id) ?? ''] as const] : [])));
  });
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const caretAfterRender = useRef<number | null>(null);
  const listId = useId();
  const errorId = useId();

  useEffect(() => {
    if (autoFocus) area.current?.focus();
  }, [autoFocus]);

  const suggestions = useMemo(() => (mention ? suggest(people, mention.query) : []), [mention, people]);
  const open = mention !== null && suggestions.length > 0;

  const track = (text: string, caret: number): void => {
    const next = mentionAt(text, caret);
    setMention(next);
    if (next?.query !== mention?.query) setActive(0);
  };

  const pick = (person: ParticipantView): void => {
    const el = area.current;
    if (!el || !mention) return;
    const caret = el.selectionStart;
    const insert = `@${person.name} `;
    const text = body.slice(0, mention.start) + insert + body.slice(caret);
    setBody(text);
    setPicked((m) => new Map(m).set(person.id, person.name));
    setMention(null);
    // Put the caret after the name as soon as the new text is in the box (before the next key).
    caretAfterRender.current = mention.start + insert.length;
  };

  useLayoutEffect(() => {
    const el = area.current;
    const at = caretAfterRender.current;
    if (!el || at === null) return;
    caretAfterRender.current = null;
    el.focus();
    el.setSelectionRange(at, at);
  }, [body]);

  const submit = async (): Promise<void> => {
    const text = body.trim();
    if (!text || busy) return;
    // Only the people still named in the text are mentioned.
    const mentions = mentionsIn(text, picked);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text, mentions);
      setBody('');
      setPicked(new Map());
    } catch (err) {
      setError(failureText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        const person = suggestions[active];
        if (person) {
          event.preventDefault();
          pick(person);
          return;
        }
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  const activeId = open ? `${listId}-${active}` : undefined;
  return (
    <form
      className="composer"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="composer-box">
        <textarea
          ref={area}
          value={body}
          rows={2}
          maxLength={10_000}
          placeholder={placeholder}
          aria-label={placeholder}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setBody(e.target.value);
            track(e.target.value, e.target.selectionStart);
          }}
          onSelect={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
          onBlur={() => setTimeout(() => setMention(null), 150)}
          onKeyDown={onKeyDown}
        />
        {open && <MentionList id={listId} people={suggestions} active={active} describe={describe} onPick={pick} onHover={setActive} />}
      </div>
      {children}
      {error && (
        <p className="composer-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        <span className="composer-hint">{t('comments.sendHint')}</span>
        {onCancel && (
          <button type="button" className="button small" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button primary small" disabled={busy || body.trim() === ''}>
          {busy ? t('comments.posting') : submitLabel}
        </button>
      </div>
    </form>
  );
}
