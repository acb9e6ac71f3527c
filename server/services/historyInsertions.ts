import * as Y from 'yjs';
import type { DiffOp } from '../../shared/diffText';

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);

/** Who holds a stretch of text: `length` characters from one client (-1: a line break between blocks). */
export interface ClientRun {
  client: number;
  length: number;
}

/**
 * The text of a rich-text fragment exactly as shared/render.ts's
 * fragmentToText reads it, with the Yjs client id whose items hold each
 * stretch of it (-1 for the line breaks between blocks), as runs: one per
 * item, not one per character, so the 50-page agreement is read in a few
 * milliseconds. Yjs keeps the inserting client on every item, so this says
 * who typed each word still in the text; deletions keep no such trace.
 */
export function textWithClients(fragment: Y.XmlFragment): { text: string; runs: ClientRun[] } {
  const lines: { text: string; runs: ClientRun[] }[] = [];
  let text = '';
  let runs: ClientRun[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): void => {
    if (node instanceof Y.XmlText) {
      for (let item = node._start; item !== null; item = item.right) {
        if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
        const s = item.content.str;
        text += s;
        runs.push({ client: item.id.client, length: s.length });
      }
      return;
    }
    for (const child of node.toArray()) if (child instanceof Y.XmlText || child instanceof Y.XmlElement) walk(child);
    if (node instanceof Y.XmlElement && BLOCKS.has(node.nodeName) && text !== '') {
      lines.push({ text, runs });
      text = '';
      runs = [];
    }
    if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') {
      text += '\n';
      runs.push({ client: -1, length: 1 });
    }
  };
  walk(fragment);
  if (text !== '') lines.push({ text, runs });
  return {
    text: lines.map((l) => l.text).join('\n'),
    runs: lines.flatMap((l, i) => (i === 0 ? l.runs : [{ client: -1, length: 1 }, ...l.runs])),
  };
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
  side: { text: string; runs: readonly ClientRun[] },
  who: (client: number) => string | null,
): string[][] | null {
  if (
    ops
      .filter((o) => o.op !== 'del')
      .map((o) => o.text)
      .join('') !== side.text
  )
    return null;
  // The ops and the runs both go through the newer text in order: walk them side by side.
  const runs = side.runs;
  let r = 0;
  let runStart = 0;
  let at = 0;
  return ops.map((o) => {
    if (o.op === 'del') return [];
    const start = at;
    at += o.text.length;
    for (let run = runs[r]; run && runStart + run.length <= start; run = runs[r]) {
      runStart += run.length;
      r++;
    }
    if (o.op === 'same') return [];
    const ids = new Set<string>();
    let k = r;
    for (let kStart = runStart, run = runs[k]; run && kStart < at; kStart += run.length, run = runs[++k]) {
      const id = who(run.client);
      if (id !== null) ids.add(id);
    }
    return [...ids];
  });
}
