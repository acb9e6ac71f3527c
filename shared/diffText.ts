import { diffArrays, diffLines, diffWords } from 'diff';

/** One run of a word diff: kept, inserted or deleted text. */
export interface DiffOp {
  op: 'same' | 'ins' | 'del';
  text: string;
}

/**
 * Bounds on one paragraph's word diff: past them jsdiff gives up and the
 * paragraph is shown as deleted then inserted (two unrelated rewrites of a
 * long paragraph would otherwise cost seconds).
 */
const WORD_LIMITS = { maxEditLength: 2000, timeout: 50 } as const;

function push(ops: DiffOp[], op: DiffOp['op'], text: string): void {
  if (text === '') return;
  const last = ops.at(-1);
  if (last && last.op === op) last.text += text;
  else ops.push({ op, text });
}

const wordsOf = (line: string): Set<string> =>
  new Set(
    line
      .toLowerCase()
      .split(/\W+/u)
      .filter((w) => w !== ''),
  );

/** Two paragraphs are "the same paragraph, edited" when at least half of their words are shared. */
function similar(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return a.size === b.size;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared * 2 >= Math.min(a.size, b.size) && shared * 3 >= Math.max(a.size, b.size);
}

function wordDiff(ops: DiffOp[], before: string, after: string): void {
  const words = diffWords(before, after, WORD_LIMITS);
  if (words) for (const w of words) push(ops, w.added ? 'ins' : w.removed ? 'del' : 'same', w.value);
  else {
    push(ops, 'del', before);
    push(ops, 'ins', after);
  }
}

/** Splits a block of lines from jsdiff, keeping each line's newline. */
const linesOf = (block: string): string[] => block.match(/[^\n]*\n|[^\n]+$/gu) ?? [];

/**
 * A run of changed paragraphs: each old paragraph is paired with the new one
 * it was edited into (they share most words), and only those pairs get a
 * word diff; the others are whole deletions or insertions.
 */
function changedRun(ops: DiffOp[], removed: string, added: string): void {
  const old = linesOf(removed).map((text) => ({ text, words: wordsOf(text) }));
  const now = linesOf(added).map((text) => ({ text, words: wordsOf(text) }));
  const pairs = diffArrays(old, now, { comparator: (a, b) => similar(a.words, b.words) });
  let i = 0;
  let j = 0;
  for (const part of pairs) {
    const n = part.count ?? part.value.length;
    if (part.removed) for (let k = 0; k < n; k++) push(ops, 'del', old[i++]?.text ?? '');
    else if (part.added) for (let k = 0; k < n; k++) push(ops, 'ins', now[j++]?.text ?? '');
    else for (let k = 0; k < n; k++) wordDiff(ops, old[i++]?.text ?? '', now[j++]?.text ?? '');
  }
}

/**
 * Words inserted and deleted between two texts (one line per paragraph).
 * Paragraphs are aligned first, then words within each edited paragraph:
 * jsdiff's word diff grows with the square of the edits, and a 50-page
 * agreement with every paragraph edited must still compare in milliseconds.
 */
export function diffText(before: string, after: string): DiffOp[] {
  const ops: DiffOp[] = [];
  if (before === after) {
    push(ops, 'same', before);
    return ops;
  }
  const lines = diffLines(before, after);
  for (let i = 0; i < lines.length; i++) {
    const change = lines[i];
    if (!change) continue;
    const next = lines[i + 1];
    if (change.removed && next?.added) {
      changedRun(ops, change.value, next.value);
      i++;
    } else push(ops, change.added ? 'ins' : change.removed ? 'del' : 'same', change.value);
  }
  return ops;
}

export const hasChanges = (ops: readonly DiffOp[]): boolean => ops.some((o) => o.op !== 'same');
