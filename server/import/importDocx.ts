import mammoth from 'mammoth';
import * as Y from 'yjs';
import { IMPORTED, fragmentName, hasSharedText } from '../../shared/schema';
import type { AgreementTemplate, SectionTemplate } from '../../shared/template';
import { HttpError } from '../errors';
import { unpackDocx } from './container';
import { matchHeading } from './headings';
import { parseHtml, textOf, type HtmlNode } from './html';
import { blockOf } from './toYjs';

export interface ImportSummary {
  /** Headings matched to a section, in document order. */
  matched: { heading: string; section: string }[];
  /** Headings that went to "Imported, to sort" (and the text before the first heading, as ''). */
  unsorted: string[];
}

export interface ConvertedDocx {
  summary: ImportSummary;
  /** Writes the converted text into a new agreement's document (inside its creation transaction). */
  apply: (doc: Y.Doc) => void;
}

interface Group {
  section: SectionTemplate | null;
  heading: HtmlNode | null;
  blocks: HtmlNode[];
}

/**
 * A Word draft into the chosen template: converted with mammoth (headings,
 * paragraphs, bold, italics, lists, tables), then cut at its headings. A
 * heading that names a section with shared text sends what follows into
 * that section (replacing the template's example clauses); anything else —
 * the text before the first heading, an unknown heading, a section filled
 * per party or as a table — goes to the "Imported, to sort" area, heading
 * included, for the editors to move.
 */
export async function convertDocx(file: Buffer, template: AgreementTemplate): Promise<ConvertedDocx> {
  unpackDocx(file);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: file })).value;
  } catch {
    throw new HttpError(415, 'docx_invalid', 'Not a Word .docx file: it could not be read.');
  }
  const groups: Group[] = [{ section: null, heading: null, blocks: [] }];
  for (const node of parseHtml(html).children) {
    if (typeof node === 'string') continue;
    if (/^h[1-6]$/.test(node.tag)) {
      const section = matchHeading(template, textOf(node)) ?? null;
      groups.push({ section: section && hasSharedText(section.kind) ? section : null, heading: node, blocks: [] });
    } else groups[groups.length - 1]?.blocks.push(node);
  }
  const summary: ImportSummary = { matched: [], unsorted: [] };
  for (const g of groups) {
    if (g.heading === null) {
      if (g.blocks.length > 0) summary.unsorted.push('');
    } else if (g.section) summary.matched.push({ heading: textOf(g.heading).trim(), section: g.section.key });
    else summary.unsorted.push(textOf(g.heading).trim());
  }
  const apply = (doc: Y.Doc): void => {
    const cleared = new Set<string>();
    for (const g of groups) {
      const target = g.section ? doc.getXmlFragment(fragmentName(g.section.key)) : doc.getXmlFragment(IMPORTED);
      if (g.section && !cleared.has(g.section.key)) {
        // The draft's own text replaces the template's example clauses.
        if (target.length > 0) target.delete(0, target.length);
        cleared.add(g.section.key);
      }
      const nodes = [...(g.section || g.heading === null ? [] : [g.heading]), ...g.blocks];
      const blocks = nodes.map(blockOf).filter((b): b is Y.XmlElement => b !== null);
      if (blocks.length > 0) target.push(blocks);
    }
  };
  return { summary, apply };
}
