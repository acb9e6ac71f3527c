import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CalendarFeedCreated, CalendarScope } from '../../shared/calendarSchemas';
import { copyToClipboard, LinkField } from '../access/PersonalLink';
import { createCalendarFeed, getCalendarFeeds, revokeCalendarFeed } from '../api/calendar';
import { agreementKeys } from '../data/queries';
import { errorText } from '../errorText';
import { useDates, useT } from '../intl';

const SCOPES: readonly CalendarScope[] = ['agreement', 'person'];
const calendarKey = (id: string) => [...agreementKeys.all(id), 'calendar'] as const;

/**
 * "Calendar feed": the reader's subscription addresses for this agreement's
 * dates and for all their agreements in this browser. The server keeps only
 * a feed's hash, so an address shows once, just made; after that it can be
 * replaced or revoked, never shown again.
 */
export function CalendarFeed({ agreementId }: { agreementId: string }) {
  const t = useT();
  const dates = useDates();
  const client = useQueryClient();
  const key = calendarKey(agreementId);
  const feeds = useQuery({ queryKey: key, queryFn: ({ signal }) => getCalendarFeeds(agreementId, signal) });
  const [made, setMade] = useState<Partial<Record<CalendarScope, CalendarFeedCreated>>>({});
  const [copied, setCopied] = useState<CalendarScope | null>(null);
  const create = useMutation({
    mutationFn: (scope: CalendarScope) => createCalendarFeed(agreementId, scope),
    onSuccess: (feed) => {
      setMade((m) => ({ ...m, [feed.scope]: feed }));
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (scope: CalendarScope) => revokeCalendarFeed(agreementId, scope),
    onSuccess: (list, scope) => {
      setMade((m) => {
        const rest = { ...m };
        delete rest[scope];
        return rest;
      });
      client.setQueryData(key, list);
    },
  });
  const error = create.error ?? revoke.error;
  const busy = create.isPending || revoke.isPending;
  return (
    <section className="calendar-feed" data-testid="calendar-feed">
      <h3>{t('calendar.heading')}</h3>
      <p className="small">{t('calendar.help')}</p>
      {SCOPES.map((scope) => {
        const live = feeds.data?.feeds.find((f) => f.scope === scope);
        const fresh = made[scope];
        return (
          <div key={scope} className="calendar-scope" data-testid={`calendar-${scope}`}>
            <p>
              <strong>{t(`calendar.${scope}`)}</strong>{' '}
              <span className="small">{live ? t('calendar.since', { date: dates.day(live.createdAt) }) : t('calendar.none')}</span>
            </p>
            {fresh && (
              <div className="new-link" role="status">
                <p className="small">{t('calendar.copyOnce')}</p>
                <LinkField url={fresh.url} label={t('calendar.url')} testId={`calendar-url-${scope}`} />
                <button
                  type="button"
                  className="button small primary"
                  aria-live="polite"
                  onClick={() => void copyToClipboard(fresh.url).then((ok) => setCopied(ok ? scope : null))}
                >
                  {copied === scope ? `✓ ${t('common.copied')}` : t('calendar.copy')}
                </button>
              </div>
            )}
            <div className="calendar-actions">
              <button type="button" className="button small" disabled={busy} onClick={() => create.mutate(scope)} data-testid={`calendar-create-${scope}`}>
                {live ? t('calendar.replace') : t('calendar.create')}
              </button>
              {live && (
                <button
                  type="button"
                  className="button small link"
                  disabled={busy}
                  onClick={() => revoke.mutate(scope)}
                  data-testid={`calendar-revoke-${scope}`}
                >
                  {t('calendar.revoke')}
                </button>
              )}
            </div>
          </div>
        );
      })}
      {error && (
        <p className="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}
