import { describe, expect, it } from 'vitest';
import { gridKey, nextLetter } from '../../client/editor/sections/raciKeys';

describe('keyboard in the RACI grid', () => {
  const size = { rows: 3, cols: 4 };
  it('moves with the arrows, Home and End, and stops at the edges', () => {
    expect(gridKey('ArrowRight', { row: 1, col: 1 }, size, undefined)).toEqual({ move: [1, 2] });
    expect(gridKey('ArrowDown', { row: 2, col: 1 }, size, undefined)).toEqual({ move: [2, 1] });
    expect(gridKey('ArrowLeft', { row: 0, col: 0 }, size, undefined)).toEqual({ move: [0, 0] });
    expect(gridKey('ArrowUp', { row: 1, col: 3 }, size, undefined)).toEqual({ move: [0, 3] });
    expect(gridKey('End', { row: 1, col: 0 }, size, undefined)).toEqual({ move: [1, 3] });
    expect(gridKey('Home', { row: 1, col: 2 }, size, undefined)).toEqual({ move: [1, 0] });
  });
  it('sets R, A, C, I (either case), empties with Delete, goes through the letters with Space', () => {
    expect(gridKey('a', { row: 0, col: 0 }, size, undefined)).toEqual({ set: 'A' });
    expect(gridKey('R', { row: 0, col: 0 }, size, 'A')).toEqual({ set: 'R' });
    expect(gridKey('Delete', { row: 0, col: 0 }, size, 'C')).toEqual({ set: null });
    expect(gridKey(' ', { row: 0, col: 0 }, size, 'C')).toEqual({ set: 'I' });
    expect(['x', 'Tab', 'Escape'].map((k) => gridKey(k, { row: 0, col: 0 }, size, undefined))).toEqual([null, null, null]);
    expect([undefined, 'R', 'A', 'C', 'I'].map((l) => nextLetter(l as 'R' | undefined))).toEqual(['R', 'A', 'C', 'I', null]);
  });
});
