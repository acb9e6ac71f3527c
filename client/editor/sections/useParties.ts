import type * as Y from 'yjs';
import { getParties } from '../../../shared/schema';
import { useI18n } from '../../i18n';
import { idOf, mapsOf, useYArrayItems, useYString } from '../yhooks';

export interface PartyRef {
  id: string;
  map: Y.Map<unknown>;
}

/** The parties of the agreement, live (added or removed by anyone). */
export function useParties(doc: Y.Doc): PartyRef[] {
  const items = useYArrayItems(getParties(doc));
  return mapsOf(items)
    .map((map) => ({ id: idOf(map), map }))
    .filter((p) => p.id !== '');
}

/** A party's legal name as shown in headings, live. */
export function usePartyName(party: Y.Map<unknown>): string {
  const { t } = useI18n();
  return useYString(party, 'legalName').trim() || t.unnamedParty;
}
