import { sha256 } from '../signing/hash';
import type { AuditLog } from '../store/audit';
import type { Version, VersionStore } from '../store/versions';
import type { AgreementTemplate } from '../../shared/template';
import { exportModel } from './model';
import { certifiedPdf, pagesFingerprint } from './pdf';

export interface BackfillDeps {
  versions: VersionStore;
  audit: AuditLog;
  templateOf: (agreementId: string) => AgreementTemplate;
}

/**
 * Versions signed before the pages fingerprint was stored still print it on
 * their certificate. It is recomputed from the version, and kept only if it
 * is provably the printed one: the certificate rebuilt with it reproduces
 * the stored file byte for byte. A file made by an older renderer does not
 * reproduce; it keeps verifying by its own hash and the version's.
 */
export async function backfillPagesHashes(d: BackfillDeps, log: (message: string) => void): Promise<void> {
  for (const version of d.versions.withoutPagesHash()) {
    try {
      const pagesHash = await recoverPagesHash(d, version);
      if (pagesHash) d.versions.setPagesHash(version.id, pagesHash);
      else
        log(
          `agreement ${version.agreementId}: the pages fingerprint of signed version ${version.number} could not be recomputed exactly; only the file's and the version's fingerprints verify`,
        );
    } catch (error) {
      log(
        `agreement ${version.agreementId}: recomputing the pages fingerprint of version ${version.number} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

async function recoverPagesHash(d: BackfillDeps, version: Version): Promise<string | null> {
  if (!version.signedAt || !version.pdfHash) return null;
  const model = exportModel(d, version, version.signedAt);
  const pagesHash = await pagesFingerprint(model);
  // The certificate carries the audit chain head as the PDF was built: just
  // before the 'completed' entry (now) or that entry itself (before).
  const completed = d.audit
    .list(version.agreementId)
    .filter((e) => e.action === 'completed' && e.details['version'] === version.number)
    .at(-1);
  const heads = completed ? [completed.prevHash, completed.hash] : [];
  for (const auditHead of heads) {
    // The certificate is generated at the last signature, which is when the version was marked signed.
    if (sha256(await certifiedPdf({ ...model, auditHead }, pagesHash, version.signedAt)) === version.pdfHash) return pagesHash;
  }
  return null;
}
