import type { ParticipantView } from '../../shared/api';
import { useT } from '../intl';

/** The composer's @mention suggestions: a listbox the textarea points at with aria-activedescendant. */
export function MentionList({
  id,
  people,
  active,
  describe,
  onPick,
  onHover,
}: {
  id: string;
  people: ParticipantView[];
  active: number;
  describe?: (person: ParticipantView) => string;
  onPick: (person: ParticipantView) => void;
  onHover: (index: number) => void;
}) {
  const t = useT();
  return (
    <ul className="mention-list" id={id} role="listbox" aria-label={t('comments.mentionList')} data-testid="mention-list">
      {people.map((p, i) => (
        <li
          key={p.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={(e) => {
            // Keep the textarea's focus and caret.
            e.preventDefault();
            onPick(p);
          }}
          onMouseEnter={() => onHover(i)}
        >
          <span className="mention-name">{p.name}</span>
          <span className="mention-role">{describe ? describe(p) : p.role}</span>
        </li>
      ))}
    </ul>
  );
}
