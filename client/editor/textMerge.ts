/**
 * Where a caret should go when a field's text is replaced by a remote edit.
 * Structured fields are plain strings in the Y.Map, so a remote change
 * arrives as a whole new value: we work out where the caret belongs.
 *
 * 1. Outside the changed span (common prefix and suffix): it stays, or shifts
 *    by the change in length.
 * 2. Inside it (e.g. one edit touched both ends): the text around the caret
 *    is looked for in the new value, nearest the old position.
 * 3. Otherwise: the end of the new span.
 */
export function mapCaret(pos: number, before: string, after: string): number {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  if (pos <= start) return pos;
  if (pos >= endBefore) return pos + (after.length - before.length);
  return findByContext(pos, before, after) ?? endAfter;
}

const MAX_CONTEXT = 16;
const MIN_CONTEXT = 3;

function findByContext(pos: number, before: string, after: string): number | null {
  for (let k = MAX_CONTEXT; k >= 1; k--) {
    const left = before.slice(Math.max(0, pos - k), pos);
    const right = before.slice(pos, pos + k);
    const needle = left + right;
    if (needle.length < MIN_CONTEXT) return null;
    let best: number | null = null;
    for (let i = after.indexOf(needle); i >= 0; i = after.indexOf(needle, i + 1)) {
      const candidate = i + left.length;
      if (best === null || Math.abs(candidate - pos) < Math.abs(best - pos)) best = candidate;
    }
    if (best !== null) return best;
  }
  return null;
}
