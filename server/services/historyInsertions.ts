import * as Y from 'yjs';
import type { DiffOp } from '../../shared/diffText';

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);

/**
 * The text of a rich-text fragment exactly as shared/render.ts's
 * fragmentToText reads it, with, for each character, the Yjs client id
 * whose item holds it (-1 for the line breaks between blocks). Yjs keeps
 * the inserting client on every item, so this says who typed each word
 * still in the text; deletions keep no such trace.
 */
export function textWithClients(fragment: Y.XmlFragment): { text: string; clients: number[] } {
  const lines: { text: string; clients: number[] }[] = [];
  let text = '';
  let clients: number[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): void => {
    if (node instanceof Y.XmlText) {
      for (let item = node._start; item !== null; item = item.right) {
        if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
        const s = item.content.str;
        text += s;
        for (let i = 0; i < s.length; i++) clients.push(item.id.client);
      }
      return;
    }
    for (const child of node.toArray()) if (child instanceof Y.XmlText || child instanceof Y.XmlElement) walk(child);
    if (node instanceof Y.XmlElement && BLOCKS.has(node.nodeName) && text !== '') {
      lines.push({ text, clients });
      text = '';
      clients = [];
    }
    if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') {
      text += '\n';
      clients.push(-1);
    }
  };
  walk(fragment);
  if (text !== '') lines.push({ text, clients });
  return { text: lines.map((l) => l.text).join('\n'), clients: lines.flatMap((l, i) => (i === 0 ? l.clients : [-1, ...l.clients])) };
}

/**
 * Who wrote each inserted run of a word diff whose kept and inserted runs
 * spell `text` (the newer side): the participants bound to the clients of
 * its characters (`who`; null for the server or content from before the
 * record). Returns one list of participant ids per op (empty for kept and
 * deleted runs), or null when `text` is not what the ops spell.
 */
export function insertionAuthors(
  ops: readonly DiffOp[],
  side: { text: string; clients: readonly number[] },
  who: (client: number) => string | null,
): string[][] | null {
  if (
    ops
      .filter((o) => o.op !== 'del')
      .map((o) => o.text)
      .join('') !== side.text
  )
    return null;
  let at = 0;
  return ops.map((o) => {
    if (o.op === 'del') return [];
    const start = at;
    at += o.text.length;
    if (o.op === 'same') return [];
    const ids = new Set<string>();
    for (let i = start; i < at; i++) {
      const id = who(side.clients[i] ?? -1);
      if (id !== null) ids.add(id);
    }
    return [...ids];
  });
}
