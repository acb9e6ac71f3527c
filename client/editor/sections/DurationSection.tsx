import { fragmentName, getDuration } from '../../../shared/schema';
import { TERMINATION_NOTICE_DAYS } from '../../../shared/template';
import { useI18n } from '../../i18n';
import { RichText } from '../RichText';
import { asNumber, useYMapValue } from '../yhooks';
import { BoundNumber } from './BoundNumber';
import { useCanEdit } from '../../session';
import type { SectionProps } from './types';

/** Term, renewal review and notice (structured), the in-force rule, and free text. */
export function DurationSection({ section, collab }: SectionProps) {
  const { t, lang } = useI18n();
  const duration = getDuration(collab.doc);
  const years = asNumber(useYMapValue(duration, 'termYears'));
  const months = asNumber(useYMapValue(duration, 'renewalReviewMonths'));
  const notice = asNumber(useYMapValue(duration, 'terminationNoticeDays'));
  const canEdit = useCanEdit();
  const show = (n: number | null): string => (n === null ? '—' : String(n));
  return (
    <>
      <div className="duration-fields">
        <BoundNumber map={duration} field="termYears" label={t.termYears} min={1} max={20} />
        <BoundNumber map={duration} field="renewalReviewMonths" label={t.renewalReview} min={0} max={24} />
        <label className="field">
          <span>{t.terminationNotice}</span>
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
                {t.days(d)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="statement" data-testid="in-force">
        {t.inForce}
      </p>
      <p className="statement muted">{t.durationSummary(show(years), show(months), show(notice))}</p>
      <h3>{t.durationNotes}</h3>
      <RichText collab={collab} fragment={fragmentName(section.key)} label={t.durationNotes} placeholder={section.placeholder?.[lang]} />
    </>
  );
}
