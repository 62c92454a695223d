import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { Invocation } from '../../../src/core/parse-command.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import { renderPlain } from '../../../src/render/plain.ts';
import type { Catalog } from '../../../src/store/catalog.ts';
import { operator } from '../../fixtures/knowledge-base.ts';
import { corpusDispatcher, shippedStore } from '../../fixtures/questions/corpus.ts';
import { agreement, city, partners, partnersIn, since, stillActive } from './invocations.ts';

/**
 * Issue 16: a country written beside or instead of a city, in sentences written for these tests.
 * A name that is a country's and a city's (Monaco, Luxembourg) with nothing to say which is offered
 * both ways; a country or region written after a city says which city, and is never a second question.
 */

let shipped: Catalog;
beforeAll(async () => {
  shipped = (await shippedStore()).catalog;
});

function read(text: string) {
  const reading = parseQuestion(text, shipped, commands);
  return reading.sure ? reading.invocation : reading;
}

describe('a name that is a country and a city', () => {
  it.each([
    ['sister cities of Monaco', partners('monaco-mc'), 'MC'],
    ['Villes jumelles de Luxembourg', partners('luxembourg-lu'), 'LU'],
    ['Partnerstädte von Luxemburg', partners('luxembourg-lu'), 'LU'],
    ['Ciudades hermanas de Guatemala', partners('guatemala-city-gt'), 'GT'],
    ['Villes jumelles de Mexico', partners('mexico-city-mx'), 'MX'],
    ['sister cities of Kuwait', partners('kuwait-city-kw'), 'KW'],
    ['tell me about Monaco', city('monaco-mc'), 'MC'],
    ['Háblame de Luxemburgo', city('luxembourg-lu'), 'LU'],
  ] as [string, Invocation, string][])(
    'GIVEN "%s" THEN the city and the country are both offered, neither answered',
    (text, asCity, country) => {
      const reading = parseQuestion(text, shipped, commands);
      expect(reading.sure).toBe(false);
      const closest = reading.sure ? [] : reading.closest;
      expect(closest[0]).toEqual(asCity);
      expect(closest).toContainEqual({ command: 'partners', args: { country } });
    },
  );

  it('GIVEN "Ciudades hermanas de Granada", Grenada in Spanish and no city of that name there THEN the cities so named are offered too', () => {
    expect(read('Ciudades hermanas de Granada')).toMatchObject({
      sure: false,
      closest: [partners('Granada'), { command: 'partners', args: { country: 'GD' } }],
    });
  });

  it('GIVEN "Depuis quand Aix-en-Provence et Granada sont jumelées ?" THEN the Granada twinned with Aix', () => {
    expect(read('Depuis quand Aix-en-Provence et Granada sont jumelées ?')).toEqual(
      agreement('aix-en-provence-fr', 'granada-es'),
    );
  });

  it.each([
    ['does Prague have a partner in Luxembourg?', partnersIn('prague-cz', 'LU', true)],
    ['Hat Paderborn eine Partnerstadt in Luxemburg?', partnersIn('paderborn-de', 'LU', true)],
    ['¿Madrid tiene alguna ciudad hermana en México?', partnersIn('madrid-es', 'MX', true)],
  ])('GIVEN "%s" THEN "in" says the country is meant', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['Luxembourg and Metz, still twinned?', stillActive('luxembourg-lu', 'metz-fr')],
    ['Luxemburgo y Metz, ¿siguen hermanadas?', stillActive('luxembourg-lu', 'metz-fr')],
    ['Depuis quand Luxembourg et Metz sont jumelées ?', agreement('luxembourg-lu', 'metz-fr')],
  ])('GIVEN "%s" THEN the city twinned with the other city named is meant', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('GIVEN such a name THEN the answer says it names a country and a city, and offers both', async () => {
    const dispatcher = corpusDispatcher(await shippedStore());
    const plain = renderPlain(await dispatcher.answerText('sister cities of Monaco', operator));
    expect(plain).toContain('"Monaco", which names both a country and a city');
    expect(plain).toContain('`partners Monaco`');
  });

  it('GIVEN "partners of Luxembourg", a command word first THEN both readings are offered, not "no city named of Luxembourg"', async () => {
    const dispatcher = corpusDispatcher(await shippedStore());
    expect(dispatcher.read('partners of Luxembourg')).toMatchObject({
      kind: 'unsure',
      closest: [partners('luxembourg-lu'), { command: 'partners', args: { country: 'LU' } }],
    });
  });
});

describe('a country or region written after a city says which city', () => {
  it.each([
    ['since when are Concord, North Carolina and Kitakami twinned?', 'concord-north-carolina-us'],
    ['Seit wann sind Concord (Massachusetts) und Kitakami Partner?', 'concord-massachusetts-us'],
    ['¿Desde cuándo están hermanadas Concord, Carolina del Norte y Kitakami?', 'concord-north-carolina-us'],
    ['Od kdy jsou Concord v Severní Karolíně a Kitakami partnery?', 'concord-north-carolina-us'],
  ])('GIVEN "%s" THEN that Concord is asked about, not the one twinned with Kitakami', (text, concord) => {
    expect(read(text)).toEqual(agreement(concord, 'kitakami-jp'));
  });

  it.each([['sister cities of Athens, Georgia'], ['partners of Athens (Georgia)']])(
    'GIVEN "%s", a city not in that country THEN a name we do not know, never partners in Georgia',
    (text) => {
      const reading = parseQuestion(text, shipped, commands);
      expect(reading.sure).toBe(false);
      expect(reading.sure ? [] : reading.closest).toEqual([{ command: 'search', args: { text: 'Athens' } }]);
    },
  );

  it.each([
    ['Villes jumelles de Prague en République tchèque', partners('prague-cz')],
    ['Partnerstädte von Prag in der Tschechischen Republik', partners('prague-cz')],
    ['Ciudades hermanas de Praga en la República Checa', partners('prague-cz')],
    ['Partnerská města Prahy v České republice', partners('prague-cz')],
    ['Concord dans le Massachusetts : villes jumelles ?', partners('concord-massachusetts-us')],
    ['Wo ist Freeport auf den Bahamas?', city('freeport-bs')],
    [
      'Quand Plzeň (République tchèque) et Ratisbonne (Allemagne) se sont-elles jumelées ?',
      agreement('plzen-cz', 'regensburg-de'),
    ],
    [
      'How long have Rotterdam in the Netherlands and Istanbul been partners?',
      since('rotterdam-nl', 'istanbul-tr'),
    ],
  ] as [string, Invocation][])(
    'GIVEN "%s" THEN the country (with its article) only says which city',
    (text, expected) => {
      expect(read(text)).toEqual({ ...expected, ...(expected.focus && { focus: 'since' }) });
    },
  );

  it('GIVEN "partners of Plzen in Czech Republic", a command word first THEN the partners of Plzeň', async () => {
    const dispatcher = corpusDispatcher(await shippedStore());
    expect(dispatcher.read('partners of Plzen in Czech Republic')).toEqual({
      kind: 'run',
      invocation: partners('plzen-cz'),
    });
  });
});

describe('case endings are read only where names take them', () => {
  it.each([
    ['Depuis quand Acre et La Rochelle sont jumelées ?', agreement('acre-il', 'la-rochelle-fr')],
    ['¿Desde cuándo están hermanadas Acre y La Rochelle?', agreement('acre-il', 'la-rochelle-fr')],
    ['Seit wann sind Adenau und Sillery Partnerstädte?', agreement('adenau-de', 'sillery-fr')],
  ])('GIVEN "%s" THEN the town so named, not a case form of a larger one (Accra, Aden)', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([['Villes jumelles de Berne'], ['Ciudades hermanas de Berna']])(
    'GIVEN "%s", a name the store lacks THEN never read as a case form of Brno ("v Brně")',
    (text) => {
      const reading = parseQuestion(text, shipped, commands);
      expect(reading.sure).toBe(false);
      expect(JSON.stringify(reading)).not.toContain('brno-cz');
    },
  );

  it('GIVEN Czech ("Brna", also a small town\'s name) THEN the case form of the much larger city still wins', () => {
    expect(read('Partnerská města Brna')).toEqual(partners('brno-cz'));
  });
});

describe('two names that each have namesakes', () => {
  it('GIVEN "Bethlehem and Zaragoza?" THEN the two twinned with each other', () => {
    expect(read('Bethlehem and Zaragoza?')).toEqual(agreement('bethlehem-ps', 'zaragoza-es'));
  });
});

describe('a region written after a city, in the words of each language', () => {
  it.each([
    ["Villes jumelles de Buffalo dans l'État de New York"],
    ['Villes jumelles de Buffalo, État de New York'],
    ['sister cities of Buffalo, New York State'],
    ['sister cities of Buffalo in the state of New York'],
    ['Partnerstädte von Buffalo im Bundesstaat New York'],
    ['Ciudades hermanas de Buffalo, estado de Nueva York'],
    ['Ciudades hermanas de Buffalo, Nueva York'],
    ['Partnerská města Buffala ve státě New York'],
  ])('GIVEN "%s" THEN the partners of Buffalo, never the tie between Buffalo and New York City', (text) => {
    expect(read(text)).toEqual(partners('buffalo-us'));
  });
});

describe('"in which country is X?" asks about the city', () => {
  it.each([
    ['Dans quel pays se trouve Shusha ?'],
    ['In welchem Land liegt Shusha?'],
    ['Ve které zemi leží Šuša?'],
    ['V jaké zemi leží Šuša?'],
    ['¿En qué país está Shusha?'],
    ['In which country is Shusha?'],
  ])('GIVEN "%s" THEN the city', (text) => {
    expect(read(text)).toEqual(city('shusha-az'));
  });
});
