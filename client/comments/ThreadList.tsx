import { useT } from '../intl';
import { useSidebar } from './SidebarContext';
import { ThreadCard } from './ThreadCard';
import { useSuggestions } from '../editor/suggestions/SuggestionsProvider';
import { filterThreads, groupBySection } from './threadFilters';

/** The threads the filters show, grouped by section in the template's order; or why there are none. */
export function ThreadList() {
  const { controller, state, template, writable, sectionTitle } = useSidebar();
  const t = useT();
  // A suggestion's reply thread sits on its card while the suggestion is open (client/editor/suggestions).
  const openSuggestions = new Set(useSuggestions()?.items.map((s) => s.id));
  const shown = filterThreads(state.threads, state, controller.me.id).filter((th) => th.suggestionId === null || !openSuggestions.has(th.suggestionId));
  const groups = groupBySection(shown, template?.sections.map((s) => s.key) ?? []);
  return (
    <div className="thread-list">
      {state.status === 'loading' && <p className="muted small">{t('comments.loading')}</p>}
      {state.status === 'error' && (
        <p className="error small">
          {t('comments.loadFailed')}{' '}
          <button type="button" className="button link" onClick={() => controller.reload()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {state.status === 'ready' && shown.length === 0 && !state.draft && (
        <div className="muted small empty-threads">
          <p>{t('comments.noThreads')}</p>
          {writable && state.tab === 'open' && <p>{t('comments.noThreadsHint')}</p>}
        </div>
      )}
      {groups.map(([key, list]) => (
        <div key={key} className="thread-group" data-section-group={key}>
          <h3 className="thread-group-title">{sectionTitle(key)}</h3>
          <ol className="threads">
            {list.map((thread) => (
              <ThreadCard key={thread.id} thread={thread} />
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
