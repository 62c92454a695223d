import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../src/store/lower-bound.ts';

describe('lowerBound', () => {
  const sorted = ['bern', 'prag', 'prague', 'praha', 'praha', 'rzeszow'];

  it('GIVEN a key in the list THEN it finds its first place, before any equal ones', () => {
    expect(lowerBound(sorted, 'praha')).toBe(3);
    expect(lowerBound(sorted, 'bern')).toBe(0);
  });

  it('GIVEN a key not in the list THEN it finds where it would go, the end included', () => {
    expect(lowerBound(sorted, 'prah')).toBe(3);
    expect(lowerBound(sorted, 'a')).toBe(0);
    expect(lowerBound(sorted, 'zurich')).toBe(6);
    expect(lowerBound([], 'x')).toBe(0);
  });
});
