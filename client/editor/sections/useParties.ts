import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getPartyIdList, partiesOf, type PartyRef } from '../../../shared/schema';
import { useT } from '../../intl';
import { useYString } from '../yhooks';

export type { PartyRef };

/** The parties of the agreement, live (the server adds and removes them; see PartiesSection). */
export function useParties(doc: Y.Doc): PartyRef[] {
  const [parties, setParties] = useState<PartyRef[]>(() => partiesOf(doc));
  useEffect(() => {
    const list = getPartyIdList(doc);
    const refresh = (): void =>
      setParties((prev) => {
        const next = partiesOf(doc);
        return next.length === prev.length && next.every((p, i) => p.id === prev[i]?.id) ? prev : next;
      });
    refresh();
    list.observe(refresh);
    return () => list.unobserve(refresh);
  }, [doc]);
  return parties;
}

/** A party's legal name as shown in headings, live. */
export function usePartyName(party: Y.Map<unknown>): string {
  const t = useT();
  return useYString(party, 'legalName').trim() || t('party.unnamed');
}
