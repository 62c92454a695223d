import { describe, expect, it } from 'vitest';
import { BackwardsOrder } from '../../src/store/backwards-order.ts';
import { lowerBound } from '../../src/store/lower-bound.ts';

/** Deterministic strings of a, b and c, up to four letters: many share their endings, some repeat. */
function strings(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, () => 'abc'[Math.floor(next() * 3)]).join(''),
  );
}

const SUFFIXES = ['', 'a', 'b', 'c', 'ab', 'ba', 'cc', 'abc', 'bca', 'aaaa', 'cab', 'd'];

function ending(order: BackwardsOrder, list: readonly string[], suffix: string): string[] {
  const found: string[] = [];
  order.endingWith(suffix, (position) => found.push(list[position] as string));
  return found.sort();
}

describe('BackwardsOrder', () => {
  it('GIVEN a sorted list THEN finds every string ending with a suffix, and only those', () => {
    const list = strings(200, 7).sort();
    const order = new BackwardsOrder(list);
    for (const suffix of SUFFIXES)
      expect(ending(order, list, suffix), suffix).toEqual(list.filter((s) => s.endsWith(suffix)).sort());
  });

  it('GIVEN strings put in and taken out of the list one by one THEN finds what comparing every string finds', () => {
    const list = strings(50, 11).sort();
    const order = new BackwardsOrder(list);
    const added = strings(150, 13);
    for (const [i, text] of added.entries()) {
      const at = lowerBound(list, text);
      list.splice(at, 0, text);
      order.inserted(at);
      if (i % 3 === 2) {
        const gone = (i * 7) % list.length;
        list.splice(gone, 1);
        order.removed(gone);
      }
      for (const suffix of SUFFIXES)
        expect(ending(order, list, suffix), `${i} ${suffix}`).toEqual(
          list.filter((s) => s.endsWith(suffix)).sort(),
        );
    }
  });
});
