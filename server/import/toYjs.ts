import * as Y from 'yjs';
import type { HtmlNode } from './html';

/**
 * HTML blocks as the rich-text editor's nodes in a Y.XmlFragment, the way
 * y-prosemirror stores them: element names are Tiptap's node names, marks
 * are attributes of the text runs (`bold`, `italic`).
 */
type Marks = Record<string, object>;

const MARKS: Record<string, string> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', s: 'strike', u: 'underline' };

type Segment = { text: string; marks: Marks } | { br: true };

/** Inline content as text segments with their marks, and line breaks. */
function segments(nodes: (HtmlNode | string)[], marks: Marks = {}, out: Segment[] = []): Segment[] {
  for (const n of nodes) {
    if (typeof n === 'string') {
      const text = n.replace(/\s+/g, ' ');
      if (text !== '') out.push({ text, marks });
    } else if (n.tag === 'br') out.push({ br: true });
    else {
      const mark = MARKS[n.tag];
      segments(n.children, mark ? { ...marks, [mark]: {} } : marks, out);
    }
  }
  return out;
}

/**
 * Inline content into a block element: one text node per run between line
 * breaks, each segment inserted with its marks. Written before the element
 * joins a document, so nothing here reads it back (Yjs forbids that).
 */
function inline(into: Y.XmlElement, nodes: (HtmlNode | string)[]): void {
  const children: (Y.XmlText | Y.XmlElement)[] = [];
  let run: Y.XmlText | null = null;
  let length = 0;
  for (const seg of segments(nodes)) {
    if ('br' in seg) {
      children.push(new Y.XmlElement('hardBreak'));
      run = null;
      continue;
    }
    if (!run) {
      run = new Y.XmlText();
      children.push(run);
      length = 0;
    }
    run.insert(length, seg.text, seg.marks);
    length += seg.text.length;
  }
  if (children.length > 0) into.insert(0, children);
}

function withChildren(element: Y.XmlElement, children: Y.XmlElement[]): Y.XmlElement {
  element.insert(0, children);
  return element;
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'li']);

function paragraphOf(nodes: (HtmlNode | string)[]): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  inline(p, nodes);
  return p;
}

/** Block children of a container (a list item, a cell): paragraphs, lists; loose inline content becomes a paragraph. */
function blocksOf(nodes: (HtmlNode | string)[]): Y.XmlElement[] {
  const out: Y.XmlElement[] = [];
  let loose: (HtmlNode | string)[] = [];
  const flush = (): void => {
    if (loose.some((n) => typeof n !== 'string' || n.trim() !== '')) out.push(paragraphOf(loose));
    loose = [];
  };
  for (const n of nodes) {
    if (typeof n !== 'string' && BLOCK_TAGS.has(n.tag)) {
      flush();
      const block = blockOf(n);
      if (block) out.push(block);
    } else loose.push(n);
  }
  flush();
  return out;
}

/** One HTML block as an editor node; null for what the editor does not hold (an image alone). */
export function blockOf(node: HtmlNode): Y.XmlElement | null {
  const heading = /^h([1-6])$/.exec(node.tag);
  if (heading) {
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', Math.min(3, Number(heading[1])) as unknown as string);
    inline(h, node.children);
    return h;
  }
  if (node.tag === 'p' || node.tag === 'li') return paragraphOf(node.children);
  if (node.tag === 'ul' || node.tag === 'ol') {
    const items: Y.XmlElement[] = [];
    for (const li of node.children) {
      if (typeof li === 'string' || li.tag !== 'li') continue;
      const item = new Y.XmlElement('listItem');
      const content = blocksOf(li.children);
      item.insert(0, content.length > 0 ? content : [new Y.XmlElement('paragraph')]);
      items.push(item);
    }
    return items.length > 0 ? withChildren(new Y.XmlElement(node.tag === 'ul' ? 'bulletList' : 'orderedList'), items) : null;
  }
  if (node.tag === 'table') {
    const trs = node.children.flatMap((c) =>
      typeof c === 'string' ? [] : c.tag === 'tr' ? [c] : c.children.filter((r): r is HtmlNode => typeof r !== 'string' && r.tag === 'tr'),
    );
    const rows: Y.XmlElement[] = [];
    for (const tr of trs) {
      const cells: Y.XmlElement[] = [];
      for (const cell of tr.children) {
        if (typeof cell === 'string' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
        const content = blocksOf(cell.children);
        cells.push(
          withChildren(new Y.XmlElement(cell.tag === 'th' ? 'tableHeader' : 'tableCell'), content.length > 0 ? content : [new Y.XmlElement('paragraph')]),
        );
      }
      if (cells.length > 0) rows.push(withChildren(new Y.XmlElement('tableRow'), cells));
    }
    return rows.length > 0 ? withChildren(new Y.XmlElement('table'), rows) : null;
  }
  return null;
}
