import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { canonicalJson } from '../../../shared/canonical';
import { tableMap } from '../../../shared/tables';

/**
 * A table section's content read live from its `table:<key>` map: `read`
 * runs after every change anywhere inside it, and the same value comes back
 * until what it reads changes (so a cell edit elsewhere does not re-render).
 */
export function useTable<T>(doc: Y.Doc, sectionKey: string, read: (doc: Y.Doc, key: string) => T): T {
  const last = useRef<{ json: string; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = tableMap(doc, sectionKey);
      map.observeDeep(onChange);
      return () => map.unobserveDeep(onChange);
    },
    [doc, sectionKey],
  );
  const snapshot = (): T => {
    const value = read(doc, sectionKey);
    const json = canonicalJson(value);
    if (last.current?.json !== json) last.current = { json, value };
    return last.current.value;
  };
  return useSyncExternalStore(subscribe, snapshot);
}
