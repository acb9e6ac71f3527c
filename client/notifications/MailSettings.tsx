import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../shared/notifyViews';
import type { MailPreferences } from '../../shared/notifySchemas';
import { getMailFailures, getMailPreferences, setMailPreferences } from '../api/notifications';
import { agreementKeys } from '../data/queries';
import { useDates, useT } from '../intl';
import { useSession } from '../session';

const prefsKey = (id: string) => [...agreementKeys.all(id), 'mail-preferences'] as const;

/** One's e-mail choices (kinds, language), and for the owner the e-mails that could not be delivered. */
export function MailSettings({ agreementId }: { agreementId: string }) {
  const t = useT();
  const dates = useDates();
  const client = useQueryClient();
  const { me } = useSession();
  const prefs = useQuery({ queryKey: prefsKey(agreementId), queryFn: ({ signal }) => getMailPreferences(agreementId, signal) });
  const failures = useQuery({
    queryKey: [...agreementKeys.all(agreementId), 'mail-failures'],
    queryFn: ({ signal }) => getMailFailures(agreementId, signal),
    enabled: me.can.manage && prefs.data?.configured === true,
  });
  const save = useMutation({
    mutationFn: (next: MailPreferences) => setMailPreferences(agreementId, next),
    onSuccess: (view) => client.setQueryData(prefsKey(agreementId), view),
  });
  const p = prefs.data;
  if (!p) return null;
  if (!p.configured)
    return (
      <p className="small muted" data-testid="mail-off">
        {t('notify.mailOff')}
      </p>
    );
  const toggle = (kind: NotificationKind, on: boolean) => save.mutate({ language: p.language, off: on ? p.off.filter((k) => k !== kind) : [...p.off, kind] });
  return (
    <section className="mail-settings" data-testid="mail-settings">
      <h3 className="status-subheading">{t('notify.mailHeading')}</h3>
      <label className="field">
        <span>{t('notify.mailLanguage')}</span>
        <select
          value={p.language ?? ''}
          onChange={(e) => save.mutate({ language: e.target.value === 'fr' || e.target.value === 'en' ? e.target.value : null, off: p.off })}
        >
          <option value="">{t('notify.mailLanguageAgreement')}</option>
          <option value="fr">{t('language.fr')}</option>
          <option value="en">{t('language.en')}</option>
        </select>
      </label>
      <fieldset className="mail-kinds">
        <legend className="small">{t('notify.mailKinds')}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="inline-check small">
            <input type="checkbox" checked={!p.off.includes(kind)} disabled={save.isPending} onChange={(e) => toggle(kind, e.target.checked)} />
            {t(`notify.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      {failures.data && failures.data.failures.length > 0 && (
        <div className="mail-failures" role="alert" data-testid="mail-failures">
          <p className="small">
            <strong>{t('notify.failures')}</strong>
          </p>
          <ul className="small">
            {failures.data.failures.map((f, i) => (
              <li key={i}>
                {f.to} — {f.subject} ({dates.day(f.at)})
                {f.kind === 'bounced' ? <> — {t('notify.failureBounced', { error: f.error })}</> : <> — {t('notify.failureRefused', { error: f.error })}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
