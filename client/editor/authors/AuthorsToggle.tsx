import { useT } from '../../intl';
import { useAuthorsView } from './AuthorsProvider';
import './authors.css';

/** The toolbar's "Show authors" switch and, while on, the legend of party colours. */
export function AuthorsToggle() {
  const t = useT();
  const authors = useAuthorsView();
  if (!authors) return null;
  return (
    <div className="authors-toggle">
      <label>
        <input type="checkbox" role="switch" checked={authors.enabled} onChange={(e) => authors.setEnabled(e.target.checked)} data-testid="show-authors" />{' '}
        {t('authors.show')}
      </label>
      {authors.enabled && (
        <ul className="authors-legend" aria-label={t('authors.legend')}>
          {authors.parties.map((p) => (
            <li key={p.id}>
              <span className={`author-swatch ${p.className}`} aria-hidden="true" />
              {p.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
