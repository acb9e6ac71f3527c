import { useState, type FormEvent } from 'react';
import type { z } from 'zod/mini';
import type { PersonViewSchema } from '../../shared/schemas/person';
import { copyToClipboard, LinkField } from '../access/PersonalLink';
import { errorText } from '../errorText';
import { useDates, useT } from '../intl';
import { useLanguage } from '../language';
import { useCopyLink, useMailLink, usePerson, useSignInFromLink, useSignOut } from './person';

type PersonView = z.output<typeof PersonViewSchema>;

/**
 * The list page's account area: who this browser is signed in as, a one-time
 * link (copied, or mailed to one of one's addresses) to sign in elsewhere,
 * signing out; signed out, asking for a sign-in e-mail. A sign-in link
 * opened here (`/#signin=…`) is spent first.
 */
export function Account() {
  const t = useT();
  const person = usePerson();
  const fromLink = useSignInFromLink();
  if (fromLink?.redeem.isPending) {
    return (
      <p className="muted account" role="status">
        {t('person.signingIn')}
      </p>
    );
  }
  if (fromLink?.asking) {
    return (
      <section className="card account" aria-labelledby="confirm-heading" data-testid="sign-in-confirm">
        <h2 id="confirm-heading">{t('person.confirmHeading')}</h2>
        <p className="small">{t('person.confirmHelp')}</p>
        <div className="account-actions">
          <button type="button" className="button" onClick={fromLink.confirm} data-testid="sign-in-confirm-button">
            {t('person.confirm')}
          </button>
          <button type="button" className="button link" onClick={fromLink.cancel}>
            {t('common.cancel')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="card account" aria-labelledby="account-heading" data-testid="account">
      {fromLink?.redeem.isError && (
        <p className="error" role="alert" data-testid="sign-in-failed">
          {errorText(t, fromLink.redeem.error)}
        </p>
      )}
      {person.data?.signedIn ? <SignedIn person={person.data} /> : person.data ? <SignedOut mail={person.data.mail} /> : null}
    </section>
  );
}

function SignedIn({ person }: { person: PersonView }) {
  const t = useT();
  const dates = useDates();
  const { lang } = useLanguage();
  const copy = useCopyLink();
  const mail = useMailLink(true);
  const out = useSignOut();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const error = copy.error ?? mail.error ?? out.error;
  return (
    <>
      <h2 id="account-heading">{t('person.heading')}</h2>
      <p data-testid="account-signed-in">{t('person.signedIn', { count: person.agreements })}</p>
      <p>{t('person.otherBrowser')}</p>
      <div className="account-actions">
        <button
          type="button"
          className="button"
          onClick={() => copy.mutate(undefined, { onSuccess: (link) => void copyToClipboard(link.url) })}
          data-testid="copy-sign-in-link"
        >
          {t('person.copyLink')}
        </button>
        {person.mail &&
          person.emails
            .filter((e) => !e.proven)
            .map((e) => (
              <button
                key={e.email}
                type="button"
                className="button secondary"
                onClick={() => mail.mutate({ email: e.email, language: lang }, { onSuccess: () => setSentTo(e.email) })}
                data-testid="email-sign-in-link"
              >
                {t('person.emailLink', { email: e.email })}
              </button>
            ))}
      </div>
      {copy.data && (
        <div className="new-link" role="status">
          <LinkField url={copy.data.url} label={t('person.linkLabel')} testId="sign-in-link" />
          <p className="small">{t('person.linkShown', { time: dates.time(copy.data.expiresAt) })}</p>
        </div>
      )}
      {sentTo && mail.data && (
        <p className="small" role="status">
          {t('person.emailSent', { email: sentTo, minutes: mail.data.expiresInMinutes })}
        </p>
      )}
      {person.mail && person.emails.some((e) => e.proven) && (
        <ul className="small muted account-emails">
          {person.emails
            .filter((e) => e.proven)
            .map((e) => (
              <li key={e.email}>{t('person.proven', { email: e.email })}</li>
            ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <p className="account-out">
        <button type="button" className="button link" onClick={() => out.mutate(false)} data-testid="sign-out">
          {t('person.signOut')}
        </button>
        <span className="small muted"> {t('person.signOutHelp')}</span>
      </p>
      <p>
        <button type="button" className="button link" onClick={() => out.mutate(true)} data-testid="sign-out-everywhere">
          {t('person.signOutEverywhere')}
        </button>
        <span className="small muted"> {t('person.signOutEverywhereHelp')}</span>
      </p>
    </>
  );
}

function SignedOut({ mail }: { mail: boolean }) {
  const t = useT();
  const { lang } = useLanguage();
  const ask = useMailLink(false);
  const [email, setEmail] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const address = email.trim();
    ask.mutate({ email: address, language: lang }, { onSuccess: () => setAsked(address) });
  };
  return (
    <>
      <h2 id="account-heading">{t('person.signInHeading')}</h2>
      {mail ? (
        <form onSubmit={submit} className="account-form">
          <p className="small">{t('person.signInHelp')}</p>
          <label className="field">
            <span>{t('person.email')}</span>
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" data-testid="sign-in-email" />
          </label>
          <button type="submit" className="button" disabled={ask.isPending} data-testid="sign-in-send">
            {t('person.send')}
          </button>
          {asked && ask.data && (
            <p className="small" role="status">
              {t('person.requested', { email: asked, minutes: ask.data.expiresInMinutes })}
            </p>
          )}
          {ask.error && (
            <p className="error" role="alert">
              {errorText(t, ask.error)}
            </p>
          )}
        </form>
      ) : (
        <p className="small muted">{t('person.noMailHelp')}</p>
      )}
    </>
  );
}
