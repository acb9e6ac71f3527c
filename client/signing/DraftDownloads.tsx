import { draftUrl } from '../api/exports';
import { useT } from '../intl';
import { useStatusCard } from './StatusCardContext';

/** While drafting: the draft as it stands, open suggestions marked with their authors, to read or send round (PDF or Word). */
export function DraftDownloads() {
  const { signing } = useStatusCard();
  const t = useT();
  return (
    <p className="small draft-downloads" data-testid="draft-downloads">
      {t('signing.downloadDraft')}{' '}
      <a href={draftUrl(signing.agreementId, 'pdf')} download data-testid="download-draft-pdf">
        {t('signing.draftPdf')}
      </a>
      {' · '}
      <a href={draftUrl(signing.agreementId, 'docx')} download data-testid="download-draft-docx">
        {t('signing.draftDocx')}
      </a>
    </p>
  );
}
