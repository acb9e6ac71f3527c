import { lazy, Suspense, useEffect, useId, useState, type DragEvent } from 'react';
import type { VerifyResult } from '../../shared/api';
import { errorText } from '../errorText';
import { Link } from '../router';
import { useT } from '../intl';
import './signing.css';

type Check =
  { state: 'idle' } | { state: 'checking'; what: string } | { state: 'done'; what: string; result: VerifyResult } | { state: 'failed'; message: string };

// The REST client (and zod with it) and the result's view load when a check is asked for, not with the page.
const api = () => import('../api/verify');
const loadOutcome = () => import('./VerifyOutcome');
const VerifyOutcome = lazy(async () => ({ default: (await loadOutcome()).VerifyOutcome }));

const HASH = /^[0-9a-f]{64}$/;

/**
 * /verify — public: anyone holding a copy checks it against what was signed,
 * by uploading the PDF or pasting a fingerprint. No session needed.
 */
export function VerifyPage() {
  const t = useT();
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [hash, setHash] = useState('');
  const [hashError, setHashError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileId = useId();
  const hashId = useId();

  useEffect(() => {
    document.title = t('app.titleWith', { title: t('verify.title') });
  }, [t]);

  const run = async (what: string, call: () => Promise<VerifyResult>): Promise<void> => {
    setCheck({ state: 'checking', what });
    try {
      // The view is fetched beside the answer, so the result shows as soon as it is in.
      const [result] = await Promise.all([call(), loadOutcome()]);
      setCheck({ state: 'done', what, result });
    } catch (err) {
      setCheck({ state: 'failed', message: errorText(t, err, t('verify.failed')) });
    }
  };

  const checkFile = (file: File | undefined): void => {
    // The signed JSON copy is checked like the PDF: the server hashes its canonical form.
    const isJson = file?.type === 'application/json' || file?.name.toLowerCase().endsWith('.json');
    if (file) void run(file.name, async () => (isJson ? (await api()).verifyJsonCopy(file) : (await api()).verifyPdf(file)));
  };

  const checkHash = (): void => {
    const clean = hash.replace(/\s+/g, '').toLowerCase();
    if (!HASH.test(clean)) {
      setHashError(t('verify.hashInvalid'));
      return;
    }
    setHashError(null);
    void run(clean, async () => (await api()).verifyHash(clean));
  };

  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setDragging(false);
    checkFile(event.dataTransfer.files[0]);
  };

  return (
    <main className="page narrow verify-page" data-testid="verify-page">
      <Link href="/" className="back-link">
        ← {t('app.back')}
      </Link>
      <h1>{t('verify.title')}</h1>
      <p className="muted">{t('verify.intro')}</p>

      <section className="card verify-card">
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={fileId} className="drop-label">
            <strong>{t('verify.file')}</strong>
            <span className="muted small">{t('verify.fileHelp')}</span>
          </label>
          <input
            id={fileId}
            type="file"
            accept="application/pdf,.pdf,application/json,.json"
            data-testid="verify-file"
            onChange={(e) => {
              checkFile(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </div>
        <p className="verify-or">
          <span>{t('verify.or')}</span>
        </p>
        <form
          className="verify-hash-form"
          onSubmit={(e) => {
            e.preventDefault();
            checkHash();
          }}
        >
          <label className="field" htmlFor={hashId}>
            <span>{t('verify.hash')}</span>
          </label>
          <div className="hash-row">
            <input
              id={hashId}
              name="hash"
              className="hash-input"
              data-testid="verify-hash"
              value={hash}
              spellCheck={false}
              autoComplete="off"
              placeholder="e3b0c442 98fc1c14 …"
              aria-describedby={`${hashId}-help`}
              onChange={(e) => setHash(e.target.value)}
            />
            <button type="submit" className="button primary" disabled={check.state === 'checking'}>
              {t('verify.check')}
            </button>
          </div>
          <p id={`${hashId}-help`} className={hashError ? 'error small' : 'muted small'}>
            {hashError ?? t('verify.hashHelp')}
          </p>
        </form>
      </section>

      <div aria-live="polite">
        {check.state === 'checking' && <p className="muted">{t('verify.checking')}</p>}
        {check.state === 'failed' && (
          <p className="error" role="alert">
            {check.message}
          </p>
        )}
        {check.state === 'done' && (
          <Suspense fallback={<p className="muted">{t('verify.checking')}</p>}>
            <VerifyOutcome result={check.result} what={check.what} />
          </Suspense>
        )}
      </div>
    </main>
  );
}
