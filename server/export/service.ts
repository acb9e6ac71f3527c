import type { AgreementTemplate } from '../../shared/template';
import type { VerifyResult } from '../../shared/api';
import { HttpError } from '../errors';
import { sha256 } from '../signing/hash';
import type { AuditLog } from '../store/audit';
import type { Participant } from '../store/participants';
import type { AgreementStore } from '../store/agreements';
import type { VersionStore } from '../store/versions';
import { backfillPagesHashes } from './backfill';
import { agreementDocx } from './docx';
import { exportModel } from './model';
import { reviewPdf } from './pdf';

export interface ExportDeps {
  versions: VersionStore;
  agreements: AgreementStore;
  audit: AuditLog;
  templateOf: (agreementId: string) => AgreementTemplate;
}

/** Copies of the signed agreement, and checking a copy against what was signed. Routes ask the policy first. */
export class ExportService {
  constructor(private readonly d: ExportDeps) {}

  signedPdf(by: Participant): { pdf: Buffer; hash: string; filename: string } {
    const version = this.signedVersion(by.agreementId);
    const pdf = this.d.versions.pdf(version.id);
    if (!pdf || !version.pdfHash) throw new HttpError(409, 'not_signed', 'The signed copy is not available yet.');
    this.d.audit.append(by.agreementId, by.id, 'exported', { format: 'pdf', version: version.number, pdfHash: version.pdfHash });
    return { pdf, hash: version.pdfHash, filename: `agreement-${by.agreementId}-v${version.number}.pdf` };
  }

  async signedDocx(by: Participant): Promise<{ docx: Buffer; filename: string }> {
    const version = this.signedVersion(by.agreementId);
    const docx = await agreementDocx(exportModel(this.d, version, version.signedAt));
    this.d.audit.append(by.agreementId, by.id, 'exported', { format: 'docx', version: version.number });
    return { docx, filename: `agreement-${by.agreementId}-v${version.number}.docx` };
  }

  /** The locked version, to read before signing: generated on demand, marked as not signed, never stored. */
  async reviewPdf(by: Participant): Promise<{ pdf: Buffer; filename: string }> {
    const version = this.d.versions.current(by.agreementId);
    if (!version || version.status !== 'locked') throw new HttpError(409, 'not_locked', 'Only a locked version awaiting signatures has a copy for review.');
    const pdf = await reviewPdf(exportModel(this.d, version, null));
    // Its own action: this copy is not the signed one, and the log must not say it was.
    this.d.audit.append(by.agreementId, by.id, 'review_copy_downloaded', { format: 'pdf', version: version.number, hash: version.hash });
    return { pdf, filename: `agreement-${by.agreementId}-v${version.number}-for-review.pdf` };
  }

  /**
   * Whether a file or a hash matches a signed version: public, since it
   * reveals nothing to someone without the copy. A hash may be any of the
   * fingerprints the certificate prints (the version's, the agreement
   * pages'), or the signed file's own.
   */
  verify(input: { pdf: Uint8Array } | { hash: string }): VerifyResult {
    const hash = 'pdf' in input ? sha256(input.pdf) : input.hash;
    const version = this.d.versions.signedByHash(hash);
    if (!version) return { match: false, hash };
    const agreement = this.d.agreements.get(version.agreementId);
    return {
      match: true,
      matched: version.pdfHash === hash ? 'pdf' : version.pagesHash === hash ? 'pages' : 'version',
      hash,
      agreement: {
        title: agreement?.title ?? '',
        versionNumber: version.number,
        versionHash: version.hash,
        signedAt: version.signedAt,
        signatures: this.d.versions.signatures(version.id).map(({ fullName, title, signedAt }) => ({ fullName, title, signedAt })),
      },
    };
  }

  /** At start: stores the pages fingerprint of versions signed before it was kept, where it can be recomputed exactly. */
  backfillPagesHashes(log: (message: string) => void): Promise<void> {
    return backfillPagesHashes(this.d, log);
  }

  private signedVersion(agreementId: string) {
    const version = this.d.versions.current(agreementId);
    if (!version || version.status !== 'signed') throw new HttpError(409, 'not_signed', 'The agreement is not signed yet.');
    return version;
  }
}
