import type { AgreementContent } from '../../shared/render';
import type { AgreementTemplate } from '../../shared/template';
import type { AuditLog } from '../store/audit';
import type { Signature, Version, VersionStore } from '../store/versions';

/** Everything an export prints: the agreement as locked, and how it was signed. */
export interface ExportModel {
  agreementId: string;
  template: AgreementTemplate;
  content: AgreementContent;
  versionNumber: number;
  versionHash: string;
  lockedAt: string;
  signatures: Signature[];
  inForceFrom: string | null;
  auditHead: string;
}

/** A block of the agreement, in reading order, shared by the PDF and DOCX writers. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string; spaceBefore?: boolean }
  | { kind: 'signature'; organisation: string; lines: string[] }
  /** A table (the RACI matrix, the budget): a header row, then rows; a bold row is a total. */
  | { kind: 'table'; header: string[]; rows: { cells: string[]; bold?: boolean }[] };

/**
 * The export model of a locked version: its canonical content, the
 * signatures so far and the audit chain head as of now. `inForceFrom` is the
 * last signature's time once everyone signed, null before.
 */
export function exportModel(
  d: { versions: VersionStore; audit: AuditLog; templateOf: (agreementId: string) => AgreementTemplate },
  version: Version,
  inForceFrom: string | null,
): ExportModel {
  const id = version.agreementId;
  return {
    agreementId: id,
    template: d.templateOf(id),
    content: JSON.parse(version.canonical) as AgreementContent,
    versionNumber: version.number,
    versionHash: version.hash,
    lockedAt: version.lockedAt,
    signatures: d.versions.signatures(version.id),
    inForceFrom,
    auditHead: d.audit.head(id),
  };
}
