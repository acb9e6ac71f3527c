import type * as Y from 'yjs';
import { useT } from '../../intl';
import { useCanEdit } from '../../session';
import type { PartyNames } from '../usePartyNames';
import { useYString } from '../yhooks';

/** The organisation leading a task, or a budget line's party: one of the agreement's parties, stored by id. */
export function LeadSelect({
  task,
  parties,
  field = 'lead',
  label,
  placeholder,
}: {
  task: Y.Map<unknown>;
  parties: PartyNames;
  field?: string;
  label?: string;
  placeholder?: string;
}) {
  const t = useT();
  const canEdit = useCanEdit();
  const value = useYString(task, field);
  return (
    <select
      className="lead-select"
      value={parties.has(value) ? value : ''}
      disabled={!canEdit}
      aria-label={label ?? t('raci.lead')}
      onChange={(e) => task.set(field, e.target.value)}
    >
      <option value="">{placeholder ?? t('raci.noLead')}</option>
      {[...parties].map(([id, name], i) => (
        <option key={id} value={id}>
          {name || t('party.n', { n: i + 1 })}
        </option>
      ))}
    </select>
  );
}
