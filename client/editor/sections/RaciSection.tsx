import { useRef, useState, type KeyboardEvent } from 'react';
import { addRole, addTask, cellKey, moveTask, raciProblems, readRaci, removeRaciItem, setCell, type RaciProblem } from '../../../shared/raci';
import { readList, tableMap } from '../../../shared/tables';
import { useT } from '../../intl';
import { useLanguage } from '../../language';
import { useCanEdit } from '../../session';
import { BoundInput } from '../BoundInput';
import { usePartyNames } from '../usePartyNames';
import { gridKey, nextLetter } from './raciKeys';
import type { SectionProps } from './types';
import { useTable } from './useTable';
import { LeadSelect } from './LeadSelect';

/**
 * The RACI matrix (001): tasks down the side with their lead organisation,
 * roles across the top, one letter per cell, all in the shared document.
 * The grid is one tab stop; the arrows move inside it (roving tabindex).
 * Breaks of the rule (at least one R, exactly one A) show on their row as
 * they happen, and in the readiness checklist.
 */
export function RaciSection({ section, collab }: SectionProps) {
  const t = useT();
  const { lang } = useLanguage();
  const canEdit = useCanEdit();
  const { doc } = collab;
  const key = section.key;
  const raci = useTable(doc, key, readRaci);
  const parties = usePartyNames(doc);
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const maps = readList(tableMap(doc, key), 'tasks');
  const roleMaps = readList(tableMap(doc, key), 'roles');
  const problems = raciProblems(raci);
  const problemsOf = (taskId: string): RaciProblem[] => problems.filter((p) => p.taskId === taskId).map((p) => p.problem);
  const [row, col] = [Math.min(focus[0], raci.tasks.length - 1), Math.min(focus[1], raci.roles.length - 1)];

  const onKey = (event: KeyboardEvent, r: number, c: number): void => {
    const task = raci.tasks[r];
    const role = raci.roles[c];
    if (!task || !role) return;
    const action = gridKey(event.key, { row: r, col: c }, { rows: raci.tasks.length, cols: raci.roles.length }, raci.cells[cellKey(task.id, role.id)]);
    if (!action) return;
    event.preventDefault();
    if ('move' in action) {
      setFocus(action.move);
      const next = raci.tasks[action.move[0]]?.id;
      const nextRole = raci.roles[action.move[1]]?.id;
      if (next && nextRole) cells.current.get(cellKey(next, nextRole))?.focus();
    } else if (canEdit) setCell(doc, key, task.id, role.id, action.set);
  };

  return (
    <div className="raci" data-testid={`raci-${key}`}>
      {raci.tasks.length === 0 && <p className="muted small">{t('raci.empty')}</p>}
      {raci.tasks.length > 0 && raci.roles.length > 0 && <p className="muted small">{t('raci.keys')}</p>}
      <div className="raci-scroll">
        <table className="raci-grid" role="grid" aria-label={section.title[lang]}>
          <thead>
            <tr>
              <th scope="col">{t('raci.task')}</th>
              <th scope="col">{t('raci.lead')}</th>
              {raci.roles.map((role, c) => (
                <th scope="col" key={role.id} className="raci-role">
                  {roleMaps[c] && <BoundInput map={roleMaps[c]} field="name" label={t('raci.role')} hideLabel maxLength={80} />}
                  {canEdit && (
                    <button
                      type="button"
                      className="button link danger small"
                      onClick={() => removeRaciItem(doc, key, 'roles', role.id)}
                      aria-label={`${t('raci.removeRole')} ${role.name}`}
                    >
                      ×
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {raci.tasks.map((task, r) => {
              const broken = problemsOf(task.id);
              return (
                <tr key={task.id} data-task={task.id} data-problems={broken.join(' ')} className={broken.length > 0 ? 'raci-broken' : undefined}>
                  <th scope="row" className="raci-task">
                    {maps[r] && <BoundInput map={maps[r]} field="name" label={t('raci.task')} hideLabel maxLength={200} />}
                    {broken.map((p) => (
                      <span key={p} className="raci-problem" role="status">
                        {t(`raci.problem.${p}`, { task: task.name.trim() || t('raci.unnamedTask') })}
                      </span>
                    ))}
                    {canEdit && (
                      <span className="raci-task-actions">
                        <button
                          type="button"
                          className="button link small"
                          disabled={r === 0}
                          onClick={() => moveTask(doc, key, task.id, -1)}
                          aria-label={t('raci.moveUp')}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="button link small"
                          disabled={r === raci.tasks.length - 1}
                          onClick={() => moveTask(doc, key, task.id, 1)}
                          aria-label={t('raci.moveDown')}
                        >
                          ↓
                        </button>
                        <button type="button" className="button link danger small" onClick={() => removeRaciItem(doc, key, 'tasks', task.id)}>
                          {t('raci.removeTask')}
                        </button>
                      </span>
                    )}
                  </th>
                  <td>{maps[r] && <LeadSelect task={maps[r]} parties={parties} />}</td>
                  {raci.roles.map((role, c) => {
                    const letter = raci.cells[cellKey(task.id, role.id)];
                    const label = t('raci.cell', {
                      task: task.name || t('raci.unnamedTask'),
                      role: role.name,
                      letter: letter ? t(`raci.letter.${letter}`) : t('raci.letter.none'),
                    });
                    return (
                      <td
                        key={role.id}
                        role="gridcell"
                        className={`raci-cell${letter ? ` raci-${letter}` : ''}`}
                        tabIndex={r === row && c === col ? 0 : -1}
                        aria-label={label}
                        aria-readonly={!canEdit}
                        data-cell={`${r}:${c}`}
                        ref={(el) => {
                          if (el) cells.current.set(cellKey(task.id, role.id), el);
                          else cells.current.delete(cellKey(task.id, role.id));
                        }}
                        onFocus={() => setFocus([r, c])}
                        onKeyDown={(e) => onKey(e, r, c)}
                        onClick={() => canEdit && setCell(doc, key, task.id, role.id, nextLetter(letter))}
                      >
                        {letter ?? ''}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <div className="form-actions">
          <button type="button" className="button ghost" onClick={() => addTask(doc, key)} data-testid="raci-add-task">
            + {t('raci.addTask')}
          </button>
          <button type="button" className="button ghost" onClick={() => addRole(doc, key)} data-testid="raci-add-role">
            + {t('raci.addRole')}
          </button>
        </div>
      )}
    </div>
  );
}
