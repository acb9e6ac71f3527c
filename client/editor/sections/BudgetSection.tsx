import { addBudgetLine, budgetTotals, readBudget } from '../../../shared/budget';
import { readList, tableList, tableMap } from '../../../shared/tables';
import { useT } from '../../intl';
import { useLanguage } from '../../language';
import { useCanEdit } from '../../session';
import { BoundInput } from '../BoundInput';
import { usePartyNames } from '../usePartyNames';
import { useYString } from '../yhooks';
import type * as Y from 'yjs';
import { AmountInput } from './AmountInput';
import { LeadSelect } from './LeadSelect';
import type { SectionProps } from './types';
import { useTable } from './useTable';

function NatureSelect({ line }: { line: Y.Map<unknown> }) {
  const t = useT();
  const canEdit = useCanEdit();
  const value = useYString(line, 'nature') === 'inKind' ? 'inKind' : 'cash';
  return (
    <select aria-label={t('budget.nature')} value={value} disabled={!canEdit} onChange={(e) => line.set('nature', e.target.value)}>
      <option value="cash">{t('budget.nature.cash')}</option>
      <option value="inKind">{t('budget.nature.inKind')}</option>
    </select>
  );
}

/**
 * The budget annex (001, Ressource 6): one line per contribution — what,
 * which party, cash or in kind, how much — and the totals per party,
 * computed from the lines as they are typed by everyone.
 */
export function BudgetSection({ section, collab }: SectionProps) {
  const t = useT();
  const { lang } = useLanguage();
  const canEdit = useCanEdit();
  const { doc } = collab;
  const key = section.key;
  const budget = useTable(doc, key, readBudget);
  const parties = usePartyNames(doc);
  const maps = readList(tableMap(doc, key), 'lines');
  const totals = budgetTotals(budget, [...parties.keys()]);
  const money = (cents: number): string => t('budget.amount', { amount: cents / 100 });
  const nameOf = (id: string, i: number): string => parties.get(id) || t('party.n', { n: i + 1 });
  const remove = (id: string): void => {
    const list = tableList(tableMap(doc, key), 'lines');
    const index = list.toArray().findIndex((m) => m.get('id') === id);
    if (index >= 0) list.delete(index, 1);
  };
  return (
    <div className="budget" data-testid={`budget-${key}`}>
      {budget.lines.length === 0 && <p className="muted small">{t('budget.empty')}</p>}
      {budget.lines.length > 0 && (
        <table className="budget-lines" aria-label={section.title[lang]}>
          <thead>
            <tr>
              <th scope="col">{t('budget.line')}</th>
              <th scope="col">{t('budget.party')}</th>
              <th scope="col">{t('budget.nature')}</th>
              <th scope="col">{t('budget.amountLabel')}</th>
              {canEdit && <th aria-hidden="true" />}
            </tr>
          </thead>
          <tbody>
            {budget.lines.map((line, i) => {
              const map = maps[i];
              if (!map) return null;
              return (
                <tr key={line.id} data-line={line.id}>
                  <td>
                    <BoundInput map={map} field="label" label={t('budget.line')} hideLabel maxLength={200} />
                  </td>
                  <td>
                    <LeadSelect task={map} field="partyId" parties={parties} label={t('budget.party')} placeholder={t('budget.chooseParty')} />
                  </td>
                  <td>
                    <NatureSelect line={map} />
                  </td>
                  <td>
                    <AmountInput line={map} label={t('budget.amountLabel')} />
                  </td>
                  {canEdit && (
                    <td>
                      <button type="button" className="button link danger small" onClick={() => remove(line.id)}>
                        {t('budget.removeLine')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canEdit && (
        <div className="form-actions">
          <button type="button" className="button ghost" onClick={() => addBudgetLine(doc, key)} data-testid="budget-add-line">
            + {t('budget.addLine')}
          </button>
        </div>
      )}
      <h3 className="status-subheading">{t('budget.totals')}</h3>
      <table className="budget-totals" data-testid={`budget-totals-${key}`}>
        <thead>
          <tr>
            <th scope="col">{t('budget.party')}</th>
            <th scope="col">{t('budget.nature.cash')}</th>
            <th scope="col">{t('budget.nature.inKind')}</th>
            <th scope="col">{t('budget.total')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.parties.map((p, i) => (
            <tr key={p.partyId} data-party={p.partyId}>
              <th scope="row">{nameOf(p.partyId, i)}</th>
              <td>{money(p.cash)}</td>
              <td>{money(p.inKind)}</td>
              <td>{money(p.total)}</td>
            </tr>
          ))}
          <tr className="budget-grand-total">
            <th scope="row">{t('budget.grandTotal')}</th>
            <td>{money(totals.cash)}</td>
            <td>{money(totals.inKind)}</td>
            <td data-testid="budget-grand-total">{money(totals.total)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
