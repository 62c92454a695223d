import { describe, expect, it } from 'vitest';
import { IdPositions } from '../../src/store/journal.ts';

describe('where an edit finds its records', () => {
  it('GIVEN more look-ups than an edit scans for, records added and ids not there THEN each answer is where the record sits', () => {
    const list = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}` }));
    const positions = new IdPositions(list);
    expect(positions.has('absent')).toBe(false);
    positions.set('added', 50);
    for (let round = 0; round < 2; round++)
      for (let i = 49; i >= 0; i--) expect(positions.get(`r${i}`)).toBe(i);
    expect(positions.get('added')).toBe(50);
    expect(positions.has('absent')).toBe(false);
    expect(positions.has('never')).toBe(false);
  });
});
