import { budgetTotals } from '../../shared/budget';
import { cellKey, raciProblems } from '../../shared/raci';
import type { SectionTemplate } from '../../shared/template';
import { exportWords } from './labels';
import type { Block, ExportModel } from './model';

/** The RACI matrix as printed: tasks down the side with their lead organisation, roles across, then the legend. */
export function raciBlocks(m: ExportModel, section: SectionTemplate): Block[] {
  const { t } = exportWords(m.content.language);
  const raci = m.content.raci?.[section.key];
  if (!raci || raci.tasks.length === 0) return [];
  const partyName = (id: string): string => m.content.parties.find((p) => p.id === id)?.legalName ?? '';
  const blocks: Block[] = [
    {
      kind: 'table',
      header: [t('raci.task'), t('raci.lead'), ...raci.roles.map((r) => r.name)],
      rows: raci.tasks.map((task) => ({ cells: [task.name, partyName(task.lead), ...raci.roles.map((r) => raci.cells[cellKey(task.id, r.id)] ?? '')] })),
    },
    { kind: 'paragraph', text: t('raci.legend') },
  ];
  // A locked version may still break the rule (it is a checklist item, not a lock condition the export enforces): say so.
  if (raciProblems(raci).length > 0) blocks.push({ kind: 'paragraph', text: t('raci.exportWarning') });
  return blocks;
}

/** The budget annex: its lines, then the totals per party (cash, in kind, total) and overall. */
export function budgetBlocks(m: ExportModel, section: SectionTemplate): Block[] {
  const { t } = exportWords(m.content.language);
  const budget = m.content.budget?.[section.key];
  if (!budget || budget.lines.length === 0) return [];
  const money = (cents: number): string => t('budget.amount', { amount: cents / 100 });
  const partyName = (id: string): string => m.content.parties.find((p) => p.id === id)?.legalName ?? '';
  const totals = budgetTotals(
    budget,
    m.content.parties.map((p) => p.id),
  );
  return [
    {
      kind: 'table',
      header: [t('budget.line'), t('budget.party'), t('budget.nature'), t('budget.amountLabel')],
      rows: budget.lines.map((l) => ({ cells: [l.label, partyName(l.partyId), t(`budget.nature.${l.nature}`), money(l.amountCents)] })),
    },
    { kind: 'subheading', text: t('budget.totals') },
    {
      kind: 'table',
      header: [t('budget.party'), t('budget.nature.cash'), t('budget.nature.inKind'), t('budget.total')],
      rows: [
        ...totals.parties.map((p) => ({ cells: [partyName(p.partyId), money(p.cash), money(p.inKind), money(p.total)] })),
        { cells: [t('budget.grandTotal'), money(totals.cash), money(totals.inKind), money(totals.total)], bold: true },
      ],
    },
  ];
}
