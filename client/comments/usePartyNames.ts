import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getParties } from '../../shared/schema';
import { asString, idOf, mapsOf } from '../editor/yhooks';

const read = (doc: Y.Doc | null): Map<string, string> =>
  !doc ? new Map() : new Map(mapsOf(getParties(doc).toArray()).map((party) => [idOf(party), asString(party.get('legalName')).trim()]));

/** Party id → legal name, live (names are edited in the document). */
export function usePartyNames(doc: Y.Doc | null): Map<string, string> {
  const [names, setNames] = useState(() => read(doc));
  useEffect(() => {
    if (!doc) return;
    const parties = getParties(doc);
    const refresh = (): void => setNames(read(doc));
    refresh();
    parties.observeDeep(refresh);
    return () => parties.unobserveDeep(refresh);
  }, [doc]);
  return names;
}
