import { useMemo } from 'react';
import { useT } from '../intl';
import { useLanguage } from '../language';
import { useSidebar } from './SidebarContext';
import { tabCounts, TABS, type Tab } from './threadFilters';

const TAB_LABEL = { open: 'comments.tabOpen', resolved: 'comments.tabResolved', mine: 'comments.tabMine' } as const satisfies Record<Tab, string>;

/** The open / resolved / mine tabs with their counts, and the section filter. */
export function ThreadFilterBar() {
  const { controller, state, template } = useSidebar();
  const t = useT();
  const { lang } = useLanguage();
  const meId = controller.me.id;
  const counts = useMemo(() => tabCounts(state.threads, meId), [state.threads, meId]);
  return (
    <>
      <div className="comment-tabs" role="group" aria-label={t('comments.filterLabel')}>
        {TABS.map((tab) => {
          const count = counts[tab];
          return (
            <button
              key={tab}
              type="button"
              className={`comment-tab${state.tab === tab ? ' active' : ''}`}
              aria-pressed={state.tab === tab}
              data-tab={tab}
              onClick={() => controller.set({ tab })}
            >
              {t(TAB_LABEL[tab])} <span className="tab-count">{count.n}</span>
              {count.unread > 0 && (
                <span className="tab-unread" title={t('comments.unread', { n: count.unread })} aria-label={t('comments.unread', { n: count.unread })} />
              )}
            </button>
          );
        })}
      </div>
      {template && (
        <label className="comment-section-filter">
          <span className="visually-hidden">{t('comments.sectionFilter')}</span>
          <select value={state.section ?? ''} onChange={(e) => controller.set({ section: e.target.value || null })} data-testid="comment-section-filter">
            <option value="">{t('comments.allSections')}</option>
            {template.sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title[lang]}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
