import { describe, expect, it } from 'vitest';
import { mapCaret } from '../../client/editor/textMerge';

describe('mapCaret', () => {
  it('keeps a caret before the change', () => {
    expect(mapCaret(2, 'abcdef', 'abcdXYef')).toBe(2);
  });
  it('shifts a caret after the change by the change in length', () => {
    expect(mapCaret(5, 'abcdef', 'aXYZbcdef')).toBe(8);
    expect(mapCaret(5, 'abcdef', 'acdef')).toBe(4);
  });
  it('finds the caret by its context when one edit touched both ends', () => {
    expect(mapCaret(2, '45 rue Sainte-Catherine, Montréal', 'Siège: 45 rue Sainte-Catherine, Montréal (Québec)')).toBe(9);
  });
  it('falls back to the end of the new span when the context is gone', () => {
    expect(mapCaret(2, 'abcd', 'wxyz')).toBe(4);
  });
  it('handles empty values', () => {
    expect(mapCaret(0, '', 'hello')).toBe(0);
    expect(mapCaret(3, 'abc', '')).toBe(0);
  });
});
