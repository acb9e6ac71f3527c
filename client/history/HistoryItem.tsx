import type { HistoryEntryView } from '../../shared/historySchemas';
import type { AgreementTemplate } from '../../shared/template';
import { useDates, useT } from '../intl';
import { useLanguage } from '../language';
import { names, versionLabel } from './labels';

interface HistoryItemProps {
  version: HistoryEntryView;
  template: AgreementTemplate | undefined;
  onOpen: () => void;
  onCompare: () => void;
}

/** One version in the list: name, who, when, the sections it changed, and what to do with it. */
export function HistoryItem({ version: v, template, onOpen, onCompare }: HistoryItemProps) {
  const t = useT();
  const dates = useDates();
  const { lang } = useLanguage();
  const title = (key: string): string => template?.sections.find((s) => s.key === key)?.title[lang] ?? key;
  // Who made it: the authors of its edits, else whoever named, restored or locked it.
  const people = v.authors.length > 0 ? v.authors : v.createdBy ? [v.createdBy] : [];
  return (
    <li className={`history-item kind-${v.kind}`} data-testid="history-item" data-kind={v.kind} data-version={v.number}>
      <div className="history-item-head">
        <strong className="history-name">{versionLabel(t, v)}</strong>
        <time className="muted small" dateTime={v.createdAt} title={dates.dayTime(v.createdAt)}>
          {dates.ago(v.createdAt)}
        </time>
      </div>
      {people.length > 0 && <p className="small history-authors">{t('history.by', { names: names(lang, people) })}</p>}
      {/* The first version is the whole agreement: listing every section as changed would say nothing. */}
      {v.kind !== 'created' && (
        <p className="small muted history-sections">
          {v.sections.length === 0 ? t('history.noSectionChanged') : t('history.sections', { sections: v.sections.map(title).join(', ') })}
        </p>
      )}
      <div className="history-actions">
        <button type="button" className="button link small" onClick={onOpen} data-testid="open-version">
          {t('history.open')}
        </button>
        <button type="button" className="button link small" onClick={onCompare} data-testid="compare-current">
          {t('history.compareCurrent')}
        </button>
      </div>
    </li>
  );
}
