import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { partiesOf } from '../../shared/schema';
import { asString } from './yhooks';

/** Party id → trimmed legal name ('' while nobody has written it), in the agreement's order. */
export type PartyNames = ReadonlyMap<string, string>;

const NONE: PartyNames = new Map();

const read = (doc: Y.Doc): Map<string, string> => new Map(partiesOf(doc).map(({ id, map }) => [id, asString(map.get('legalName')).trim()]));

const same = (a: PartyNames, b: PartyNames): boolean => {
  if (a.size !== b.size) return false;
  const bs = [...b];
  return [...a].every(([id, name], i) => bs[i]?.[0] === id && bs[i]?.[1] === name);
};

/**
 * The agreement's parties and their legal names, live: names are typed in
 * the document, and the server mirrors the party list into it. The same map
 * comes back until a name or the list changes. The one hook for party names
 * (access, comments and signing read it).
 */
export function usePartyNames(doc: Y.Doc | null): PartyNames {
  const last = useRef<PartyNames>(NONE);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => undefined;
      // Names live in one map per party: any update may touch one; reading a few maps is cheap.
      doc.on('update', onChange);
      return () => doc.off('update', onChange);
    },
    [doc],
  );
  const snapshot = (): PartyNames => {
    if (!doc) return NONE;
    const next = read(doc);
    if (!same(last.current, next)) last.current = next;
    return last.current;
  };
  return useSyncExternalStore(subscribe, snapshot);
}

/** A party as a list shows it: its place in the agreement (for "Party 2" while unnamed) and its name. */
export interface PartyLabel {
  id: string;
  /** 0-based position in the agreement. */
  index: number;
  /** Trimmed legal name; '' while nobody has written it. */
  legalName: string;
}

/** The names as a list, in order. */
export const partyLabels = (names: PartyNames): PartyLabel[] => [...names].map(([id, legalName], index) => ({ id, index, legalName }));
