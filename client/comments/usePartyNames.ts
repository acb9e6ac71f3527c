import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { partiesOf } from '../../shared/schema';
import { asString } from '../editor/yhooks';

const read = (doc: Y.Doc | null): Map<string, string> =>
  !doc ? new Map() : new Map(partiesOf(doc).map(({ id, map }) => [id, asString(map.get('legalName')).trim()]));

const same = (a: Map<string, string>, b: Map<string, string>): boolean => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Party id → legal name, live (names are edited in the document). */
export function usePartyNames(doc: Y.Doc | null): Map<string, string> {
  const [names, setNames] = useState(() => read(doc));
  useEffect(() => {
    if (!doc) return;
    const refresh = (): void => setNames((prev) => {
      const next = read(doc);
      return same(prev, next) ? prev : next;
    });
    refresh();
    doc.on('update', refresh);
    return () => doc.off('update', refresh);
  }, [doc]);
  return names;
}
