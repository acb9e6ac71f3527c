import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { canonicalJson } from '../../shared/canonical';
import { readAgreement, type AgreementContent } from '../../shared/render';
import { sectionContent } from '../../shared/sections';
import type { AgreementTemplate, SectionTemplate } from '../../shared/template';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** What a party approves: the canonical JSON of the section's content. */
export const sectionHash = (content: AgreementContent, section: SectionTemplate): string => sha256(canonicalJson(sectionContent(content, section)));

/** The locked version: its Yjs state, its canonical JSON and the SHA-256 signatures are bound to. */
export function versionOf(doc: Y.Doc, template: AgreementTemplate): { state: Uint8Array; content: AgreementContent; canonical: string; hash: string } {
  const content = readAgreement(doc, template);
  const canonical = canonicalJson(content);
  return { state: Y.encodeStateAsUpdate(doc), content, canonical, hash: sha256(canonical) };
}
