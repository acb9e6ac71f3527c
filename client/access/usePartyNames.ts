import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { partiesOf } from '../../shared/schema';
import { asString } from '../editor/yhooks';

export interface PartyLabel {
  id: string;
  /** 0-based position in the agreement. */
  index: number;
  /** Trimmed legal name; '' while nobody has written it. */
  legalName: string;
}

function read(doc: Y.Doc): PartyLabel[] {
  return partiesOf(doc).map(({ id, map }, index) => ({ id, index, legalName: asString(map.get('legalName')).trim() }));
}

const same = (a: PartyLabel[], b: PartyLabel[]): boolean =>
  a.length === b.length && a.every((p, i) => p.id === b[i]?.id && p.index === b[i]?.index && p.legalName === b[i]?.legalName);

/** The agreement's parties with their legal names, live (added or removed by the owner, renamed by anyone). */
export function usePartyNames(doc: Y.Doc): PartyLabel[] {
  const [labels, setLabels] = useState<PartyLabel[]>(() => read(doc));
  useEffect(() => {
    const refresh = (): void => setLabels((prev) => {
      const next = read(doc);
      return same(prev, next) ? prev : next;
    });
    refresh();
    // Names live in one map per party: any update may touch one; reading a few maps is cheap.
    doc.on('update', refresh);
    return () => doc.off('update', refresh);
  }, [doc]);
  return labels;
}
