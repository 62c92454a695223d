import { describe, expect, it } from 'vitest';
import { FuzzyNames } from '../../src/store/fuzzy-names.ts';

const options = {
  prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
  fuzzy: (term: string) => (term.length >= 4 ? 0.25 : false),
};

const index = () =>
  new FuzzyNames<string>([
    ['rzeszow-pl', ['rzeszow']],
    ['frankfurt-oder-de', ['frankfurt oder', 'frankfurt an der oder']],
    ['frankfurt-main-de', ['frankfurt am main']],
    ['kitakami-jp', ['kitakami']],
    ['baden-wurttemberg-de', ['baden wurttemberg']],
    ['baden-ch', ['baden']],
  ]);

/** Levenshtein distance, the plain way: what the trie walk must agree with. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] as number;
}

describe('FuzzyNames', () => {
  it('GIVEN a word one typo away THEN finds its owner', () => {
    expect(index().search('rzeszuw', options)).toEqual(['rzeszow-pl']);
    expect(index().search('kitakamo', options)).toEqual(['kitakami-jp']);
  });

  it('GIVEN the beginning of the last word THEN finds the names with a word starting with it', () => {
    expect(index().search('kitak', options)).toEqual(['kitakami-jp']);
  });

  it('GIVEN several words THEN finds only names that match every one, each owner once', () => {
    expect(index().search('frankfurt oder', options)).toEqual(['frankfurt-oder-de']);
    expect(index().search('frankfurt', options).sort()).toEqual(['frankfurt-main-de', 'frankfurt-oder-de']);
  });

  it('GIVEN an exact word THEN ranks the name that is that word alone above a longer one', () => {
    expect(index().search('baden', options)).toEqual(['baden-ch', 'baden-wurttemberg-de']);
  });

  it('GIVEN an owner removed and added again with other names THEN finds it by the new names only', () => {
    const names = index();
    names.remove('rzeszow-pl');
    expect(names.search('rzeszow', options)).toEqual([]);
    names.add('rzeszow-pl', ['resovia']);
    expect(names.search('resovya', options)).toEqual(['rzeszow-pl']);
    expect(names.search('rzeszow', options)).toEqual([]);
  });

  it('GIVEN many words THEN the typo search finds exactly the words within the distance', () => {
    let state = 1;
    const letter = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return 'abcde'[state % 5] as string;
    };
    const words = Array.from({ length: 2000 }, (_, i) =>
      Array.from({ length: 3 + (i % 6) }, letter).join(''),
    );
    const names = new FuzzyNames<number>(words.map((word, i) => [i, [word]] as const));
    const queries = ['abcde', 'eeaab', 'cadb', 'bbbbbbb', 'ab', 'eadcbae', 'ccccc'];
    const check = (typos: number) => {
      for (const query of queries) {
        const expected = new Set(words.filter((word) => distance(word, query) <= typos));
        const found = names.search(query, { prefix: () => false, fuzzy: () => typos });
        expect(new Set(found.map((i) => words[i])), `${query} ${typos}`).toEqual(expected);
      }
    };
    check(1);
    check(2);
    // Words added after a search: the one-typo search's order of words read backwards follows them.
    const more = Array.from({ length: 300 }, (_, i) => Array.from({ length: 2 + (i % 7) }, letter).join(''));
    for (const [i, word] of more.entries()) names.add(words.length + i, [word]);
    words.push(...more);
    check(1);
    check(2);
  });
});
