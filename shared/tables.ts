import * as Y from 'yjs';

/**
 * Sections that are tables (the RACI matrix, the budget annex) keep their
 * content in one Y.Map per section, `table:<sectionKey>`, so the schema
 * guard can tell what a client may write (`isWritableRoot`).
 */
export const TABLE_PREFIX = 'table:';
export const TABLE_KINDS = ['raci', 'budget'] as const;

export const tableName = (sectionKey: string): string => `${TABLE_PREFIX}${sectionKey}`;
export const isTableKind = (kind: string): boolean => (TABLE_KINDS as readonly string[]).includes(kind);
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

/** The empty lists of a table section, written at creation. */
export function initTable(map: Y.Map<unknown>, kind: string): void {
  if (kind === 'raci') {
    map.set('tasks', new Y.Array<Y.Map<unknown>>());
    map.set('roles', new Y.Array<Y.Map<unknown>>());
    map.set('cells', new Y.Map<unknown>());
  } else if (kind === 'budget') map.set('lines', new Y.Array<Y.Map<unknown>>());
}
