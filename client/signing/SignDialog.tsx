import { useId, useState } from 'react';
import * as Y from 'yjs';
import { getMeta, partyList } from '../../shared/schema';
import { signAgreement } from '../api/status';
import { errorText } from '../errorText';
import { useYString } from '../editor/yhooks';
import { Dialog } from './Dialog';
import { Fingerprint } from './Fingerprint';
import { VersionMatchNote } from './VersionMatchNote';
import { usePartyNames } from '../editor/usePartyNames';
import { NO_DOC, useOptionalSession, useSigning } from './SigningContext';
import { useDates, useT } from '../intl';
import { useStatusAction } from './useStatusAction';

/** The title the agreement itself gives this person, if they are named among its signatories. */
function namedTitle(doc: Y.Doc, partyId: string, name: string): string {
  const list = partyList(doc, partyId, 'signatories');
  if (!list) return '';
  const wanted = name.trim().toLowerCase();
  for (const item of list.toArray() as unknown[]) {
    if (
      item instanceof Y.Map &&
      String(item.get('name') ?? '')
        .trim()
        .toLowerCase() === wanted
    )
      return String(item.get('title') ?? '').trim();
  }
  return '';
}

/**
 * A signatory signs the locked version: they see what they sign (title,
 * parties, version and its fingerprint), type their full name and title,
 * confirm, and sign. The fingerprint shown is the one sent: if the locked
 * version changed meanwhile, the server refuses and we say so.
 */
export function SignDialog({ onClose }: { onClose: () => void }) {
  const signing = useSigning();
  const session = useOptionalSession();
  const t = useT();
  const dates = useDates();
  const formId = useId();
  const doc = signing?.doc;
  const title = useYString(getMeta(doc ?? NO_DOC), 'title');
  const parties = usePartyNames(doc ?? NO_DOC);
  // What the person reviews is fixed when the dialog opens.
  const [version] = useState(() => signing?.status?.version ?? null);
  const me = session?.me.participant;
  const [fullName, setFullName] = useState(() => me?.name ?? '');
  const [jobTitle, setJobTitle] = useState(() => (doc && me ? namedTitle(doc, me.partyId, me.name) : ''));
  const [confirmed, setConfirmed] = useState(false);
  const { busy, error, setError, run } = useStatusAction(signing);
  if (!signing || !version || !me) return null;
  const myParty = parties.get(me.partyId) || t('party.unnamed');
  const current = signing.status?.version?.hash;
  const changed = current !== undefined && current !== version.hash;
  // What the person reads must be what they sign.
  const differs = signing.versionMatch === 'differs';

  const submit = async (): Promise<void> => {
    if (fullName.trim().length < 2) return setError(t('signing.fullNameRequired'));
    if (jobTitle.trim().length < 2) return setError(t('signing.titleRequired'));
    const signed = await run(
      () => signAgreement(signing.agreementId, { fullName: fullName.trim(), title: jobTitle.trim(), versionHash: version.hash }),
      (err) => (err.code === 'version_mismatch' ? t('signing.versionMismatch') : errorText(t, err)),
    );
    if (signed) onClose();
  };

  return (
    <Dialog title={t('signing.signTitle')} onClose={onClose} testId="sign-dialog">
      <p>{t('signing.signIntro')}</p>
      <dl className="sign-facts">
        <dt>{t('signing.agreement')}</dt>
        <dd data-testid="sign-title">{title}</dd>
        <dt>{t('signing.parties')}</dt>
        <dd>
          <ul className="plain-list">
            {[...parties.entries()].map(([id, name]) => (
              <li key={id}>{name || t('party.unnamed')}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('signing.version', { n: version.number })}</dt>
        <dd className="muted">{t('signing.lockedOn', { date: dates.dayTime(version.lockedAt) })}</dd>
        <dt>{t('signing.fingerprint')}</dt>
        <dd>
          <Fingerprint hash={version.hash} testId="sign-hash" />
          <VersionMatchNote />
        </dd>
        <dt>{t('signing.signingFor')}</dt>
        <dd>
          <strong>{myParty}</strong>
        </dd>
      </dl>
      {changed && (
        <p className="error small" role="alert">
          {t('signing.versionMismatch')}
        </p>
      )}
      {differs && <p className="error small">{t('signing.signNeedsReload')}</p>}
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="sign-fields">
          <label className="field">
            <span>{t('signing.fullName')}</span>
            <input name="fullName" autoComplete="name" value={fullName} maxLength={200} onChange={(e) => setFullName(e.target.value)} required minLength={2} />
          </label>
          <label className="field">
            <span>{t('signing.jobTitle')}</span>
            <input
              name="title"
              autoComplete="organization-title"
              value={jobTitle}
              maxLength={200}
              placeholder={t('signing.jobTitlePlaceholder')}
              onChange={(e) => setJobTitle(e.target.value)}
              required
              minLength={2}
            />
          </label>
        </div>
        <label className="confirm-check">
          <input type="checkbox" name="confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <span>{t('signing.confirmSign', { n: version.number, party: myParty })}</span>
        </label>
        {error && (
          <p className="error small" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="confirm-sign"
            disabled={!confirmed || busy || changed || differs || fullName.trim().length < 2 || jobTitle.trim().length < 2}
          >
            {busy ? t('signing.signing') : t('signing.signNow')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
