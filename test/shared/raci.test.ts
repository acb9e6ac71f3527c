import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBudgetLine, budgetTotals, readBudget } from '../../shared/budget';
import { addRole, addTask, cellKey, moveTask, raciProblems, readRaci, removeRaciItem, setCell, type RaciContent } from '../../shared/raci';
import { isWritableRoot } from '../../shared/schema';
import { tableMap } from '../../shared/tables';
import { findTemplate } from '../../shared/templates';

const grid = (rows: Record<string, string>): RaciContent => {
  const roles = ['r1', 'r2', 'r3'].map((id) => ({ id, name: id }));
  const tasks = Object.keys(rows).map((id) => ({ id, name: id, lead: '' }));
  const cells: RaciContent['cells'] = {};
  for (const [task, letters] of Object.entries(rows)) {
    [...letters].forEach((l, i) => {
      if (l !== '.') cells[cellKey(task, roles[i]!.id)] = l as 'R';
    });
  }
  return { tasks, roles, cells };
};

describe('the RACI rule (001: at least one R and exactly one A per task)', () => {
  it('accepts a task with one A and one or more R, whatever the C and I', () => {
    expect(raciProblems(grid({ intake: 'RAC', search: 'RRA', coach: 'ARI' }))).toEqual([]);
  });

  it('names each task that has no R, no A, or more than one A', () => {
    expect(raciProblems(grid({ noR: 'ACI', noA: 'RCI', twoA: 'AAR', empty: '...', twoANoR: 'AAC' }))).toEqual([
      { taskId: 'noR', problem: 'noR' },
      { taskId: 'noA', problem: 'noA' },
      { taskId: 'twoA', problem: 'manyA' },
      { taskId: 'empty', problem: 'noR' },
      { taskId: 'empty', problem: 'noA' },
      { taskId: 'twoANoR', problem: 'noR' },
      { taskId: 'twoANoR', problem: 'manyA' },
    ]);
  });

  it('is edited through the Y.Doc: tasks in order, roles, cells; removing a role takes its cells', () => {
    const doc = new Y.Doc();
    const intake = addTask(doc, 'raci', 'Formulaires d’admission');
    const search = addTask(doc, 'raci', 'Recherche d’emploi');
    const worker = addRole(doc, 'raci', 'Responsable de l’admission');
    const manager = addRole(doc, 'raci', 'Gestionnaire de programme');
    setCell(doc, 'raci', intake, worker, 'R');
    setCell(doc, 'raci', intake, manager, 'A');
    setCell(doc, 'raci', search, manager, 'A');
    let raci = readRaci(doc, 'raci');
    expect(raci.tasks.map((t) => t.name)).toEqual(['Formulaires d’admission', 'Recherche d’emploi']);
    expect(raciProblems(raci)).toEqual([{ taskId: search, problem: 'noR' }]);
    setCell(doc, 'raci', search, worker, 'R');
    expect(raciProblems(readRaci(doc, 'raci'))).toEqual([]);
    removeRaciItem(doc, 'raci', 'roles', manager);
    raci = readRaci(doc, 'raci');
    expect(raci.roles.map((r) => r.id)).toEqual([worker]);
    expect(Object.keys(raci.cells)).toEqual([cellKey(intake, worker), cellKey(search, worker)]);
    expect([...(tableMap(doc, 'raci').get('cells') as Y.Map<unknown>).keys()].sort()).toEqual([cellKey(intake, worker), cellKey(search, worker)].sort());
  });

  it('moves a task up or down the order, its cells with it', () => {
    const doc = new Y.Doc();
    const first = addTask(doc, 'raci', 'Admission');
    const second = addTask(doc, 'raci', 'Évaluation');
    const role = addRole(doc, 'raci', 'Gestionnaire');
    setCell(doc, 'raci', second, role, 'A');
    moveTask(doc, 'raci', second, -1);
    const raci = readRaci(doc, 'raci');
    expect(raci.tasks.map((t) => [t.id, t.name])).toEqual([
      [second, 'Évaluation'],
      [first, 'Admission'],
    ]);
    expect(raci.cells[cellKey(second, role)]).toBe('A');
    moveTask(doc, 'raci', second, -1);
    expect(readRaci(doc, 'raci').tasks[0]?.id).toBe(second);
  });

  it('reads only letters R, A, C, I of listed tasks and roles (anything else a client wrote is ignored)', () => {
    const doc = new Y.Doc();
    const task = addTask(doc, 'raci', 'x');
    const role = addRole(doc, 'raci', 'y');
    const cells = new Y.Map<unknown>();
    tableMap(doc, 'raci').set('cells', cells);
    cells.set(cellKey(task, role), 'Z');
    cells.set('ghost:cell', 'A');
    expect(readRaci(doc, 'raci').cells).toEqual({});
  });

  it('lives under table:<key>, which clients may write only for a table section of the template', () => {
    const partnership = findTemplate('partnership')!;
    expect(isWritableRoot('table:raci', partnership, new Set())).toBe(true);
    expect(isWritableRoot('table:budget', partnership, new Set())).toBe(true);
    expect(isWritableRoot('table:results', partnership, new Set())).toBe(false);
    expect(isWritableRoot('table:nope', partnership, new Set())).toBe(false);
    expect(isWritableRoot('table:raci', findTemplate('government-mou')!, new Set())).toBe(false);
  });
});

describe('the budget annex', () => {
  it('totals cash and in kind per party, in the parties’ order, to the cent', () => {
    const doc = new Y.Doc();
    addBudgetLine(doc, 'budget', { label: 'Salle', partyId: 'b', amountCents: 1_000_10, nature: 'inKind' });
    addBudgetLine(doc, 'budget', { label: 'Animation', partyId: 'a', amountCents: 2_500_00, nature: 'cash' });
    addBudgetLine(doc, 'budget', { label: 'Café', partyId: 'a', amountCents: 19_99, nature: 'inKind' });
    addBudgetLine(doc, 'budget', { label: 'Matériel', partyId: 'a', amountCents: 1, nature: 'cash' });
    addBudgetLine(doc, 'budget', { label: 'Ancienne partie', partyId: 'gone', amountCents: 5_00 });
    const totals = budgetTotals(readBudget(doc, 'budget'), ['a', 'b']);
    expect(totals.parties).toEqual([
      { partyId: 'a', cash: 2_500_01, inKind: 19_99, total: 2_520_00 },
      { partyId: 'b', cash: 0, inKind: 1_000_10, total: 1_000_10 },
    ]);
    expect(totals).toMatchObject({ cash: 2_500_01, inKind: 1_020_09, total: 3_520_10 });
  });
});
