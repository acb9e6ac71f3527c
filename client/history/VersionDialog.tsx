import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import type { HistoryEntryView } from '../../shared/historySchemas';
import type { AgreementTemplate, SectionTemplate } from '../../shared/template';
import { restoreVersion } from '../api/history';
import { useAgreementCache } from '../data/cache';
import { errorText } from '../errorText';
import { useDates, useT } from '../intl';
import { useLanguage } from '../language';
import { Dialog } from '../signing/Dialog';
import { versionLabel } from './labels';
import { useVersionState } from './queries';
import { ReadOnlyAgreement } from './ReadOnlyAgreement';

interface VersionDialogProps {
  agreementId: string;
  version: HistoryEntryView;
  template: AgreementTemplate | undefined;
  /** An editor, while in draft: restore the whole version or one section. */
  canRestore: boolean;
  onClose: () => void;
}

/** One version, opened read-only from its own Yjs state; an editor may restore it, or one of its sections. */
export function VersionDialog({ agreementId, version, template, canRestore, onClose }: VersionDialogProps) {
  const t = useT();
  const dates = useDates();
  const { lang } = useLanguage();
  const cache = useAgreementCache(agreementId);
  const state = useVersionState(agreementId, version.id);
  const doc = useMemo(() => {
    if (!state.data) return null;
    const d = new Y.Doc();
    Y.applyUpdate(d, state.data);
    return d;
  }, [state.data]);
  useEffect(() => () => doc?.destroy(), [doc]);
  // What is about to be restored (null: nothing asked; undefined section: the whole version).
  const [confirming, setConfirming] = useState<{ section?: SectionTemplate } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = (section?: SectionTemplate): void => {
    setBusy(true);
    setError(null);
    restoreVersion(agreementId, version.id, section?.key).then(
      () => {
        cache.refreshHistory();
        onClose();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  const sectionAction = canRestore
    ? (s: SectionTemplate) => (
        <button type="button" className="button link small" onClick={() => setConfirming({ section: s })} data-testid="restore-section">
          {t('history.restoreSection')}
        </button>
      )
    : undefined;

  return (
    <Dialog title={versionLabel(t, version)} onClose={onClose} wide testId="version-dialog">
      <p className="small muted">{t('history.readOnly', { n: version.number, date: dates.dayTime(version.createdAt) })}</p>
      {canRestore && !confirming && (
        <p>
          <button type="button" className="button" onClick={() => setConfirming({})} data-testid="restore-version">
            {t('history.restore')}
          </button>
        </p>
      )}
      {confirming && (
        <div className="notice history-confirm" role="alertdialog">
          <p>
            {confirming.section
              ? t('history.restoreSectionConfirm', { n: version.number, section: confirming.section.title[lang] })
              : t('history.restoreConfirm', { n: version.number })}
          </p>
          <button type="button" className="button primary" disabled={busy} onClick={() => restore(confirming.section)} data-testid="restore-confirm">
            {t('history.restoreYes')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {state.isError && <p className="error">{t('history.loadFailed')}</p>}
      {!doc && !state.isError && <p className="muted">{t('compare.loading')}</p>}
      {doc && template && <ReadOnlyAgreement doc={doc} template={template} sectionAction={sectionAction} />}
    </Dialog>
  );
}
