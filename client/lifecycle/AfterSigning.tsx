import { addPartnershipRecord, giveNotice, setReviewMeetings } from '../api/lifecycle';
import { exportUrl } from '../api/exports';
import { errorText } from '../errorText';
import { useDates, useT } from '../intl';
import { CalendarFeed } from './CalendarFeed';
import { FollowUps } from './FollowUps';
import { NoticeForm } from './NoticeForm';
import { RecordForm } from './RecordForm';
import { useLifecycle, useLifecycleAction } from './queries';
import './lifecycle.css';

/** A calendar day (YYYY-MM-DD) at noon UTC: the same day in every reader's time zone. */
export const noon = (day: string): string => `${day}T12:00:00.000Z`;

/**
 * A signed agreement's life: where it stands (in force, notice given,
 * ended), the dates its terms give it, the JSON copy, notice of
 * termination, and the record of the partnership once it has ended.
 */
export function AfterSigning({ agreementId }: { agreementId: string }) {
  const t = useT();
  const dates = useDates();
  const query = useLifecycle(agreementId);
  const notice = useLifecycleAction(agreementId, (reason: string) => giveNotice(agreementId, reason));
  const record = useLifecycleAction(agreementId, (body: string) => addPartnershipRecord(agreementId, body));
  const meetings = useLifecycleAction(agreementId, (on: boolean) => setReviewMeetings(agreementId, on));
  const view = query.data;
  if (!view?.dates || !view.phase) return null;
  const d = view.dates;
  const day = (value: string) => dates.day(noon(value));
  return (
    <div className="after-signing" data-testid="after-signing" data-phase={view.phase}>
      <p className={`phase-badge phase-${view.phase}`} data-testid="lifecycle-phase">
        {t(`lifecycle.phase.${view.phase}`)}
      </p>
      <dl className="lifecycle-dates">
        <dt>{t('lifecycle.endDate')}</dt>
        <dd data-testid="end-date">{d.endDate ? day(d.endDate) : t('lifecycle.noEnd')}</dd>
        {d.renewalReviewDate && (
          <>
            <dt>{t('lifecycle.renewalReview')}</dt>
            <dd data-testid="renewal-review">{day(d.renewalReviewDate)}</dd>
          </>
        )}
        <dt>{t('lifecycle.noticePeriod')}</dt>
        <dd>{t('lifecycle.noticeDays', { days: d.noticeDays })}</dd>
        <dt>{t('lifecycle.reviewMeetings')}</dt>
        <dd>{view.reviewMeetings ? d.reviewMeetings.map(day).join(' · ') || '—' : t('lifecycle.reviewMeetingsOff')}</dd>
        {view.next && (
          <>
            <dt>{t('lifecycle.next')}</dt>
            <dd data-testid="next-date">{t(`lifecycle.nextKind.${view.next.kind}`, { date: day(view.next.on) })}</dd>
          </>
        )}
      </dl>
      {view.may.settings && (
        <label className="inline-check">
          <input
            type="checkbox"
            checked={view.reviewMeetings}
            disabled={meetings.isPending}
            onChange={(e) => meetings.mutate(e.target.checked)}
            data-testid="review-meetings-toggle"
          />
          {t('lifecycle.reviewMeetingsOn')}
        </label>
      )}
      <a className="button" href={exportUrl(agreementId, 'json')} download data-testid="download-json">
        {t('lifecycle.downloadJson')}
      </a>
      <CalendarFeed agreementId={agreementId} />
      {view.notice && (
        <div className="notice-given" data-testid="notice-given" role="status">
          <p>
            <strong>{t('lifecycle.noticeBy', { name: view.notice.givenBy.name, party: view.notice.partyName, date: dates.day(view.notice.givenAt) })}</strong>
          </p>
          <p className="notice-reason">{view.notice.reason}</p>
          <p>{t(view.phase === 'ended' ? 'lifecycle.endedOn' : 'lifecycle.endsOn', { date: day(view.notice.effectiveOn) })}</p>
        </div>
      )}
      {view.may.giveNotice && (
        <NoticeForm noticeDays={d.noticeDays} pending={notice.isPending} error={notice.error && errorText(t, notice.error)} onGive={notice.mutateAsync} />
      )}
      <FollowUps agreementId={agreementId} view={view} />
      {view.phase === 'ended' && (
        <RecordForm
          records={view.records}
          may={view.may.record}
          pending={record.isPending}
          error={record.error && errorText(t, record.error)}
          onAdd={record.mutateAsync}
        />
      )}
    </div>
  );
}
