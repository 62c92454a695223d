import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { Invocation } from '../../../src/core/parse-command.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import type { Catalog } from '../../../src/store/catalog.ts';
import { storeFrom } from '../../fixtures/knowledge-base.ts';
import { questionStore } from './question-store.ts';

/**
 * Issue 16: Spanish and Czech (and the other Latin-script languages) read the way natives write,
 * in sentences written for these tests (not taken from the corpus): the words a speaker uses for one
 * meaning (synonyms, inflections, word orders), and Czech case forms of names and countries.
 */
const partners = (city: string): Invocation => ({ command: 'partners', args: { city } });
const partnersIn = (city: string, country: string, any = false): Invocation => ({
  command: 'partners',
  args: { city, country },
  ...(any && { asks: 'any' as const }),
});
const city = (id: string): Invocation => ({ command: 'city', args: { city: id } });
const agreement = (a: string, b: string): Invocation => ({
  command: 'agreement',
  args: { city: a, with: b },
});
const stillActive = (a: string, b: string): Invocation => ({ ...agreement(a, b), asks: 'in-force' });
const since = (a: string, b: string): Invocation => ({ ...agreement(a, b), focus: 'since' });

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await storeFrom(questionStore())).catalog;
});

function read(text: string) {
  return parseQuestion(text, catalog, commands);
}

function expectRun(text: string, expected: Invocation) {
  const reading = read(text);
  expect(reading.sure ? reading.invocation : reading).toEqual(expected);
}

describe('Czech case forms of names and countries', () => {
  it.each([
    ['Jaký je vztah mezi Prahou a Bathem?', agreement('prague-cz', 'bath-gb')],
    ['Kdy se Le Mans spojilo s Paderbornem?', agreement('le-mans-fr', 'paderborn-de')],
    ['Co se děje mezi Ósakou a San Franciskem?', agreement('osaka-jp', 'san-francisco-us')],
    ['Je Nábulus pořád partnerem Prestonu?', stillActive('nablus-ps', 'preston-gb')],
    ['Co víte o Praze?', city('prague-cz')],
    ['Povězte mi něco o Ósace', city('osaka-jp')],
    ['S kým spolupracuje Rzeszów?', partners('rzeszow-pl')],
  ])('GIVEN "%s" THEN the case forms are the cities', (text, expected) => expectRun(text, expected));

  it.each([
    ['Která partnerská města má Praha v Číně?', partnersIn('prague-cz', 'CN')],
    ['Partnerská města San Franciska v Japonsku', partnersIn('san-francisco-us', 'JP')],
    ['Má Paderborn nějaké partnery ve Francii?', partnersIn('paderborn-de', 'FR', true)],
    ['Je Rzeszów spřátelen s nějakým městem v Americe?', partnersIn('rzeszow-pl', 'US', true)],
  ])('GIVEN "%s" THEN the country in its case form narrows the partners', (text, expected) =>
    expectRun(text, expected),
  );

  it('GIVEN a name that goes on after a case form ("Pragu Heights") THEN it is no form of Prague', () => {
    const reading = read('Partnerská města Pragu Heights');
    expect(reading.sure && reading.invocation.args).not.toEqual({ city: 'prague-cz' });
  });
});

describe('Spanish, the many ways of saying one thing', () => {
  it.each([
    ['¿Cuándo formalizaron Praga y Taipéi su amistad?', agreement('prague-cz', 'taipei-tw')],
    ['¿Desde cuándo colaboran Le Mans y Paderborn?', agreement('le-mans-fr', 'paderborn-de')],
    ['¿Por qué se distanciaron Shanghái y Praga?', agreement('shanghai-cn', 'prague-cz')],
    ['¿Qué ocurrió entre Nablus y Preston?', agreement('nablus-ps', 'preston-gb')],
    ['¿Con qué ciudades colabora Rzeszów?', partners('rzeszow-pl')],
    ['¿Quién se alejó de Osaka?', partners('osaka-jp')],
    ['Háblenme de Kitakami', city('kitakami-jp')],
    ['Quisiera saber algo sobre Nablus', city('nablus-ps')],
    ['¿Cuántos años llevan hermanadas Praga y Taipéi?', since('prague-cz', 'taipei-tw')],
    ['¿Qué antigüedad tiene el hermanamiento de Le Mans y Paderborn?', since('le-mans-fr', 'paderborn-de')],
  ])('GIVEN "%s" THEN it is read as meant', (text, expected) => expectRun(text, expected));
});

describe('Czech, the many ways of saying one thing', () => {
  it.each([
    ['Kdy Praha a Bath stvrdily spolupráci?', agreement('prague-cz', 'bath-gb')],
    ['Kdo se odvrátil od Ósaky?', partners('osaka-jp')],
    ['Proč se Praha a Shanghai rozešly?', agreement('prague-cz', 'shanghai-cn')],
    ['Kolik let už spolupracují Le Mans a Paderborn?', since('le-mans-fr', 'paderborn-de')],
    ['Chtěl bych vědět víc o Kitakami', city('kitakami-jp')],
    ['Se kterými městy je spřátelený Preston?', partners('preston-gb')],
  ])('GIVEN "%s" THEN it is read as meant', (text, expected) => expectRun(text, expected));
});

describe('a number beside a verb of celebrating is the anniversary asked for', () => {
  const turning = (a: string, b: string, n: number): Invocation => ({
    command: 'anniversaries',
    args: { city: a, with: b, window: `turning ${n}` },
  });
  it.each([
    ['Paderborn and Le Mans celebrating 70 soon?', turning('paderborn-de', 'le-mans-fr', 70)],
    ['¿Cuándo cumplen 60 Paderborn y Le Mans?', turning('paderborn-de', 'le-mans-fr', 60)],
    ['Kdy oslaví 30 Praha a Taipei?', turning('prague-cz', 'taipei-tw', 30)],
  ])('GIVEN "%s" THEN that pair turning that number', (text, expected) => expectRun(text, expected));
});
