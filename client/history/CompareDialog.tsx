import type { CompareSideView } from '../../shared/historySchemas';
import type { AgreementTemplate } from '../../shared/template';
import { redlineUrl } from '../api/history';
import { useDates, useT } from '../intl';
import { useLanguage } from '../language';
import { Dialog } from '../signing/Dialog';
import { versionLabel } from './labels';
import { useComparison } from './queries';
import { ComparisonSections } from './ComparisonSections';

interface CompareDialogProps {
  agreementId: string;
  from: string;
  to: string;
  template: AgreementTemplate | undefined;
  onClose: () => void;
}

/** Two versions compared section by section; unchanged sections collapse into one line. */
export function CompareDialog({ agreementId, from, to, template, onClose }: CompareDialogProps) {
  const t = useT();
  const dates = useDates();
  const { lang } = useLanguage();
  const query = useComparison(agreementId, from, to);
  const cmp = query.data;
  const title = (key: string): string => template?.sections.find((s) => s.key === key)?.title[lang] ?? key;
  const side = (s: CompareSideView) => (
    <span>
      <strong>{versionLabel(t, s)}</strong> · {dates.dayTime(s.createdAt)} · <code title={s.hash}>{s.hash.slice(0, 12)}</code>
    </span>
  );
  return (
    <Dialog title={t('compare.title')} onClose={onClose} wide testId="compare-dialog">
      {query.isError && <p className="error">{t('compare.failed')}</p>}
      {!cmp && !query.isError && <p className="muted">{t('compare.loading')}</p>}
      {cmp && (
        <div className="compare-body">
          <p className="small compare-sides">
            {t('history.from')} {side(cmp.from)}
            <br />
            {t('history.to')} {side(cmp.to)}
          </p>
          <p className="small compare-downloads">
            <a className="button small" href={redlineUrl(agreementId, from, to, 'pdf')} download data-testid="redline-pdf">
              {t('compare.downloadPdf')}
            </a>{' '}
            <a className="button small" href={redlineUrl(agreementId, from, to, 'docx')} download data-testid="redline-docx">
              {t('compare.downloadDocx')}
            </a>
          </p>
          <ComparisonSections cmp={cmp} title={title} noChanges={t('compare.noChanges')} />
        </div>
      )}
    </Dialog>
  );
}
