import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useAuthors } from '../../data/authors';
import { useDates, useT } from '../../intl';
import type { Collab } from '../useCollab';
import { usePartyNames } from '../usePartyNames';
import { AuthorIndex } from './authorIndex';
import type { AuthorStyle } from './authorDecorations';
import { AuthorsView } from './authorsView';

/** How many party colours there are (authors.css `.author-party-<n>`); further parties reuse them in turn. */
export const PARTY_COLOURS = 6;

export interface AuthorsContextValue {
  view: AuthorsView;
  enabled: boolean;
  setEnabled(enabled: boolean): void;
  /** The parties in the agreement's order, with their colour class, for the legend. */
  parties: { id: string; name: string; className: string }[];
}

const AuthorsContext = createContext<AuthorsContextValue | null>(null);

/** The "Show authors" state of the open agreement; null outside the editor page. */
export const useAuthorsView = (): AuthorsContextValue | null => useContext(AuthorsContext);

/**
 * Feeds the section editors what they need to colour text by author: the
 * server's record (GET /authors, kept live by the event stream), the
 * parties' order and names (colours follow the order), and the words.
 */
export function AuthorsProvider({ collab, children }: { collab: Collab; children: ReactNode }) {
  const t = useT();
  const dates = useDates();
  const [enabled, setEnabled] = useState(false);
  const authors = useAuthors(collab.id);
  const names = usePartyNames(collab.doc);
  const index = useMemo(() => new AuthorIndex(authors.data ?? []), [authors.data]);
  const parties = useMemo(
    () => [...names].map(([id, name], i) => ({ id, name: name || t('party.n', { n: i + 1 }), className: `author-party-${i % PARTY_COLOURS}` })),
    [names, t],
  );
  const style = useMemo<AuthorStyle>(() => {
    const classOf = new Map(parties.map((p) => [p.id, p.className]));
    const nameOf = new Map(parties.map((p) => [p.id, p.name]));
    return {
      partyClass: (partyId) => classOf.get(partyId) ?? 'author-party-none',
      describe: ({ participant, at }) => {
        const party = nameOf.get(participant.partyId) ?? t('authors.removedParty');
        return at
          ? t('authors.writtenAt', { name: participant.name, party, when: dates.dayTime(at) })
          : t('authors.written', { name: participant.name, party });
      },
    };
  }, [parties, t, dates]);
  const [view] = useState(() => new AuthorsView({ enabled, index, style }));
  useEffect(() => view.set({ enabled, index, style }), [view, enabled, index, style]);

  const value = useMemo(() => ({ view, enabled, setEnabled, parties }), [view, enabled, parties]);
  return <AuthorsContext.Provider value={value}>{children}</AuthorsContext.Provider>;
}
