import { useMemo } from 'react';
import type { ThreadView } from '../../shared/api';
import { readRaci } from '../../shared/raci';
import { isReady } from '../../shared/readiness';
import { findSuggestions } from '../../shared/suggestions';
import { useThreads } from '../data/queries';
import { usePartyNames } from '../editor/usePartyNames';
import { useT } from '../intl';
import { useLanguage } from '../language';
import { describeMissing, type DescribeContext } from './describe';
import { LegalReviewCheck } from './LegalReviewCheck';
import { MissingList } from './MissingList';
import { useStatusCard } from './StatusCardContext';

/** The threads by id, for the checklist to say where the open ones it names are (from the shared cache). */
function useThreadsById(agreementId: string): ReadonlyMap<string, ThreadView> {
  const { data } = useThreads(agreementId);
  return useMemo(() => new Map((data ?? []).map((x) => [x.id, x])), [data]);
}

/** The readiness checklist of a draft, live: each check, and what it still misses. */
export function Checklist() {
  const { signing, status, template } = useStatusCard();
  const t = useT();
  const { lang } = useLanguage();
  const parties = usePartyNames(signing.doc);
  const threads = useThreadsById(signing.agreementId);
  const taskName = (key: string, taskId: string): string =>
    readRaci(signing.doc, key)
      .tasks.find((x) => x.id === taskId)
      ?.name.trim() ?? '';
  // Read again with each status (refetched after every stored edit), to say what each open suggestion changes.
  const suggestions = useMemo(
    () =>
      new Map(template && status.checklist.some((c) => c.key === 'suggestions' && !c.ok) ? findSuggestions(signing.doc, template).map((s) => [s.id, s]) : []),
    [signing.doc, template, status],
  );
  const ctx: DescribeContext = { t, lang, template, parties, unnamedParty: t('party.unnamed'), threads, taskName, suggestions };
  const ready = isReady(status.checklist);
  return (
    <div className="checklist-block">
      <h3 className="status-subheading">{t('signing.readinessHeading')}</h3>
      <ul className="checklist" data-testid="checklist" data-ready={ready}>
        {status.checklist.map((check) => {
          const missing = describeMissing(check, ctx);
          return (
            <li key={check.key} className={`check ${check.ok ? 'check-ok' : 'check-todo'}`} data-check={check.key} data-ok={check.ok}>
              <span className="check-mark" aria-label={check.ok ? t('signing.checkOk') : t('signing.checkMissing')} role="img">
                {check.ok ? '✓' : ''}
              </span>
              <div className="check-body">
                <span className="check-label">
                  {check.key === 'suggestions' ? t('signing.check.suggestions', { n: check.missing.length }) : t(`signing.check.${check.key}`)}
                </span>
                {missing.length > 0 && <MissingList items={missing} />}
                {check.key === 'legalReview' && <LegalReviewCheck />}
              </div>
            </li>
          );
        })}
      </ul>
      {ready && <p className="small ok-text">{t('signing.readyAll')}</p>}
    </div>
  );
}
