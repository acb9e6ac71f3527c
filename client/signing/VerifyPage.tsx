import { useEffect, useId, useState, type DragEvent } from 'react';
import type { VerifyResult } from '../../shared/api';
// The REST client (and zod with it) loads when a check is asked for, not with the page.
const api = () => import('../api');
import { errorText } from '../errorText';
import { Link } from '../router';
import { Fingerprint } from './Fingerprint';
import { useDates, useT } from '../intl';
import './signing.css';

type Check =
  { state: 'idle' } | { state: 'checking'; what: string } | { state: 'done'; what: string; result: VerifyResult } | { state: 'failed'; message: string };

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
      setCheck({ state: 'done', what, result: await call() });
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
        {check.state === 'done' && <VerifyOutcome result={check.result} what={check.what} />}
      </div>
    </main>
  );
}

function VerifyOutcome({ result, what }: { result: VerifyResult; what: string }) {
  const t = useT();
  const dates = useDates();
  const a = result.agreement;
  return (
    <section
      className={`card verify-result ${result.match ? 'is-match' : 'no-match'}`}
      data-testid="verify-result"
      data-match={result.match}
      data-matched={result.matched}
    >
      <p className="verify-verdict">
        <span className="verdict-mark" aria-hidden="true">
          {result.match ? '✓' : '✗'}
        </span>
        <strong>{result.match ? t('verify.match') : t('verify.noMatch')}</strong>
      </p>
      {!result.match && <p className="small">{t('verify.noMatchHelp')}</p>}
      {result.match && result.matched && (
        <p className="small" data-testid="verify-matched">
          {{ pdf: t('verify.matchPdf'), version: t('verify.matchVersion'), pages: t('verify.matchPages'), json: t('verify.matchJson') }[result.matched]}
        </p>
      )}
      {a && (
        <dl className="sign-facts">
          <dt>{t('signing.agreement')}</dt>
          <dd data-testid="verify-title">{a.title}</dd>
          <dt>{t('signing.version', { n: a.versionNumber })}</dt>
          <dd>
            <Fingerprint hash={a.versionHash} />
          </dd>
          {a.signedAt && (
            <>
              <dt>{t('signing.signed')}</dt>
              <dd>{t('verify.signedOn', { date: dates.day(a.signedAt) })}</dd>
            </>
          )}
          <dt>{t('signing.signatures')}</dt>
          <dd>
            <ul className="plain-list" data-testid="verify-signatures">
              {a.signatures.map((sig, i) => (
                <li key={i}>
                  <strong>{sig.fullName}</strong>, {sig.title} <span className="muted small">— {dates.dayTime(sig.signedAt)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
      <p className="muted small verify-checked">
        {t('common.labelColon', { label: t('verify.checked') })} {what !== result.hash && <span>{what} — </span>}
        <Fingerprint hash={result.hash} />
      </p>
    </section>
  );
}
