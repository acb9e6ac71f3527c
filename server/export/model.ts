import * as Y from 'yjs';
import type { AgreementContent } from '../../shared/render';
import type { AgreementTemplate } from '../../shared/template';
import type { AuditLog } from '../store/audit';
import type { Signature, Version, VersionStore } from '../store/versions';
import { richBlocks } from './richBlocks';

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
  /** The blocks of a rich-text fragment of this version (by fragment name), with its marks, lists and tables; absent: print the plain text. */
  rich?: (fragment: string) => Block[] | undefined;
}

/** A stretch of text in one style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Inside an open suggestion (suggesting mode): text it would add (underlined) or remove (struck through). */
  inserted?: boolean;
  deleted?: boolean;
  /** The suggestion's id, so its author can be named after the paragraph. */
  suggestion?: string;
}

/** A block of the agreement, in reading order, shared by the PDF and DOCX writers. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  /** `runs` when part of it is bold or italic; `marker` ('•', '2.', or '' for an item's later lines) and `level` in a list. */
  | { kind: 'paragraph'; text: string; spaceBefore?: boolean; runs?: Run[]; marker?: string; level?: number }
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
    rich: richOf(d.versions.state(version.id)),
  };
}

/** Reads rich-text fragments from the version's own Yjs state, once each; `noteOf` names a suggestion's author after its paragraph. */
export function richOf(state: Uint8Array | undefined, noteOf?: (suggestion: string) => string): ExportModel['rich'] {
  if (!state) return undefined;
  let doc: Y.Doc | undefined;
  const cache = new Map<string, Block[]>();
  return (fragment) => {
    if (!doc) {
      doc = new Y.Doc();
      Y.applyUpdate(doc, state);
    }
    let blocks = cache.get(fragment);
    if (!blocks) cache.set(fragment, (blocks = richBlocks(doc.getXmlFragment(fragment), noteOf)));
    return blocks;
  };
}
