import { useState } from 'react';
import type { HistoryEntryView } from '../../shared/historySchemas';
import type { AgreementTemplate } from '../../shared/template';
import { useMe, useStatus } from '../data/queries';
import { useT } from '../intl';
import { CompareDialog } from './CompareDialog';
import { CompareForm } from './CompareForm';
import { HistoryItem } from './HistoryItem';
import { NameVersionForm } from './NameVersionForm';
import { useHistory } from './queries';
import { VersionDialog } from './VersionDialog';
import './history.css';

export interface HistoryPanelProps {
  agreementId: string;
  template: AgreementTemplate | undefined;
}

type Open = { view: 'version'; version: HistoryEntryView } | { view: 'compare'; from: string; to: string } | null;

/**
 * The drafting history in the side column: versions newest first (live:
 * the `history` event refetches the list), named ones only on demand, the
 * two shortcuts, naming the current state, and opening or comparing any
 * version.
 */
export function HistoryPanel({ agreementId, template }: HistoryPanelProps) {
  const t = useT();
  const history = useHistory(agreementId);
  const me = useMe(agreementId).data;
  const status = useStatus(agreementId).data?.status;
  const [namedOnly, setNamedOnly] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const list = history.data;
  const versions = (list?.versions ?? []).filter((v) => !namedOnly || v.kind === 'named');
  const canName = me?.can.edit === true;
  const canRestore = canName && status === 'draft';
  const compare = (from: string, to = 'current'): void => setOpen({ view: 'compare', from, to });
  return (
    <section className="side-card history-card" aria-labelledby="history-heading" data-testid="history-panel">
      <h2 id="history-heading">{t('history.heading')}</h2>
      {history.isError && !list && (
        <p className="error small">
          {t('history.loadFailed')}{' '}
          <button type="button" className="button link" onClick={() => void history.refetch()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {list && (
        <>
          <div className="history-shortcuts">
            <button
              type="button"
              className="button small"
              disabled={!list.lastSeenId}
              onClick={() => list.lastSeenId && compare(list.lastSeenId)}
              data-testid="since-visit"
            >
              {t('history.sinceVisit')}
            </button>
            <button
              type="button"
              className="button small"
              disabled={!list.lastNamedId}
              onClick={() => list.lastNamedId && compare(list.lastNamedId)}
              data-testid="since-sent"
            >
              {t('history.sinceSent')}
            </button>
          </div>
          {canName && <NameVersionForm agreementId={agreementId} />}
          <label className="history-filter small">
            <input type="checkbox" checked={namedOnly} onChange={(e) => setNamedOnly(e.target.checked)} data-testid="named-only" /> {t('history.namedOnly')}
          </label>
          {versions.length === 0 ? (
            <p className="muted small">{t('history.empty')}</p>
          ) : (
            <ol className="history-list" data-testid="history-list">
              {versions.map((v) => (
                <HistoryItem
                  key={v.id}
                  version={v}
                  template={template}
                  onOpen={() => setOpen({ view: 'version', version: v })}
                  onCompare={() => compare(v.id)}
                />
              ))}
            </ol>
          )}
          {list.versions.length > 1 && <CompareForm versions={list.versions} onCompare={compare} />}
        </>
      )}
      {open?.view === 'version' && (
        <VersionDialog agreementId={agreementId} version={open.version} template={template} canRestore={canRestore} onClose={() => setOpen(null)} />
      )}
      {open?.view === 'compare' && <CompareDialog agreementId={agreementId} from={open.from} to={open.to} template={template} onClose={() => setOpen(null)} />}
    </section>
  );
}
