import { useT } from './intl';
import { useLanguage } from './language';
import { Link } from './router';
import { VerifyLink } from './signing/VerifyLink';

/** Where the open agreement shows who you are on it (see client/access/MeBadge.tsx). */
export const HEADER_ME_SLOT = 'topbar-me';

export function Header() {
  const t = useT();
  const { lang, setLang } = useLanguage();
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          E
        </span>
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </Link>
      <div className="topbar-actions">
        <VerifyLink />
        <div id={HEADER_ME_SLOT} className="topbar-me" />
        <button
          type="button"
          className="lang-toggle"
          data-testid="lang-toggle"
          aria-label={t('app.switchLanguage')}
          lang={lang === 'fr' ? 'en' : 'fr'}
          onClick={() => setLang(lang === 'fr' ? 'en' : 'fr')}
        >
          {lang === 'fr' ? 'EN' : 'FR'}
        </button>
      </div>
    </header>
  );
}
