import { fragmentName, getDuration } from '../../../shared/schema';
import { TERMINATION_NOTICE_DAYS } from '../../../shared/template';
import { useT } from '../../intl';
import { useLanguage } from '../../language';
import { RichText } from '../RichText';
import { asNumber, useYMapValue } from '../yhooks';
import { BoundNumber } from './BoundNumber';
import { useCanEdit } from '../../session';
import type { SectionProps } from './types';

/** Term, renewal review and notice (structured), the in-force rule, and free text. */
export function DurationSection({ section, collab }: SectionProps) {
  const t = useT();
  const { lang } = useLanguage();
  const duration = getDuration(collab.doc);
  const years = asNumber(useYMapValue(duration, 'termYears'));
  const months = asNumber(useYMapValue(duration, 'renewalReviewMonths'));
  const notice = asNumber(useYMapValue(duration, 'terminationNoticeDays'));
  const canEdit = useCanEdit();
  return (
    <>
      <div className="duration-fields">
        <BoundNumber map={duration} field="termYears" label={t('editor.termYears')} min={1} max={20} />
        <BoundNumber map={duration} field="renewalReviewMonths" label={t('editor.renewalReview')} min={0} max={24} />
        <label className="field">
          <span>{t('editor.terminationNotice')}</span>
          <select
            name="terminationNoticeDays"
            data-field="terminationNoticeDays"
            disabled={!canEdit}
            value={notice === null ? '' : String(notice)}
            onChange={(e) => duration.set('terminationNoticeDays', Number(e.target.value))}
          >
            {notice === null && <option value="">—</option>}
            {TERMINATION_NOTICE_DAYS.map((d) => (
              <option key={d} value={String(d)}>
                {t('editor.days', { days: d })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="statement" data-testid="in-force">
        {t('editor.inForce')}
      </p>
      <p className="statement muted">
        {years !== null && months !== null && notice !== null ? t('editor.durationSummary', { years, months, days: notice }) : t('editor.durationIncomplete')}
      </p>
      <h3>{t('editor.durationNotes')}</h3>
      <RichText collab={collab} fragment={fragmentName(section.key)} label={t('editor.durationNotes')} placeholder={section.placeholder?.[lang]} />
    </>
  );
}
