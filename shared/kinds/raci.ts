import { itemChanges, raciLine } from '../diffParts';
import { raciProblems, type RaciContent } from '../raci';
import type { SectionKindDef } from './types';

const EMPTY_RACI: RaciContent = { tasks: [], roles: [], cells: {} };

/** The RACI matrix, tasks × roles, one of R, A, C, I per cell (`raci.ts`), in its `table:<key>` map. */
export const raci: SectionKindDef = {
  sharedText: false,
  perParty: false,
  table: { tasks: 'array', roles: 'array', cells: 'map' },
  restore: { tableParties: [{ list: 'tasks', field: 'lead' }] },
  approval: (content, key) => content.raci?.[key] ?? EMPTY_RACI,
  readiness: ({ content, key, missing }) => {
    const matrix = content.raci?.[key];
    if (!matrix || matrix.tasks.length === 0 || matrix.roles.length === 0) missing('sectionsFilled', key);
    else for (const { taskId, problem } of raciProblems(matrix)) missing('raci', `${key}:${taskId}:${problem}`);
  },
  worded: false,
  compare: ({ a, b, key, fields }) => {
    const [x, y] = [a.raci?.[key] ?? EMPTY_RACI, b.raci?.[key] ?? EMPTY_RACI];
    fields.push(...itemChanges(null, 'role', x.roles, y.roles, (r) => r.name));
    fields.push(
      ...itemChanges(
        null,
        'task',
        x.tasks,
        y.tasks,
        (t) => raciLine(a, x, t),
        (t) => raciLine(b, y, t),
      ),
    );
  },
};
