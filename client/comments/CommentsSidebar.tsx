import { useEffect, useState, type MouseEvent } from 'react';
import type { ParticipantView } from '../../shared/api';
import type { AgreementTemplate } from '../../shared/template';
import { usePartyNames } from '../editor/usePartyNames';
import { roleName, useT } from '../intl';
import { useLanguage } from '../language';
import { useCommentsController, useCommentsState } from './CommentsProvider';
import { NewThread } from './NewThread';
import { SidebarContext, useSidebar, type SidebarValue } from './SidebarContext';
import { ThreadFilterBar } from './ThreadFilterBar';
import { ThreadList } from './ThreadList';
import { SuggestionCards } from '../editor/suggestions/SuggestionCards';
import { totalUnread } from './threadFilters';

/**
 * A mouse press on a button here leaves the focus where it is. Moving it out
 * of a section changes the presence shown above this card, which moves the
 * card between the press and the release, and the click would be lost.
 */
function keepFocus(event: MouseEvent<HTMLElement>): void {
  if (event.button === 0 && event.target instanceof Element && event.target.closest('button')) event.preventDefault();
}

/** The comment threads beside the sections: filters, the new-thread composer, the threads. */
export function CommentsSidebar({ template }: { template: AgreementTemplate | undefined }) {
  const controller = useCommentsController();
  const state = useCommentsState();
  const t = useT();
  const { lang } = useLanguage();
  const parties = usePartyNames(controller?.doc ?? null);
  if (!controller || !state) {
    return (
      <section className="side-card comments-card" aria-labelledby="comments-heading" data-testid="comments-sidebar">
        <h2 id="comments-heading">{t('comments.heading')}</h2>
        <p className="muted small">{t('comments.loading')}</p>
      </section>
    );
  }
  const value: SidebarValue = {
    controller,
    state,
    template,
    parties,
    writable: controller.me.canComment && !state.locked,
    describe: (p: ParticipantView): string => [parties.get(p.partyId), roleName(t, p.role)].filter(Boolean).join(' · '),
    sectionTitle: (key: string): string => template?.sections.find((s) => s.key === key)?.title[lang] ?? t('comments.otherSection'),
  };
  return (
    <SidebarContext.Provider value={value}>
      <Sidebar />
    </SidebarContext.Provider>
  );
}

/** Re-renders every minute, so "2 minutes ago" moves on by itself. */
function useMinuteTick(): void {
  const [, setMinute] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setMinute((m) => m + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
}

function Sidebar() {
  const { controller, state, writable } = useSidebar();
  const t = useT();
  useMinuteTick();
  const unread = totalUnread(state.threads);
  return (
    <section className="side-card comments-card" aria-labelledby="comments-heading" data-testid="comments-sidebar" onMouseDown={keepFocus}>
      <div className="comments-heading">
        <h2 id="comments-heading">{t('comments.heading')}</h2>
        {unread > 0 && (
          <span className="unread-badge" data-testid="total-unread" title={t('comments.unread', { n: unread })}>
            {unread}
          </span>
        )}
      </div>
      {state.locked && (
        <p className="comments-notice" role="status" data-testid="comments-locked">
          {t('comments.locked')}
        </p>
      )}
      {!controller.me.canComment && (
        <p className="comments-notice muted" data-testid="comments-read-only">
          {t('comments.readOnly')}
        </p>
      )}
      <ThreadFilterBar />
      <SuggestionCards />
      {state.draft && writable && <NewThread />}
      <ThreadList />
    </section>
  );
}
