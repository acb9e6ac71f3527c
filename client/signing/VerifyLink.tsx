import { Link } from '../router';
import { useSigningText } from './strings';
import './signing.css';

/** The way to the public verify page, for the top bar. */
export function VerifyLink() {
  const { s } = useSigningText();
  return (
    <Link href="/verify" className="verify-link" data-testid="verify-link">
      <span aria-hidden="true">✓ </span>
      {s.verifyLink}
    </Link>
  );
}
