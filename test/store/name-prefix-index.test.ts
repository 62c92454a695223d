import { describe, expect, it } from 'vitest';
import { NamePrefixIndex } from '../../src/store/name-prefix-index.ts';

const entries = [
  { key: 'praha', id: 'prague-cz' },
  { key: 'prague', id: 'prague-cz' },
  { key: 'san francisco', id: 'san-francisco-us' },
  { key: 'frisco', id: 'frisco-us' },
  { key: 'osaka', id: 'osaka-jp' },
  { key: 'ostrava', id: 'ostrava-cz' },
  { key: 'bratislava', id: 'bratislava-sk' },
];
const all = () => true;

describe('NamePrefixIndex, names by their ending', () => {
  it('GIVEN a suffix THEN finds every name ending with it and passing the test, and only those', () => {
    const index = new NamePrefixIndex(entries);
    expect(index.keysEndingWith('isco', all).sort()).toEqual(['frisco', 'san francisco']);
    expect(index.keysEndingWith('ava', all).sort()).toEqual(['bratislava', 'ostrava']);
    expect(index.keysEndingWith('ava', (key) => key.length < 8)).toEqual(['ostrava']);
    expect(index.keysEndingWith('zzz', all)).toEqual([]);
    expect(index.keysEndingWith('', all)).toHaveLength(entries.length);
  });

  it('GIVEN names added and removed after the endings were sorted THEN finds what an index built anew finds', () => {
    const index = new NamePrefixIndex(entries);
    index.keysEndingWith('a', all);
    const kept = entries.filter((e) => e.id !== 'prague-cz' && e.id !== 'osaka-jp');
    const added = [
      { key: 'praga', id: 'praga-x' },
      { key: 'a', id: 'a-x' },
      { key: 'zlava', id: 'zlava-x' },
      { key: 'aaa', id: 'aaa-x' },
    ];
    index.remove('prague-cz');
    index.add(added.slice(0, 2));
    index.remove('osaka-jp');
    index.add(added.slice(2));
    const fresh = new NamePrefixIndex([...kept, ...added]);
    for (const suffix of ['', 'a', 'va', 'ava', 'isco', 'aga', 'ha', 'aa', 'e'])
      expect(index.keysEndingWith(suffix, all).sort(), suffix).toEqual(
        fresh.keysEndingWith(suffix, all).sort(),
      );
    expect(index.keysEndingWith('a', all)).toContain('zlava');
    expect(index.keysEndingWith('ue', all)).toEqual([]);
  });
});

describe('NamePrefixIndex, exact names', () => {
  it('GIVEN a name several ids hold THEN named finds each of them once, in the order they were indexed, and a later one last', () => {
    const index = new NamePrefixIndex([
      ...entries,
      { key: 'springfield', id: 'springfield-il' },
      { key: 'springfield x', id: 'springfield-x' },
      { key: 'springfield', id: 'springfield-ma' },
    ]);
    expect(index.named('springfield')).toEqual(['springfield-il', 'springfield-ma']);
    index.add([{ key: 'springfield', id: 'springfield-mo' }]);
    expect(index.named('springfield')).toEqual(['springfield-il', 'springfield-ma', 'springfield-mo']);
    index.remove('springfield-il');
    expect(index.named('springfield')).toEqual(['springfield-ma', 'springfield-mo']);
  });

  it('GIVEN a name that only starts or ends another, or none THEN named finds nothing', () => {
    const index = new NamePrefixIndex(entries);
    expect(index.named('prah')).toEqual([]);
    expect(index.named('francisco')).toEqual([]);
    expect(index.named('')).toEqual([]);
    expect(index.named('zzz')).toEqual([]);
    expect(index.named('prague')).toEqual(['prague-cz']);
  });
});
