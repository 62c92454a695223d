import { describe, it } from 'vitest';
import type { Invocation } from '../../../src/core/parse-command.ts';
import { partnersIn } from './invocations.ts';
import { onShippedData } from './question-reader.ts';

/**
 * Issue 16: German the way people in a twinning office or a community chat write it, in sentences
 * written for these tests (not taken from the corpus), read on the shipped world layer, whose
 * 100,000 towns and their aliases are what an everyday word can be mistaken for.
 */

const pairTurning = (a: string, b: string, window?: string): Invocation => ({
  command: 'anniversaries',
  args: { city: a, with: b, ...(window !== undefined && { window }) },
});
const listing = (window?: string): Invocation => ({
  command: 'anniversaries',
  args: window === undefined ? {} : { window },
});

const { expectRun } = onShippedData();

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

describe('anniversaries the German way', () => {
  it.each([
    [
      'Wann wird die Partnerschaft Rzeszów–Klagenfurt 50?',
      pairTurning('rzeszow-pl', 'klagenfurt-at', 'turning 50'),
    ],
    ['Wann werden Paderborn und Le Mans 60', pairTurning('paderborn-de', 'le-mans-fr', 'turning 60')],
    [
      'Wann jährt sich die Partnerschaft Osaka San Francisco zum 70. Mal?',
      pairTurning('osaka-jp', 'san-francisco-us', 'turning 70'),
    ],
    ['Welche Partnerschaften werden nächstes Jahr 50?', listing('next year turning 50')],
    ['Partnerstadtjubiläum Prag Taipeh', pairTurning('prague-cz', 'taipei-tw')],
    ['Anstehende Partnerschaftsjubiläen', listing()],
    ["Welche Jubiläen gibt's heuer noch?", listing('this year')],
  ])('GIVEN "%s" THEN the anniversaries are asked for', (text, expected) => expectRun(text, expected));
});

describe('German words of the office', () => {
  it.each([
    ['Was kann ich dich fragen?', { command: 'help', args: {} }],
    [
      'Wie ist das Verhältnis zwischen Nablus und Preston?',
      { command: 'agreement', args: { city: 'nablus-ps', with: 'preston-gb' } },
    ],
  ])('GIVEN "%s" THEN it is read as meant', (text, expected) => expectRun(text, expected as Invocation));
});
