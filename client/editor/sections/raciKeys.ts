import { RACI_LETTERS, type RaciLetter } from '../../../shared/raci';

export type GridAction = { move: [number, number] } | { set: RaciLetter | null } | null;

/** The next letter when Space or Enter goes through them: empty → R → A → C → I → empty. */
export function nextLetter(current: RaciLetter | undefined): RaciLetter | null {
  if (current === undefined) return 'R';
  return RACI_LETTERS[RACI_LETTERS.indexOf(current) + 1] ?? null;
}

/**
 * What a key does in the grid at (row, col) of a rows × cols grid: arrows,
 * Home and End move (clamped to the grid); R, A, C, I set the letter; Space
 * and Enter go to the next one; Delete and Backspace empty the cell.
 */
export function gridKey(key: string, at: { row: number; col: number }, size: { rows: number; cols: number }, current: RaciLetter | undefined): GridAction {
  const clamp = (row: number, col: number): [number, number] => [Math.max(0, Math.min(size.rows - 1, row)), Math.max(0, Math.min(size.cols - 1, col))];
  switch (key) {
    case 'ArrowUp':
      return { move: clamp(at.row - 1, at.col) };
    case 'ArrowDown':
      return { move: clamp(at.row + 1, at.col) };
    case 'ArrowLeft':
      return { move: clamp(at.row, at.col - 1) };
    case 'ArrowRight':
      return { move: clamp(at.row, at.col + 1) };
    case 'Home':
      return { move: clamp(at.row, 0) };
    case 'End':
      return { move: clamp(at.row, size.cols - 1) };
    case ' ':
    case 'Enter':
      return { set: nextLetter(current) };
    case 'Delete':
    case 'Backspace':
      return { set: null };
  }
  const letter = key.toUpperCase();
  return (RACI_LETTERS as readonly string[]).includes(letter) && key.length === 1 ? { set: letter as RaciLetter } : null;
}
