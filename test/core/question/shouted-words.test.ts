import { describe, expect, it } from 'vitest';
import { agreement, partners } from './invocations.ts';
import { onShippedData } from './question-reader.ts';

/**
 * Issue 16: the world layer knows some 2,900 towns by their airport codes (GeoNames), and some codes
 * spell everyday words: ALL is Albenga, FOR Fortaleza, IST Istanbul. A word written in capitals for
 * emphasis is that word; two-letter abbreviations (LA, HH) and codes that are no word (NYC) stay
 * names. Sentences written for these tests, on the shipped seed and world layer.
 */

const { read } = onShippedData();

describe('a word in capitals', () => {
  it.each([
    ['ALL partners of Prague', partners('prague-cz')],
    ['Was IST mit Prag und Shanghai los?', agreement('prague-cz', 'shanghai-cn')],
  ])('GIVEN "%s" THEN the word is no town', (text, expected) => {
    const reading = read(text);
    expect(reading.sure ? reading.invocation : reading).toEqual(expected);
  });

  it('GIVEN "partners of Prague FOR real" THEN Fortaleza is neither answered nor offered', () => {
    const reading = read('partners of Prague FOR real');
    const said = JSON.stringify(reading.sure ? reading.invocation : reading.closest);
    expect(said).not.toContain('fortaleza');
    expect(said).toContain('prague-cz');
  });
});

describe('an abbreviation in capitals', () => {
  it.each([
    ['LA partners', partners('los-angeles-us')],
    ['Partnerstädte von HH', partners('hamburg-de')],
    ['NYC partners', partners('new-york-city-us')],
  ])('GIVEN "%s" THEN it is the city', (text, expected) => {
    const reading = read(text);
    expect(reading.sure ? reading.invocation : reading).toEqual(expected);
  });
});
