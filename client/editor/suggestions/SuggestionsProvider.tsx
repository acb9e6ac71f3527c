import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { findSuggestions } from '../../../shared/suggestions';
import type { AgreementTemplate } from '../../../shared/template';
import { useAuthors } from '../../data/authors';
import { useIdentity } from '../../identity';
import { useDates, useT } from '../../intl';
import { useCanEdit, useSession } from '../../session';
import { useSigning } from '../../signing/SigningContext';
import { AuthorIndex } from '../authors/authorIndex';
import { useAuthorsView } from '../authors/AuthorsProvider';
import { ExternalStore } from '../externalStore';
import type { Collab } from '../useCollab';
import { suggestedBy, type SuggestedBy, type SuggestionLook } from './suggestionLook';
import type { EditMode } from './suggestMode';

/** One open suggestion as the review cards show it. */
export interface SuggestionItem {
  id: string;
  sectionKey: string;
  partyId: string | null;
  inserted: string;
  deleted: string;
  by: SuggestedBy;
}

export interface SuggestionsContextValue {
  mode: EditMode;
  setMode(mode: EditMode): void;
  /** The owner's default for everyone ("Suggesting once the first draft has gone out"). */
  defaultMode: EditMode;
  modeStore: ExternalStore<EditMode>;
  look: ExternalStore<SuggestionLook | null>;
  /** "Suggested by … on …" in the reader's language. */
  describe(by: SuggestedBy): string;
  items: SuggestionItem[];
  /** Set when a change could not be made a suggestion (a block's type or attributes). */
  refused: number;
  onRefused(): void;
}

const SuggestionsContext = createContext<SuggestionsContextValue | null>(null);

export const useSuggestions = (): SuggestionsContextValue | null => useContext(SuggestionsContext);

const modeKey = (agreementId: string, participantId: string): string => `entente:mode:${agreementId}:${participantId}`;

function storedMode(key: string): EditMode | null {
  try {
    const v = localStorage.getItem(key);
    return v === 'editing' || v === 'suggesting' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Suggesting mode for the open agreement: this person's mode (their own
 * choice, remembered per agreement, else the owner's default), who wrote
 * each suggestion (from the server's client-id record) and the list the
 * review cards show, recomputed from the document a moment after it changes.
 */
export function SuggestionsProvider({ collab, template, children }: { collab: Collab; template: AgreementTemplate | undefined; children: ReactNode }) {
  const t = useT();
  const dates = useDates();
  const identity = useIdentity();
  const canEdit = useCanEdit();
  const participantId = useSession().me.participant.id;
  const defaultMode: EditMode = useSigning()?.status?.defaultMode ?? 'editing';
  const key = modeKey(collab.id, participantId);
  const [chosen, setChosen] = useState<EditMode | null>(() => storedMode(key));
  const mode: EditMode = canEdit ? (chosen ?? defaultMode) : 'editing';
  const [modeStore] = useState(() => new ExternalStore<EditMode>(mode));
  useEffect(() => modeStore.set(mode), [modeStore, mode]);
  const setMode = useCallback(
    (next: EditMode) => {
      setChosen(next);
      try {
        localStorage.setItem(key, next);
      } catch {
        // Private windows may refuse: the choice lasts for this page only.
      }
    },
    [key],
  );

  const authors = useAuthors(collab.id);
  const index = useMemo(() => new AuthorIndex(authors.data ?? []), [authors.data]);
  const parties = useAuthorsView()?.parties;
  const look = useMemo<SuggestionLook>(() => {
    const classOf = new Map((parties ?? []).map((p) => [p.id, p.className]));
    const nameOf = new Map((parties ?? []).map((p) => [p.id, p.name]));
    return {
      index,
      self: { clientId: collab.doc.clientID, participantId, name: identity.name, partyId: identity.partyId },
      partyClass: (partyId) => classOf.get(partyId) ?? 'author-party-none',
      describe: (by) => {
        if (!by) return t('suggestions.byUnknown');
        const party = nameOf.get(by.partyId) ?? t('authors.removedParty');
        return by.at ? t('suggestions.byAt', { name: by.name, party, when: dates.dayTime(by.at) }) : t('suggestions.by', { name: by.name, party });
      },
    };
  }, [index, parties, collab.doc, participantId, identity.name, identity.partyId, t, dates]);
  const [lookStore] = useState(() => new ExternalStore<SuggestionLook | null>(null));
  useEffect(() => lookStore.set(look), [lookStore, look]);

  const items = useSuggestionItems(collab, template, look);
  const [refused, setRefused] = useState(0);
  const onRefused = useCallback(() => setRefused((n) => n + 1), []);

  const value = useMemo(
    () => ({ mode, setMode, defaultMode, modeStore, look: lookStore, describe: look.describe, items, refused, onRefused }),
    [mode, setMode, defaultMode, modeStore, lookStore, look, items, refused, onRefused],
  );
  return <SuggestionsContext.Provider value={value}>{children}</SuggestionsContext.Provider>;
}

/** The open suggestions, read from the document 150 ms after it last changed (a keystroke does not walk the whole agreement). */
function useSuggestionItems(collab: Collab, template: AgreementTemplate | undefined, look: SuggestionLook): SuggestionItem[] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), 150);
    };
    collab.doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      collab.doc.off('update', onUpdate);
    };
  }, [collab.doc]);
  // The same list as before keeps its identity, so typing that changes no suggestion re-renders no card.
  const last = useRef<{ key: string; items: SuggestionItem[] }>({ key: '[]', items: [] });
  return useMemo(() => {
    void version;
    const items = template
      ? findSuggestions(collab.doc, template).map((f) => ({
          id: f.id,
          sectionKey: f.sectionKey,
          partyId: f.partyId,
          inserted: f.inserted,
          deleted: f.deleted,
          by: suggestedBy(f, look),
        }))
      : [];
    const key = JSON.stringify(items);
    if (key !== last.current.key) last.current = { key, items };
    return last.current.items;
  }, [collab.doc, template, look, version]);
}
