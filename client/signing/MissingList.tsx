import { useState } from 'react';
import { useT } from '../intl';

/** Scrolls to a section and flashes it, for checklist links. */
function goToSection(key: string): void {
  const el = document.getElementById(`section-${key}`);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.classList.add('section-flash');
  setTimeout(() => el.classList.remove('section-flash'), 1600);
}

/** Scrolls to a suggestion in the editor (each of its marks carries `data-suggestion`) and flashes it; else to its section. */
function goToSuggestion(id: string, section: string | null): void {
  const el = document.querySelector(`[data-suggestion="${CSS.escape(id)}"]`);
  if (!el) return section ? goToSection(section) : undefined;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  el.classList.add('section-flash');
  setTimeout(() => el.classList.remove('section-flash'), 1600);
}

/** How many missing items a check shows before "more". */
const SHOWN = 3;

/** What a readiness check still misses; an item in a section links to it. */
export function MissingList({ items }: { items: { text: string; section: string | null; suggestion?: string }[] }) {
  const [all, setAll] = useState(false);
  const t = useT();
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <ul className="missing-list">
      {shown.map((item, i) => (
        <li key={i}>
          {item.suggestion !== undefined ? (
            <button type="button" className="missing-link" onClick={() => item.suggestion !== undefined && goToSuggestion(item.suggestion, item.section)}>
              {item.text}
            </button>
          ) : item.section ? (
            <button type="button" className="missing-link" onClick={() => item.section && goToSection(item.section)}>
              {item.text}
            </button>
          ) : (
            item.text
          )}
        </li>
      ))}
      {items.length > SHOWN && (
        <li>
          <button type="button" className="button link more-link" onClick={() => setAll(!all)}>
            {all ? t('signing.less') : t('signing.more', { n: items.length - SHOWN })}
          </button>
        </li>
      )}
    </ul>
  );
}
