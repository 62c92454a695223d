import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import type { City } from '../../../src/domain/city.ts';
import { Catalog } from '../../../src/store/catalog.ts';
import { StoreSchema } from '../../../src/store/schema.ts';
import { World } from '../../../src/store/world/world.ts';
import { questionStore } from './question-store.ts';

/** World cities named like everyday words, beside the office's own (Split, Nice, Mobile...). */
function worldCity(id: string, name: string, country: string): City {
  return { id, name, names: [], country } as City;
}

const WORLD_CITIES: City[] = [
  worldCity('frome-gb', 'Frome', 'GB'),
  worldCity('list-de', 'List', 'DE'),
  worldCity('wann-de', 'Wann', 'DE'),
  worldCity('still-fr', 'Still', 'FR'),
  worldCity('poland-us', 'Poland', 'US'),
  worldCity('kitakami-jp', 'Kitakami', 'JP'),
];

const catalog = new Catalog(
  StoreSchema.parse(questionStore()),
  new World({ format: 1, sources: [], cities: WORLD_CITIES, partnerships: [] }),
);

function read(text: string) {
  const reading = parseQuestion(text, catalog, commands);
  return reading.sure ? { run: reading.invocation } : { offers: reading.closest };
}

describe('reading questions: what runs and what is offered', () => {
  it('GIVEN an unsure reading THEN every command offered names only cities the store knows, one each', () => {
    const reading = read('Prague and Atlantis, hmm?');
    expect(reading).toEqual({ offers: [{ command: 'search', args: { text: 'Atlantis' } }] });
  });

  it('GIVEN the length of a tie asked ("how long") THEN the agreement, leading with how long (focus since)', () => {
    expect(read('how long have Prague and Taipei been partners?')).toEqual({
      run: { command: 'agreement', args: { city: 'prague-cz', with: 'taipei-tw' }, focus: 'since' },
    });
  });
});

describe('reading questions: everyday words that are also world towns', () => {
  it('GIVEN "list" and "from" in a question THEN they are words, not the towns List and Frome', () => {
    expect(read('list the sister cities of Prague')).toEqual({
      run: { command: 'partners', args: { city: 'prague-cz' } },
    });
    expect(read('partners from Prague')).toEqual({
      run: { command: 'partners', args: { city: 'prague-cz' } },
    });
  });

  it('GIVEN a German question opening with "Wann" THEN Wann is the question word, not the town', () => {
    const reading = read('Wann haben Prague und Taipei unterzeichnet?');
    expect(reading).toEqual({
      run: { command: 'agreement', args: { city: 'prague-cz', with: 'taipei-tw' } },
    });
  });

  it('GIVEN a world town named like a word, capitalised mid-sentence THEN it is the town', () => {
    expect(read('tell me about Still')).toEqual({ run: { command: 'city', args: { city: 'still-fr' } } });
  });

  it('GIVEN office cities named like words (Split, Nice) THEN they stay cities even in lower case', () => {
    expect(read('is split still twinned with nice?')).toEqual({
      run: { command: 'agreement', args: { city: 'split-hr', with: 'nice-fr' }, asks: 'in-force' },
    });
  });
});

describe('reading questions: countries', () => {
  it('GIVEN "Poland" in a question THEN it is the country, not Poland the town: the partners there', () => {
    expect(read('which partners of Prague are in Poland?')).toEqual({
      run: { command: 'partners', args: { city: 'prague-cz', country: 'PL' } },
    });
  });

  it('GIVEN a country right after a city THEN it only says which city', () => {
    expect(read('tell me about Kitakami Japan')).toEqual({
      run: { command: 'city', args: { city: 'kitakami-jp' } },
    });
  });
});

describe('reading questions: words outside the cue tables', () => {
  it('GIVEN two known cities and words the reader does not know THEN their agreement is answered', () => {
    expect(read('when did Paderborn and Le Mans seal the deal, roughly?')).toEqual({
      run: { command: 'agreement', args: { city: 'paderborn-de', with: 'le-mans-fr' } },
    });
  });

  it('GIVEN two known cities, unknown words and a number THEN it is offered, never answered (it may ask for an anniversary)', () => {
    expect(read('Paderborn and Le Mans, 70 candles soon?')).toEqual({
      offers: [{ command: 'agreement', args: { city: 'paderborn-de', with: 'le-mans-fr' } }],
    });
  });

  it('GIVEN "still" anywhere with two cities THEN the yes/no question is answered first', () => {
    expect(read('Prague and Taipei, still partners?')).toEqual({
      run: { command: 'agreement', args: { city: 'prague-cz', with: 'taipei-tw' }, asks: 'in-force' },
    });
  });
});

describe('reading questions: Spanish and Czech, and names with case endings', () => {
  it('GIVEN a Spanish "since when" question THEN the agreement', () => {
    expect(read('¿desde cuándo están hermanadas Osaka y San Francisco?')).toEqual({
      run: { command: 'agreement', args: { city: 'osaka-jp', with: 'san-francisco-us' } },
    });
  });

  it('GIVEN Czech and Polish case endings ("s Rzeszowem", "Paderbornu") THEN the cities', () => {
    expect(read('kdy podepsal Paderborn smlouvu s Rzeszowem')).toEqual({
      run: { command: 'agreement', args: { city: 'paderborn-de', with: 'rzeszow-pl' } },
    });
    expect(read('partnerská města Paderbornu')).toEqual({
      run: { command: 'partners', args: { city: 'paderborn-de' } },
    });
  });
});

describe('reading questions: guesses are offered, not answered', () => {
  it('GIVEN a word one letter away from a world town only ("Frame") THEN the town is offered, not answered', () => {
    expect(read('tell me about Frame')).toEqual({
      offers: [{ command: 'city', args: { city: 'frome-gb' } }],
    });
  });

  it('GIVEN a country adjective beside a city ("any Japanese partners") THEN the partners there, yes or no first', () => {
    expect(read('does Prague have any Japanese partners?')).toEqual({
      run: { command: 'partners', args: { city: 'prague-cz', country: 'JP' }, asks: 'any' },
    });
  });

  it('GIVEN a country adjective no country name starts like ("Austr-": Austria, Australia) THEN only offered', () => {
    expect(read('does Prague have any australian partners?')).toEqual({
      offers: [{ command: 'partners', args: { city: 'prague-cz' } }],
    });
  });
});

describe('reading questions: Japanese and Chinese, written without spaces', () => {
  it('GIVEN a Chinese yes/no question with two cities THEN split into words, answered yes or no first', () => {
    expect(read('武汉和上海还是友好城市吗？')).toEqual({
      run: { command: 'agreement', args: { city: 'wuhan-cn', with: 'shanghai-cn' }, asks: 'in-force' },
    });
  });

  it("GIVEN a Chinese question for one city's partners THEN its partners", () => {
    expect(read('上海有哪些友好城市')).toEqual({
      run: { command: 'partners', args: { city: 'shanghai-cn' } },
    });
  });

  it('GIVEN a Japanese "how many years" question THEN the agreement, leading with how long', () => {
    expect(read('上海と武汉は何年姉妹都市ですか')).toEqual({
      run: { command: 'agreement', args: { city: 'shanghai-cn', with: 'wuhan-cn' }, focus: 'since' },
    });
  });
});

describe('reading questions: yes/no asked by French inversion', () => {
  it('GIVEN "a-t-elle mis fin" THEN did the first city end it, answered first', () => {
    expect(read('Osaka a-t-elle mis fin au jumelage avec San Francisco ?')).toEqual({
      run: {
        command: 'agreement',
        args: { city: 'osaka-jp', with: 'san-francisco-us' },
        asks: 'ended-by-first',
      },
    });
  });
});

describe('reading questions: the kinds issue 16 adds', () => {
  it('GIVEN "search" or "starting with" and one word to look up THEN the search for it, as written', () => {
    expect(read('search prah')).toEqual({ run: { command: 'search', args: { text: 'prah' } } });
    expect(read('Finde Städte, die mit Kita anfangen')).toEqual({
      run: { command: 'search', args: { text: 'Kita' } },
    });
    expect(read('Où se trouve Kitakami ?')).toEqual({
      run: { command: 'city', args: { city: 'kitakami-jp' } },
    });
  });

  it('GIVEN a question about the bot THEN the help, for one command when it names it', () => {
    expect(read('what can you do?')).toEqual({ run: { command: 'help', args: {} } });
    expect(read('How do I ask about anniversaries?')).toEqual({
      run: { command: 'help', args: { command: 'anniversaries' } },
    });
  });

  it("GIVEN one pair's n-th anniversary in German or Spanish THEN that pair's anniversary with that number", () => {
    const pair = {
      command: 'anniversaries',
      args: { city: 'prague-cz', with: 'taipei-tw', window: 'turning 10' },
    };
    expect(read('Wann feiern Prague und Taipei 10 Jahre?')).toEqual({ run: pair });
    expect(read('¿Cuándo es el décimo aniversario de Prague y Taipei?')).toEqual({ run: pair });
    expect(read('Prague und Taipei: 10 Jahre, wann?')).toEqual({ run: pair });
  });

  it('GIVEN a country written before the city ("日本の北上市") THEN it only says which city', () => {
    expect(read('日本の北上市の姉妹都市')).toEqual({
      run: { command: 'partners', args: { city: 'kitakami-jp' } },
    });
  });

  it('GIVEN a condition no command answers ("except") THEN what it asks is offered, not answered', () => {
    expect(read('partners of Prague except Shanghai')).toEqual({
      offers: [{ command: 'agreement', args: { city: 'prague-cz', with: 'shanghai-cn' } }],
    });
  });

  it('GIVEN a tag "or not" at the end THEN it asks nothing more; "or" inside still stands out', () => {
    expect(read('Partnerstädte von Prague, oder nicht?')).toEqual({
      run: { command: 'partners', args: { city: 'prague-cz' } },
    });
    expect(read('ist Prague mit Shanghai oder Taipei verschwistert?')).toMatchObject({
      offers: expect.any(Array),
    });
  });
});
