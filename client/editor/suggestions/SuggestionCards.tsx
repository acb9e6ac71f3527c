import { useState } from 'react';
import { useSidebar } from '../../comments/SidebarContext';
import { useT } from '../../intl';
import { useCanEdit } from '../../session';
import { useAuthorsView } from '../authors/AuthorsProvider';
import { fragmentOf, review, showSuggestion } from './reviewActions';
import { SuggestionReplies } from './SuggestionReplies';
import { useSuggestions, type SuggestionItem } from './SuggestionsProvider';
import './suggestions.css';

/**
 * A card per open suggestion beside the comment threads, filtered like them
 * (open or mine, a section) and by party. Editors and the owner accept or
 * reject one, a section's or a party's; the author withdraws their own.
 * Commenters and viewers see them without the buttons.
 */
export function SuggestionCards() {
  const t = useT();
  const suggestions = useSuggestions();
  const { controller, state, sectionTitle } = useSidebar();
  const parties = useAuthorsView()?.parties ?? [];
  const canReview = useCanEdit();
  const [party, setParty] = useState('');
  const meId = controller.me.id;
  const mine = (s: SuggestionItem): boolean => s.by?.participantId === meId;
  if (!suggestions || suggestions.items.length === 0) return null;
  // Settled suggestions are gone from the document, so the "resolved" tab has none.
  const shown = suggestions.items.filter(
    (s) =>
      state.tab !== 'resolved' &&
      (state.tab !== 'mine' || mine(s)) &&
      (state.section === null || s.sectionKey === state.section) &&
      (party === '' || s.by?.partyId === party),
  );
  const viewFor = (fragment: string) => controller.editors.viewFor(fragment);
  const classOf = new Map(parties.map((p) => [p.id, p.className]));
  const nameOf = new Map(parties.map((p) => [p.id, p.name]));
  const act = (items: readonly SuggestionItem[], accept: boolean): void => void review(items, accept, viewFor);
  const sectionItems = state.section === null ? [] : suggestions.items.filter((s) => s.sectionKey === state.section);
  const partyItems = party === '' ? [] : suggestions.items.filter((s) => s.by?.partyId === party);
  return (
    <div className="suggestions-block" data-testid="suggestions">
      <h3 className="small">
        {t('suggestions.heading')} <span className="muted">· {t('suggestions.count', { n: suggestions.items.length })}</span>
      </h3>
      <label className="comment-section-filter">
        <span className="visually-hidden">{t('suggestions.partyFilter')}</span>
        <select value={party} onChange={(e) => setParty(e.target.value)} data-testid="suggestion-party-filter">
          <option value="">{t('suggestions.allParties')}</option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {!canReview && <p className="small muted">{t('suggestions.cannotReview')}</p>}
      {canReview && (sectionItems.length > 0 || partyItems.length > 0) && (
        <div className="suggestion-actions">
          {sectionItems.length > 0 && (
            <>
              <button type="button" className="button small" onClick={() => act(sectionItems, true)} data-testid="accept-section">
                {t('suggestions.acceptSection')}
              </button>
              <button type="button" className="button small secondary" onClick={() => act(sectionItems, false)} data-testid="reject-section">
                {t('suggestions.rejectSection')}
              </button>
            </>
          )}
          {partyItems.length > 0 && (
            <>
              <button type="button" className="button small" onClick={() => act(partyItems, true)} data-testid="accept-party">
                {t('suggestions.acceptParty', { party: nameOf.get(party) ?? '' })}
              </button>
              <button type="button" className="button small secondary" onClick={() => act(partyItems, false)} data-testid="reject-party">
                {t('suggestions.rejectParty', { party: nameOf.get(party) ?? '' })}
              </button>
            </>
          )}
        </div>
      )}
      <ul className="suggestion-cards">
        {shown.map((s) => {
          const shownHere = viewFor(fragmentOf(s)) !== undefined;
          return (
            <li
              key={s.id}
              className={`suggestion-card ${classOf.get(s.by?.partyId ?? '') ?? 'author-party-none'}`}
              data-testid="suggestion-card"
              data-suggestion-card={s.id}
            >
              <p className="small muted">
                {sectionTitle(s.sectionKey)} · {suggestions.describe(s.by)}
              </p>
              {s.deleted !== '' && (
                <p className="suggestion-text small">
                  {t('suggestions.removes')} <del>{s.deleted}</del>
                </p>
              )}
              {s.inserted !== '' && (
                <p className="suggestion-text small">
                  {t('suggestions.adds')} <ins>{s.inserted}</ins>
                </p>
              )}
              <div className="suggestion-actions">
                <button type="button" className="link-button small" onClick={() => showSuggestion(s, viewFor)}>
                  {t('suggestions.show')}
                </button>
                {canReview && shownHere && (
                  <>
                    <button type="button" className="button small" onClick={() => act([s], true)} data-testid="accept-suggestion">
                      {t('suggestions.accept')}
                    </button>
                    <button type="button" className="button small secondary" onClick={() => act([s], false)} data-testid="reject-suggestion">
                      {t(mine(s) ? 'suggestions.withdraw' : 'suggestions.reject')}
                    </button>
                  </>
                )}
                {canReview && !shownHere && <span className="small muted">{t('suggestions.notShown')}</span>}
              </div>
              <SuggestionReplies suggestion={s} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
