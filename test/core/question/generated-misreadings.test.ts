import { describe, expect, it } from 'vitest';
import type { Invocation } from '../../../src/core/parse-command.ts';
import { agreement, partners, partnersIn, stillActive } from './invocations.ts';
import { onShippedData } from './question-reader.ts';

/**
 * Issue 16: classes of confident-wrong readings found by generating questions (question words,
 * openers and countries around real city names, in every style) and comparing each reading with
 * what the template means. Each is answered as meant, or both readings are offered, never guessed.
 */

const { read, expectRun } = onShippedData();

/** The commands an unsure reading offers, or undefined when it ran one. */
function offered(text: string): Invocation[] | undefined {
  const reading = read(text);
  return reading.sure ? undefined : reading.closest;
}

describe('French "que" before an inverted verb asks what, not whether', () => {
  it.each([
    ["Qu'en est-il du jumelage entre Prague et Taipei ?", agreement('prague-cz', 'taipei-tw')],
    ['Le jumelage entre Prague et Shanghai, qu’en est-il ?', agreement('prague-cz', 'shanghai-cn')],
    ["qu'est-il arrivé au jumelage entre Prague et Shanghai", agreement('prague-cz', 'shanghai-cn')],
  ])('GIVEN "%s" THEN the agreement is shown, not a yes/no answer', (text, expected) => {
    expectRun(text, expected);
  });

  it.each([
    ['Prague et Taipei sont-elles jumelées ?', stillActive('prague-cz', 'taipei-tw')],
    ['Est-ce que Prague et Taipei sont jumelées ?', stillActive('prague-cz', 'taipei-tw')],
  ])('GIVEN "%s", an inversion without "que" THEN it still asks yes or no', (text, expected) => {
    expectRun(text, expected);
  });
});

describe('a word we lack beside a word for towns says which towns', () => {
  it.each([
    ['Grenoble est jumelée avec quelles villes blorfiennes ?', partners('grenoble-fr')],
    ['Which blorfian cities is Osaka twinned with?', partners('osaka-jp')],
  ])('GIVEN "%s" THEN its partners are offered, never answered as all of them', (text, closest) => {
    expect(offered(text)).toEqual([closest]);
  });

  it('GIVEN "Mit welchen Städten kuschelt Bilbao?", a German verb after the towns THEN its partners are answered', () => {
    expectRun('Mit welchen Städten kuschelt Bilbao?', partners('bilbao-es'));
  });

  it.each([
    ['Prague est jumelée avec quelles villes ivoiriennes ?', partnersIn('prague-cz', 'CI')],
    ['Anvers a-t-elle une ville jumelle monégasque ?', partnersIn('antwerp-be', 'MC', true)],
    ['poznań a-t-elle une ville jumelle russe ?', partnersIn('poznan-pl', 'RU', true)],
    ['ANVERS A-T-ELLE UNE VILLE JUMELLE RUSSE ?', partnersIn('antwerp-be', 'RU', true)],
  ])('GIVEN "%s", a country adjective THEN partners in that country', (text, expected) => {
    expectRun(text, expected);
  });
});

describe('a name joined to a city by "and" or "between" is a second name, not a verb of keeping company', () => {
  it('GIVEN "qui a mis fin au jumelage entre gyöngyös et choucha ?" THEN nothing about Gyöngyös alone is answered', () => {
    expect(offered('qui a mis fin au jumelage entre gyöngyös et choucha ?')).toBeDefined();
  });
});

describe('a word a letter off one of ours that is also a small town', () => {
  it('GIVEN "Viles jumelles de Prague" THEN the partners of Prague and the pair with Villesse are both offered', () => {
    expect(offered('Viles jumelles de Prague')).toEqual([
      partners('prague-cz'),
      agreement('villesse-it', 'prague-cz'),
    ]);
  });

  it('GIVEN "Prague et Viles ?", the town after "et" THEN it is the town', () => {
    expectRun('Prague et Viles ?', agreement('prague-cz', 'villesse-it'));
  });
});

describe('a place written right after a city, in its country and not its twin, may be its county or state', () => {
  it.each([
    [
      'sister cities of Preston, Lancashire',
      partners('preston-gb'),
      agreement('preston-gb', 'lancashire-gb'),
    ],
    ['Villes jumelles de Buffalo, NY', partners('buffalo-us'), agreement('buffalo-us', 'new-york-city-us')],
  ])('GIVEN "%s" THEN the city alone and the pair are both offered', (text, alone, pair) => {
    expect(offered(text)).toEqual([alone, pair]);
  });

  it.each([
    ['Depuis quand Prague et Brno sont jumelées ?', agreement('prague-cz', 'brno-cz')],
    ['Rzeszów, Klagenfurt : depuis quand ?', agreement('rzeszow-pl', 'klagenfurt-at')],
    ['Concord, Massachusetts et Nanae : depuis quand ?', agreement('concord-massachusetts-us', 'nanae-jp')],
  ])(
    'GIVEN "%s", two cities joined by "and" or in two countries THEN the pair is answered',
    (text, expected) => {
      expectRun(text, expected);
    },
  );
});

describe('a name typed with accents an everyday word lacks is the name', () => {
  it.each([
    ['¿cuándo se hermanaron seúl y moscú?', agreement('seoul-kr', 'moscow-ru')],
    ['¿POR QUÉ SEÚL Y EL CAIRO ROMPIERON SU HERMANAMIENTO?', agreement('seoul-kr', 'cairo-eg')],
  ])('GIVEN "%s", Seúl and never French "seul" THEN the pair', (text, expected) => {
    expectRun(text, expected);
  });
});

describe('a city named like an everyday word of another language, first in the sentence', () => {
  it.each([
    ['Caen et Coventry sont-elles toujours jumelées ?', stillActive('caen-fr', 'coventry-gb')],
    ['Die est-elle toujours jumelée avec Wirksworth ?', stillActive('die-fr', 'wirksworth-gb')],
  ])('GIVEN "%s", the town twinned with the other city named THEN the pair', (text, expected) => {
    expectRun(text, expected);
  });

  it('GIVEN "Die Partnerstädte von Frankenau", a word of the question\'s own language THEN still the word', () => {
    expectRun('Die Partnerstädte von Frankenau', partners('frankenau-de'));
  });
});

describe('a country adjective a cue word starts is still the country', () => {
  it.each([
    ['Las ciudades hermanas estadounidenses de Florencia', partnersIn('florence-it', 'US')],
    ['¿Tiene Sevilla alguna ciudad hermana estadounidense?', partnersIn('seville-es', 'US', true)],
  ])(
    'GIVEN "%s", "estadounidense" beginning like "estado" THEN partners in the United States',
    (text, expected) => {
      expectRun(text, expected);
    },
  );
});
