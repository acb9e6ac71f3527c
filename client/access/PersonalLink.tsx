import { useEffect, useRef, useState } from 'react';
import type { ParticipantView } from '../../shared/api';
import { useT } from '../intl';

const fullUrl = (link: string): string => `${window.location.origin}${link}`;

export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (typeof navigator.clipboard?.writeText !== 'function') return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A read-only field holding a link, selected on focus so it is easy to copy by hand. */
export function LinkField({ url, label, testId }: { url: string; label: string; testId: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.select(), []);
  return <input ref={ref} className="link-field" readOnly value={url} aria-label={label} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />;
}

/**
 * A personal link just issued (invitation or new link), ready to copy and
 * send. The server keeps only its hash: once this box is closed, the link
 * can only be replaced, never shown again — so the box says so.
 */
export function NewLink({ person, message, onClose }: { person: ParticipantView; message: string; onClose: () => void }) {
  const t = useT();
  const url = fullUrl(person.link ?? '');
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="new-link" role="status" data-testid="new-link-box" data-participant={person.id}>
      <p>{message}</p>
      <LinkField url={url} label={t('participants.linkFor', { name: person.name })} testId="new-link" />
      <div className="new-link-actions">
        <button
          type="button"
          className="button small primary"
          data-testid="copy-link"
          aria-live="polite"
          onClick={() => void copyToClipboard(url).then(setCopied)}
        >
          {copied ? `✓ ${t('common.copied')}` : t('participants.copyLink')}
        </button>
        <button type="button" className="button link" data-testid="new-link-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {copied === false && (
        <p className="small" data-testid="copy-fallback">
          {t('participants.copyFallback')}
        </p>
      )}
      <p className="small muted">{t('participants.linkWarning')}</p>
      <p className="small muted">{t('participants.linkOnce')}</p>
    </div>
  );
}
