import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';

describe('error codes', () => {
  it('lists each code once', () => {
    const seen = new Set<string>();
    const twice = ERROR_CODES.filter((c) => seen.size === seen.add(c).size);
    expect(twice).toEqual([]);
  });

  it('are lower-case words joined by underscores, usable as message keys', () => {
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});
