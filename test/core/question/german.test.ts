import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { Invocation } from '../../../src/core/parse-command.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import type { Catalog } from '../../../src/store/catalog.ts';
import { shippedStore } from '../../fixtures/questions/corpus.ts';

/**
 * Issue 16: German the way people in a twinning office or a community chat write it, in sentences
 * written for these tests (not taken from the corpus), read on the shipped world layer, whose
 * 100,000 towns and their aliases are what an everyday word can be mistaken for.
 */
const partnersIn = (city: string, country: string, any = false): Invocation => ({
  command: 'partners',
  args: { city, country },
  ...(any && { asks: 'any' as const }),
});

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await shippedStore()).catalog;
});

function expectRun(text: string, expected: Invocation) {
  const reading = parseQuestion(text, catalog, commands);
  expect(reading.sure ? reading.invocation : reading).toEqual(expected);
}

describe('a country after its article, and the short names of countries', () => {
  it.each([
    // "den" is an alias of Denver: "den USA" was read as Denver, USA.
    ['Hat Rzeszów Partnerstädte in den USA?', partnersIn('rzeszow-pl', 'US', true)],
    ['Welche von Rzeszóws Partnerstädten liegen in den USA?', partnersIn('rzeszow-pl', 'US')],
    ['Partnerstädte von Prag in den VAE', partnersIn('prague-cz', 'AE')],
    ["Which of Rzeszow's partners are in the USA?", partnersIn('rzeszow-pl', 'US')],
    ['Is Prague twinned with any city in the UK?', partnersIn('prague-cz', 'GB', true)],
  ])('GIVEN "%s" THEN the partners in that country are asked for', (text, expected) =>
    expectRun(text, expected),
  );
});
