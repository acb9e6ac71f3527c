import { Link } from '../router';
import { useT } from '../intl';
import './signing.css';

/** The way to the public verify page, for the top bar. */
export function VerifyLink() {
  const t = useT();
  return (
    <Link href="/verify" className="verify-link" data-testid="verify-link">
      <span aria-hidden="true">✓ </span>
      {t('verify.link')}
    </Link>
  );
}
