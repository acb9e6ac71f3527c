import { useState } from 'react';
import { useT } from '../intl';
import './access.css';

/** `/?link=invalid` (where /join/<token> sends an unknown or revoked link): say so, once. */
export function InvalidLinkNotice() {
  const t = useT();
  const [shown, setShown] = useState(() => new URLSearchParams(window.location.search).get('link') === 'invalid');
  if (!shown) return null;
  const dismiss = (): void => {
    setShown(false);
    // Drop the parameter so a reload does not show it again.
    window.history.replaceState(null, '', window.location.pathname);
  };
  return (
    <div className="notice link-notice" role="alert" data-testid="link-invalid">
      <div>
        <h2>{t('access.linkInvalidTitle')}</h2>
        <p>{t('access.linkInvalid')}</p>
      </div>
      <button type="button" className="button link" onClick={dismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

/** Under the list heading: which agreements are listed (the person's this browser is signed in as: server/auth/persons.ts). */
export function AgreementListHint() {
  const t = useT();
  return <p className="muted small list-hint">{t('list.hint')}</p>;
}
