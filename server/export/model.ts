import type { AgreementContent } from '../../shared/render';
import type { AgreementTemplate } from '../../shared/template';
import type { Signature } from '../store/versions';

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
  | { kind: 'paragraph'; text: string }
  | { kind: 'signature'; organisation: string; lines: string[] };
