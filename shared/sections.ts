import { SECTION_KIND_DEFS } from './kinds';
import type { AgreementContent } from './render';
import type { SectionTemplate } from './template';

/**
 * The part of an agreement's content that belongs to one section: what a
 * party approves when it approves that section, and what must change for
 * the approval to be cleared. Each kind says which part (`kinds/<kind>.ts`).
 */
export function sectionContent(content: AgreementContent, section: SectionTemplate): unknown {
  // Leaving an annex out changes it; its content, kept in the document, is not what is approved then.
  if (section.optional && content.included?.[section.key] === false) return { excluded: true };
  return SECTION_KIND_DEFS[section.kind].approval(content, section.key);
}
