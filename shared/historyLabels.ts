import type { FieldChange } from './diff';
import type { CompareSideView, HistoryEntryView } from './historySchemas';
import type { MessageKey } from './i18n';
import type { Translate } from './i18n/translate';

/** What a version is called, on screen and in the redline exports: its name if it has one, else what made it. */
export function versionLabel(t: Translate, v: HistoryEntryView | CompareSideView): string {
  if (v.name) return v.name;
  switch (v.kind) {
    case 'created':
      return t('history.kind.created');
    case 'auto':
    case 'named':
      return t('history.kind.auto');
    case 'locked':
      return t('history.kind.locked', { n: v.lockedVersion ?? 0 });
    case 'restored':
      return t('history.kind.restored', { n: v.restoredFrom ?? 0 });
    case 'current':
      return t('history.current');
  }
}

/** "Ana and Paul", "Ana et Paul": names in the language's list style. */
export const listNames = (locale: string, people: readonly { name: string }[]): string =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(people.map((p) => p.name).filter((n) => n !== ''));

/** The words for each field a comparison lists. */
export const FIELD_KEYS: Record<FieldChange['field'], MessageKey> = {
  title: 'compare.field.title',
  party: 'compare.field.party',
  legalName: 'compare.field.legalName',
  address: 'compare.field.address',
  mission: 'compare.field.mission',
  contact: 'compare.field.contact',
  signatory: 'compare.field.signatory',
  termYears: 'editor.termYears',
  renewalReviewMonths: 'editor.renewalReview',
  terminationNoticeDays: 'editor.terminationNotice',
  task: 'raci.task',
  role: 'raci.role',
  budgetLine: 'budget.line',
  content: 'compare.field.content',
};
