import * as Y from 'yjs';
import type { AgreementTemplate, SectionTemplate } from './template';

/**
 * Which optional sections (annexes) an agreement includes. A Y.Map
 * `included` of section key → boolean, written by the editors; a key not
 * set falls back to the template's default, so an agreement made before a
 * template gained an optional section reads it at its default.
 */
export const INCLUDED = 'included';

export const getIncluded = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(INCLUDED);

export function isIncludedIn(doc: Y.Doc, section: SectionTemplate): boolean {
  if (!section.optional) return true;
  const value = getIncluded(doc).get(section.key);
  return typeof value === 'boolean' ? value : section.optional.included;
}

/** The inclusion of every optional section, by key; undefined when the template has none (its content stays as it was). */
export function readIncluded(doc: Y.Doc, template: AgreementTemplate): Record<string, boolean> | undefined {
  const optional = template.sections.filter((s) => s.optional);
  if (optional.length === 0) return undefined;
  return Object.fromEntries(optional.map((s) => [s.key, isIncludedIn(doc, s)]));
}

/** The sections in effect: the template's, minus the optional ones the agreement leaves out. */
export function activeSections(template: AgreementTemplate, content: { included?: Record<string, boolean> }): SectionTemplate[] {
  return template.sections.filter((s) => !s.optional || (content.included?.[s.key] ?? s.optional.included));
}
