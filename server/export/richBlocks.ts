import * as Y from 'yjs';
import { fragmentToText } from '../../shared/render';
import { ZWSP } from '../../shared/suggestions';
import type { Block, Run } from './model';

type Paragraph = Extract<Block, { kind: 'paragraph' }>;
type Node = Y.XmlElement | Y.XmlText;

const children = (node: Y.XmlElement | Y.XmlFragment): Node[] => node.toArray().filter((c): c is Node => c instanceof Y.XmlElement || c instanceof Y.XmlText);

/** The id of a suggestion mark's value (`{id}`, as y-prosemirror stores the mark's attributes), if it is one. */
function markId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>)['id'];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** The runs of a paragraph's text with their marks; a hard break ends a line (as `fragmentToText` reads it). */
function lineRuns(nodes: Node[]): Run[][] {
  const lines: Run[][] = [[]];
  const walk = (n: Node): void => {
    if (n instanceof Y.XmlText) {
      for (const op of n.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string' || op.insert === '') continue;
        const a = op.attributes ?? {};
        const inserted = markId(a['insertion']);
        const deleted = markId(a['deletion']);
        const suggestion = inserted ?? deleted ?? markId(a['modification']);
        // Suggesting mode marks paragraph boundaries with a zero-width space: nothing to print.
        const text = suggestion === undefined ? op.insert : op.insert.replaceAll(ZWSP, '');
        if (text === '') continue;
        const run: Run = { text };
        if (a['bold'] !== undefined) run.bold = true;
        if (a['italic'] !== undefined) run.italic = true;
        if (inserted !== undefined) run.inserted = true;
        if (deleted !== undefined) run.deleted = true;
        if (suggestion !== undefined) run.suggestion = suggestion;
        lines[lines.length - 1]!.push(run);
      }
    } else if (n.nodeName === 'hardBreak') lines.push([]);
    else children(n).forEach(walk);
  };
  nodes.forEach(walk);
  return lines;
}

/** A line as a paragraph block; `runs` only when some of it is bold, italic or suggested, so plain text prints as it always has. */
function paragraphOf(runs: Run[], marker?: { marker: string; level: number }): Paragraph | null {
  const text = runs.map((r) => r.text).join('');
  if (text.trim() === '') return null;
  const block: Paragraph = { kind: 'paragraph', text };
  if (runs.some((r) => r.bold || r.italic || r.suggestion !== undefined)) block.runs = runs;
  if (marker) Object.assign(block, marker);
  return block;
}

/**
 * A rich-text fragment as export blocks: paragraphs with their bold and
 * italic runs, list items with their bullet or number and depth, tables as
 * table blocks (the first row as the header, as Word drafts put it). Text
 * inside an open suggestion is marked inserted or deleted; with `noteOf`,
 * a paragraph holding suggestions is followed by a note naming each one's author.
 */
export function richBlocks(fragment: Y.XmlFragment, noteOf?: (suggestion: string) => string): Block[] {
  const out: Block[] = [];
  const push = (b: Block | null): void => {
    if (!b) return;
    out.push(b);
    if (!noteOf || b.kind !== 'paragraph') return;
    const ids = new Set((b.runs ?? []).flatMap((r) => (r.suggestion === undefined ? [] : [r.suggestion])));
    for (const id of ids) {
      const text = noteOf(id);
      out.push({ kind: 'paragraph', text, runs: [{ text, italic: true }], ...(b.marker === undefined ? {} : { marker: '', level: b.level }) });
    }
  };
  const block = (node: Node, list?: { marker: string; level: number }): void => {
    if (node instanceof Y.XmlText) return lineRuns([node]).forEach((runs) => push(paragraphOf(runs)));
    switch (node.nodeName) {
      case 'bulletList':
      case 'orderedList': {
        const level = list ? list.level + 1 : 0;
        const start = Number(node.getAttribute('start') ?? 1) || 1;
        children(node).forEach((item, i) => {
          const marker = node.nodeName === 'bulletList' ? '•' : `${start + i}.`;
          // The marker goes on the item's first line; its other lines and nested lists follow, indented.
          let first = true;
          for (const child of item instanceof Y.XmlElement ? children(item) : [item]) {
            block(child, { marker: first ? marker : '', level });
            first = false;
          }
        });
        return;
      }
      case 'table': {
        const rows = children(node).map((row) =>
          row instanceof Y.XmlElement ? children(row).map((cell) => (cell instanceof Y.XmlElement ? fragmentToText(cell).replace(/\n/g, ' ') : '')) : [],
        );
        const [header, ...rest] = rows;
        if (header) out.push({ kind: 'table', header, rows: rest.map((cells) => ({ cells })) });
        return;
      }
      case 'paragraph':
      case 'heading':
        lineRuns(children(node)).forEach((runs, i) => push(paragraphOf(runs, list && { marker: i === 0 ? list.marker : '', level: list.level })));
        return;
      default:
        children(node).forEach((c) => block(c, list));
    }
  };
  children(fragment).forEach((c) => block(c));
  return out;
}
