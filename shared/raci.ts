import * as Y from 'yjs';
import { RACI_LETTERS } from './contentEnums';
import { newId } from './schema';
import { readList, tableList, tableMap, text } from './tables';

/**
 * The RACI matrix (001, "Travailler avec le modèle RACI"): tasks in order
 * down the side, each with the organisation that leads it, roles across the
 * top, and one letter per cell. In the Y.Map `table:<key>`:
 *   tasks  Y.Array<Y.Map{id, name, lead}>   lead: a party id or ''
 *   roles  Y.Array<Y.Map{id, name}>
 *   cells  Y.Map  `<taskId>:<roleId>` → 'R' | 'A' | 'C' | 'I' (absent: empty)
 */
export { RACI_LETTERS };
export type RaciLetter = (typeof RACI_LETTERS)[number];
export const isRaciLetter = (v: unknown): v is RaciLetter => typeof v === 'string' && (RACI_LETTERS as readonly string[]).includes(v);

export interface RaciContent {
  tasks: { id: string; name: string; lead: string }[];
  roles: { id: string; name: string }[];
  /** Only the cells of listed tasks and roles, by `<taskId>:<roleId>`. */
  cells: Record<string, RaciLetter>;
}

export const cellKey = (taskId: string, roleId: string): string => `${taskId}:${roleId}`;

export function cellsMap(map: Y.Map<unknown>): Y.Map<unknown> {
  const value = map.get('cells');
  if (value instanceof Y.Map) return value;
  const cells = new Y.Map<unknown>();
  map.set('cells', cells);
  return cells;
}

export function readRaci(doc: Y.Doc, sectionKey: string): RaciContent {
  const map = tableMap(doc, sectionKey);
  const tasks = readList(map, 'tasks').map((t) => ({ id: text(t.get('id')), name: text(t.get('name')), lead: text(t.get('lead')) }));
  const roles = readList(map, 'roles').map((r) => ({ id: text(r.get('id')), name: text(r.get('name')) }));
  const stored = map.get('cells');
  const cells: Record<string, RaciLetter> = {};
  if (stored instanceof Y.Map) {
    for (const task of tasks) {
      for (const role of roles) {
        const letter: unknown = stored.get(cellKey(task.id, role.id));
        if (isRaciLetter(letter)) cells[cellKey(task.id, role.id)] = letter;
      }
    }
  }
  return { tasks, roles, cells };
}

export function addTask(doc: Y.Doc, sectionKey: string, name = ''): string {
  const id = newId();
  const task = new Y.Map<unknown>();
  doc.transact(() => {
    task.set('id', id);
    task.set('name', name);
    task.set('lead', '');
    tableList(tableMap(doc, sectionKey), 'tasks').push([task]);
  });
  return id;
}

export function addRole(doc: Y.Doc, sectionKey: string, name = ''): string {
  const id = newId();
  const role = new Y.Map<unknown>();
  doc.transact(() => {
    role.set('id', id);
    role.set('name', name);
    tableList(tableMap(doc, sectionKey), 'roles').push([role]);
  });
  return id;
}

/** Sets a cell's letter; null empties it. */
export function setCell(doc: Y.Doc, sectionKey: string, taskId: string, roleId: string, letter: RaciLetter | null): void {
  doc.transact(() => {
    const cells = cellsMap(tableMap(doc, sectionKey));
    if (letter === null) cells.delete(cellKey(taskId, roleId));
    else cells.set(cellKey(taskId, roleId), letter);
  });
}

/** Removes a task or a role with its cells. */
export function removeRaciItem(doc: Y.Doc, sectionKey: string, field: 'tasks' | 'roles', id: string): void {
  const map = tableMap(doc, sectionKey);
  doc.transact(() => {
    const list = tableList(map, field);
    const index = list.toArray().findIndex((m) => m.get('id') === id);
    if (index >= 0) list.delete(index, 1);
    const cells = cellsMap(map);
    for (const key of [...cells.keys()]) {
      const [task, role] = key.split(':');
      if ((field === 'tasks' ? task : role) === id) cells.delete(key);
    }
  });
}

/**
 * Moves a task one place up (-1) or down (+1): the guide lists tasks in the
 * order they are done. A Y.Map cannot be moved, so the task is re-inserted
 * as a copy with the same id (its cells are keyed by id and stay).
 */
export function moveTask(doc: Y.Doc, sectionKey: string, taskId: string, delta: -1 | 1): void {
  const list = tableList(tableMap(doc, sectionKey), 'tasks');
  const from = list.toArray().findIndex((m) => m.get('id') === taskId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return;
  const old = list.get(from);
  const copy = new Y.Map<unknown>();
  doc.transact(() => {
    for (const field of ['id', 'name', 'lead']) copy.set(field, text(old.get(field)));
    list.delete(from, 1);
    list.insert(to, [copy]);
  });
}

export type RaciProblem = 'noR' | 'noA' | 'manyA';

/**
 * The guide's rule: every task has at least one R and exactly one A
 * ("aucune tâche ne devrait avoir plus d'un responsable assumant la
 * responsabilité"). The problems of each task, in task order.
 */
export function raciProblems(raci: RaciContent): { taskId: string; problem: RaciProblem }[] {
  const problems: { taskId: string; problem: RaciProblem }[] = [];
  for (const task of raci.tasks) {
    const letters = raci.roles.map((r) => raci.cells[cellKey(task.id, r.id)]);
    const as = letters.filter((l) => l === 'A').length;
    if (!letters.includes('R')) problems.push({ taskId: task.id, problem: 'noR' });
    if (as === 0) problems.push({ taskId: task.id, problem: 'noA' });
    if (as > 1) problems.push({ taskId: task.id, problem: 'manyA' });
  }
  return problems;
}
