import type { AgreementTemplate } from '../../shared/template';
import { exportModel, type ExportModel } from '../export/model';
import { signedPdf } from '../export/pdf';
import type { AuditLog } from '../store/audit';
import type { Version, VersionStore } from '../store/versions';
import { failpoint } from './failpoint';
import { sha256 } from './hash';

/** Builds the signed PDF of a model; injectable so a test can hold it and make a race deterministic. */
export type PdfBuilder = (model: ExportModel, generatedAt: string) => Promise<{ pdf: Buffer; pagesHash: string }>;

export interface CompletionDeps {
  versions: VersionStore;
  audit: AuditLog;
  templateOf: (agreementId: string) => AgreementTemplate;
  buildPdf?: PdfBuilder;
  log?: (message: string) => void;
}

/**
 * Everyone recorded has signed: the agreement is in force from the last
 * signature, which is already committed (with its 'signed' audit entry).
 * The PDF is built from that, then ONE transaction marks the version signed
 * with the PDF and its hash — only if it is still locked —, logs
 * 'completed' and sets the agreement's status. A cancel that landed while
 * the PDF was being built wins: nothing of the completion is written.
 * A crash before that transaction leaves a version that `awaitingCompletion`
 * finds at the next start.
 *
 * The certificate carries the audit chain head as the PDF is built: an entry
 * that exists (the last signature's, unless something was logged since).
 * 'completed' comes after it and names the PDF's hash, so the chain covers
 * the file too.
 *
 * Returns whether this call completed the version.
 */
export async function completeVersion(d: CompletionDeps, version: Version, lastSignature: string): Promise<boolean> {
  const log = d.log ?? (() => undefined);
  await failpoint('before-complete', log);
  const id = version.agreementId;
  // pagesHash: the certificate prints it, so it is stored for the verify page like the file's own hash.
  const { pdf, pagesHash } = await (d.buildPdf ?? signedPdf)(exportModel(d, version, lastSignature), lastSignature);
  const pdfHash = sha256(pdf);
  return d.versions.transaction(() => {
    if (!d.versions.markSigned(version.id, lastSignature, pdf, pdfHash, pagesHash)) return false;
    d.audit.append(id, null, 'completed', { version: version.number, hash: version.hash, inForceFrom: lastSignature, pdfHash, pagesHash });
    d.versions.setStatus(id, 'signed');
    return true;
  });
}
