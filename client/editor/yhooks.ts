import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';

/** Live value of one key of a Y.Map (re-renders only when that key changes). */
export function useYMapValue(map: Y.Map<unknown>, key: string): unknown {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const handler = (event: Y.YMapEvent<unknown>): void => {
        if (event.keysChanged.has(key)) onChange();
      };
      map.observe(handler);
      return () => map.unobserve(handler);
    },
    [map, key],
  );
  return useSyncExternalStore(subscribe, () => map.get(key));
}

export const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
export const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function useYString(map: Y.Map<unknown>, key: string): string {
  return asString(useYMapValue(map, key));
}

/** Live items of a Y.Array (re-renders on insertions and deletions, not on nested edits). */
export function useYArrayItems<T>(array: Y.Array<T> | undefined): T[] {
  const [items, setItems] = useState<T[]>(() => array?.toArray() ?? []);
  useEffect(() => {
    if (!array) {
      setItems([]);
      return;
    }
    const refresh = (): void => setItems(array.toArray());
    refresh();
    array.observe(refresh);
    return () => array.unobserve(refresh);
  }, [array]);
  return items;
}

/** The Y.Array stored under a key of a map (e.g. a party's contacts), live. */
export function useYArrayField(map: Y.Map<unknown>, key: string): Y.Array<Y.Map<unknown>> | undefined {
  const value = useYMapValue(map, key);
  return value instanceof Y.Array ? (value as Y.Array<Y.Map<unknown>>) : undefined;
}

/** Only the Y.Map entries of an array (ignores anything malformed a peer may have written). */
export function mapsOf(items: unknown[]): Y.Map<unknown>[] {
  return items.filter((item): item is Y.Map<unknown> => item instanceof Y.Map);
}

export const idOf = (map: Y.Map<unknown>): string => asString(map.get('id'));
