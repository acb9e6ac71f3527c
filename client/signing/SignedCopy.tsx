import { exportUrl } from '../api/exports';
import { useDates, useT } from '../intl';
import { useStatusCard } from './StatusCardContext';

/** Once everyone signed: since when the agreement is in force, and the signed PDF and DOCX. */
export function SignedCopy() {
  const { signing, status } = useStatusCard();
  const t = useT();
  const dates = useDates();
  return (
    <div className="signed-copy" data-testid="signed-copy">
      <p className="in-force" data-testid="in-force-from">
        {t('signing.inForceFrom', { date: dates.day(status.inForceFrom) })}
      </p>
      <h3 className="status-subheading">{t('signing.downloadsHeading')}</h3>
      <div className="download-buttons">
        <a className="button primary" href={exportUrl(signing.agreementId, 'pdf')} download data-testid="download-pdf">
          {t('signing.downloadPdf')}
        </a>
        <a className="button" href={exportUrl(signing.agreementId, 'docx')} download data-testid="download-docx">
          {t('signing.downloadDocx')}
        </a>
      </div>
      <p className="muted small">{t('signing.keepCopy')}</p>
    </div>
  );
}
