import { describe, expect, it } from 'vitest';
import { parseInPieces } from '../../src/store/parse-in-pieces.ts';

/** Records whose strings hold what a scanner could take for structure: quotes, escapes, brackets, commas. */
const TRICKY = ['a "quoted" {name}', 'back\\slash\\', 'comma, [bracket]', 'é ü 北京 \u2028', '\\"', '}]'];

const records = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    name: TRICKY[i % TRICKY.length],
    list: [i, { nested: [TRICKY[(i + 1) % TRICKY.length]] }],
    flag: i % 2 === 0,
    none: null,
  }));

const store = {
  $schema: 'x',
  version: 1,
  settings: { staff: ['a', 'b'], note: '"partnerships":[' },
  cities: records(1500),
  partnerships: records(2500),
  audit: [],
};

function read(text: string) {
  const pieces: Record<string, number[]> = { cities: [], partnerships: [] };
  const parsed = parseInPieces(text, {
    cities: (piece) => pieces.cities?.push(piece.length),
    partnerships: (piece) => pieces.partnerships?.push(piece.length),
  });
  return { parsed, pieces };
}

describe('parsing a store text a piece at a time', () => {
  it.each([
    ['compact', JSON.stringify(store)],
    ['pretty-printed', JSON.stringify(store, null, 2)],
  ])(
    'GIVEN %s text with strings that look like structure THEN the result is what JSON.parse gives, the lists handed over a thousand records at a time',
    (_, text) => {
      const { parsed, pieces } = read(text);
      expect(parsed).toEqual(JSON.parse(text));
      expect(pieces).toEqual({ cities: [1000, 500], partnerships: [1000, 1000, 500] });
    },
  );

  it('GIVEN a key given twice or an empty list THEN the result is what JSON.parse gives', () => {
    for (const text of [
      '{"cities":[{"id":"a"}],"cities":[{"id":"b"}]}',
      '{"cities":[],"partnerships":[ ]}',
      '[1,2]',
    ])
      expect(read(text).parsed).toEqual(JSON.parse(text));
  });

  it.each([
    ['a comma before the end of a list', '{"cities":[{"id":"a"},]}'],
    ['a comma after a whole piece, before the end', `{"cities":[${Array(1000).fill(0).join(',')},]}`],
    ['a text cut short', JSON.stringify(store).slice(0, 5000)],
    ['a string never closed', '{"cities":[{"id":"a}]}'],
    ['something after the object', '{"cities":[]} x'],
  ])('GIVEN %s THEN it is refused as JSON.parse refuses it', (_, text) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(() => read(text)).toThrow(SyntaxError);
  });
});
