import { useState } from 'react';
import { useT } from '../intl';

/** Groups of eight characters: easier to read aloud and compare with a printed copy. */
export const groupHash = (hash: string): string => hash.match(/.{1,8}/g)?.join(' ') ?? hash;

/** A SHA-256 fingerprint, grouped for reading, with a copy button. `data-hash` holds it whole. */
export function Fingerprint({ hash, testId, short }: { hash: string; testId?: string; short?: boolean }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    void navigator.clipboard?.writeText(hash).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => undefined,
    );
  };
  return (
    <span className="fingerprint" data-testid={testId} data-hash={hash}>
      <code title={hash} aria-label={t('signing.fingerprintOf', { hash })}>
        {short ? `${hash.slice(0, 16)}…` : groupHash(hash)}
      </code>
      <button type="button" className="button link copy-button" onClick={copy}>
        {copied ? t('common.copied') : t('common.copy')}
      </button>
    </span>
  );
}
