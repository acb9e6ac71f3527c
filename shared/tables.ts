import * as Y from 'yjs';
import { kindDef } from './kinds';

/**
 * Sections that are tables (the RACI matrix, the budget annex) keep their
 * content in one Y.Map per section, `table:<sectionKey>`, so the schema
 * guard can tell what a client may write (`isWritableRoot`).
 */
export const TABLE_PREFIX = 'table:';

export const tableName = (sectionKey: string): string => `${TABLE_PREFIX}${sectionKey}`;
/** A kind whose entry (`kinds/<kind>.ts`) lists table fields. */
export const isTableKind = (kind: string): boolean => kindDef(kind)?.table !== undefined;
export const tableMap = (doc: Y.Doc, sectionKey: string): Y.Map<unknown> => doc.getMap(tableName(sectionKey));

/** The Y.Array at `field` of a table's map, created on first use (by whoever writes first). */
export function tableList(map: Y.Map<unknown>, field: string): Y.Array<Y.Map<unknown>> {
  const value = map.get(field);
  if (value instanceof Y.Array) return value as Y.Array<Y.Map<unknown>>;
  const list = new Y.Array<Y.Map<unknown>>();
  map.set(field, list);
  return list;
}

/** The list at `field` if it exists (reading never writes). */
export function readList(map: Y.Map<unknown>, field: string): Y.Map<unknown>[] {
  const value = map.get(field);
  return value instanceof Y.Array ? (value.toArray() as unknown[]).filter((m): m is Y.Map<unknown> => m instanceof Y.Map) : [];
}

export const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The empty lists of a table section, written at creation and, for the ones
 * missing, when an older agreement loads: if the first row's writer created
 * the list, two people adding the first row at once would each create one and
 * one list would replace the other.
 */
export function initTable(map: Y.Map<unknown>, kind: string): void {
  for (const [field, type] of Object.entries(kindDef(kind)?.table ?? {})) {
    const have = map.get(field);
    if (type === 'map' ? !(have instanceof Y.Map) : !(have instanceof Y.Array))
      map.set(field, type === 'map' ? new Y.Map<unknown>() : new Y.Array<Y.Map<unknown>>());
  }
}
