import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getParties } from '../../shared/schema';
import { asString } from '../editor/yhooks';

export interface PartyLabel {
  id: string;
  /** 0-based position in the agreement. */
  index: number;
  /** Trimmed legal name; '' while nobody has written it. */
  legalName: string;
}

function read(doc: Y.Doc): PartyLabel[] {
  const labels: PartyLabel[] = [];
  getParties(doc).forEach((party, index) => {
    if (typeof party?.get !== 'function') return;
    const id = asString(party.get('id'));
    if (id) labels.push({ id, index, legalName: asString(party.get('legalName')).trim() });
  });
  return labels;
}

const same = (a: PartyLabel[], b: PartyLabel[]): boolean =>
  a.length === b.length && a.every((p, i) => p.id === b[i]?.id && p.index === b[i]?.index && p.legalName === b[i]?.legalName);

/** The agreement's parties with their legal names, live (added, removed or renamed by anyone). */
export function usePartyNames(doc: Y.Doc): PartyLabel[] {
  const [labels, setLabels] = useState<PartyLabel[]>(() => read(doc));
  useEffect(() => {
    const parties = getParties(doc);
    const refresh = (): void => setLabels((prev) => {
      const next = read(doc);
      return same(prev, next) ? prev : next;
    });
    refresh();
    parties.observeDeep(refresh);
    return () => parties.unobserveDeep(refresh);
  }, [doc]);
  return labels;
}
