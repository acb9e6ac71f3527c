import type { AgreementContent } from '../../shared/render';
import { cellKey } from '../../shared/raci';
import { useT } from '../intl';

interface TableProps {
  content: AgreementContent;
  sectionKey: string;
  partyName: (partyId: string) => string;
}

/** A version's RACI matrix, read-only: tasks down, roles across, the lead organisation of each task. */
export function ReadOnlyRaci({ content, sectionKey, partyName }: TableProps) {
  const t = useT();
  const raci = content.raci?.[sectionKey];
  if (!raci || raci.tasks.length === 0) return <p className="muted small">{t('raci.empty')}</p>;
  return (
    <table className="read-only-table small">
      <thead>
        <tr>
          <th scope="col">{t('raci.task')}</th>
          <th scope="col">{t('raci.lead')}</th>
          {raci.roles.map((r) => (
            <th key={r.id} scope="col">
              {r.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {raci.tasks.map((task) => (
          <tr key={task.id}>
            <th scope="row">{task.name}</th>
            <td>{task.lead ? partyName(task.lead) : ''}</td>
            {raci.roles.map((r) => (
              <td key={r.id}>{raci.cells[cellKey(task.id, r.id)] ?? ''}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A version's budget lines, read-only. */
export function ReadOnlyBudget({ content, sectionKey, partyName }: TableProps) {
  const t = useT();
  const lines = content.budget?.[sectionKey]?.lines ?? [];
  if (lines.length === 0) return <p className="muted small">{t('budget.empty')}</p>;
  return (
    <table className="read-only-table small">
      <thead>
        <tr>
          <th scope="col">{t('budget.line')}</th>
          <th scope="col">{t('budget.party')}</th>
          <th scope="col">{t('budget.nature')}</th>
          <th scope="col">{t('budget.amountLabel')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.id}>
            <td>{l.label}</td>
            <td>{l.partyId ? partyName(l.partyId) : ''}</td>
            <td>{t(l.nature === 'inKind' ? 'budget.nature.inKind' : 'budget.nature.cash')}</td>
            <td>{t('budget.amount', { amount: l.amountCents / 100 })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
