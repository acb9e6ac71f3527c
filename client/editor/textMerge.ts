/**
 * Where a caret should go when a field's text is replaced by a remote edit:
 * positions before the changed span stay, positions after it shift by the
 * change in length, positions inside it move to the end of the new span.
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
  return endAfter;
}
