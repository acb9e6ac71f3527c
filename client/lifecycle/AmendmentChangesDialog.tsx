import { useQuery } from '@tanstack/react-query';
import type { AgreementTemplate } from '../../shared/template';
import { compareWithOriginal, originalRedlineUrl } from '../api/originalCompare';
import { agreementKeys } from '../data/queries';
import { ComparisonSections } from '../history/ComparisonSections';
import { useDates, useT } from '../intl';
import { useLanguage } from '../language';
import { Dialog } from '../signing/Dialog';
import '../history/history.css';

interface Props {
  agreementId: string;
  originalId: string;
  /** The agreement whose signed text this one was prefilled from: the original, or its latest signed amendment then. */
  basedOn: { id: string; title: string; signedAt: string | null };
  heading: string;
  template: AgreementTemplate | undefined;
  onClose: () => void;
}

/**
 * What an amendment changes: the original's signed text against the
 * amendment's current text, section by section, as the drafting history
 * compares versions (changed words marked, unchanged sections collapsed),
 * and the same as a redline to download (PDF, DOCX). Under the history key,
 * so each new version of the amendment refreshes it.
 */
export function AmendmentChangesDialog({ agreementId, originalId, basedOn, heading, template, onClose }: Props) {
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
            {t(basedOn.id === originalId ? 'lifecycle.changesFrom' : 'lifecycle.changesFromAsItStands', {
              title: basedOn.title,
              date: dates.day(basedOn.signedAt ?? cmp.from.createdAt),
            })}
            <br />
            {t('lifecycle.changesTo')}
          </p>
          <p className="small compare-downloads">
            <a className="button small" href={originalRedlineUrl(agreementId, originalId, 'pdf')} download data-testid="amendment-redline-pdf">
              {t('compare.downloadPdf')}
            </a>{' '}
            <a className="button small" href={originalRedlineUrl(agreementId, originalId, 'docx')} download data-testid="amendment-redline-docx">
              {t('compare.downloadDocx')}
            </a>
          </p>
          <ComparisonSections cmp={cmp} title={title} noChanges={t('lifecycle.noChanges')} />
        </div>
      )}
    </Dialog>
  );
}
