import { useQuery } from '@tanstack/react-query';
import type { AgreementTemplate } from '../../shared/template';
import { compareWithOriginal } from '../api';
import { agreementKeys } from '../data/queries';
import { ComparisonSections } from '../history/ComparisonSections';
import { useDates, useT } from '../intl';
import { useLanguage } from '../language';
import { Dialog } from '../signing/Dialog';
import '../history/history.css';

interface Props {
  agreementId: string;
  originalId: string;
  originalTitle: string;
  heading: string;
  template: AgreementTemplate | undefined;
  onClose: () => void;
}

/**
 * What an amendment changes: the original's signed text against the
 * amendment's current text, section by section, as the drafting history
 * compares versions (changed words marked, unchanged sections collapsed).
 * Under the history key, so each new version of the amendment refreshes it.
 */
export function AmendmentChangesDialog({ agreementId, originalId, originalTitle, heading, template, onClose }: Props) {
  const t = useT();
  const dates = useDates();
  const { lang } = useLanguage();
  const query = useQuery({
    queryKey: [...agreementKeys.history(agreementId), 'original', originalId] as const,
    queryFn: ({ signal }) => compareWithOriginal(agreementId, originalId, signal),
  });
  const cmp = query.data;
  const title = (key: string): string => template?.sections.find((s) => s.key === key)?.title[lang] ?? key;
  return (
    <Dialog title={heading} onClose={onClose} wide testId="amendment-changes">
      {query.isError && <p className="error">{t('compare.failed')}</p>}
      {!cmp && !query.isError && <p className="muted">{t('compare.loading')}</p>}
      {cmp && (
        <div className="compare-body">
          <p className="small compare-sides">
            {t('lifecycle.changesFrom', { title: originalTitle, date: dates.day(cmp.from.createdAt) })}
            <br />
            {t('lifecycle.changesTo')}
          </p>
          <ComparisonSections cmp={cmp} title={title} noChanges={t('lifecycle.noChanges')} />
        </div>
      )}
    </Dialog>
  );
}
