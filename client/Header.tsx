import { useI18n } from './i18n';
import { useIdentity, initials } from './identity';
import { Link } from './router';
import { VerifyLink } from './signing/VerifyLink';

export function Header({ onRename }: { onRename: () => void }) {
  const { t, lang, setLang } = useI18n();
  const { name, color } = useIdentity();
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">E</span>
        <span className="brand-name">{t.appName}</span>
        <span className="brand-tagline">{t.tagline}</span>
      </Link>
      <div className="topbar-actions">
        <VerifyLink />
        {name !== '' && (
          <button type="button" className="me" onClick={onRename} title={t.changeName} data-testid="me">
            <span className="avatar small" style={{ backgroundColor: color }} aria-hidden="true">
              {initials(name)}
            </span>
            <span className="me-name">{name}</span>
          </button>
        )}
        <button
          type="button"
          className="lang-toggle"
          data-testid="lang-toggle"
          aria-label={t.switchLanguageLabel}
          lang={lang === 'fr' ? 'en' : 'fr'}
          onClick={() => setLang(lang === 'fr' ? 'en' : 'fr')}
        >
          {lang === 'fr' ? 'EN' : 'FR'}
        </button>
      </div>
    </header>
  );
}
