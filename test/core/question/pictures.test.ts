import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import { Catalog } from '../../../src/store/catalog.ts';
import { StoreSchema } from '../../../src/store/schema.ts';
import { questionStore } from './question-store.ts';

const catalog = new Catalog(StoreSchema.parse(questionStore()));

function run(text: string) {
  const reading = parseQuestion(text, catalog, commands);
  return reading.sure ? reading.invocation : undefined;
}

describe('reading questions that ask for a picture', () => {
  it.each([
    ["show me Prague's partners on a map", 'en'],
    ['Zeig mir die Partnerstädte von Prag auf der Karte', 'de'],
    ['carte des villes jumelles de Prague', 'fr'],
    ['mapa de las ciudades hermanas de Praga', 'es'],
    ['partnerská města Prahy na mapě', 'cs'],
    ['Pragueの姉妹都市を地図で見せて', 'ja'],
    ['Prague的友好城市地图', 'zh'],
  ])('GIVEN "%s" (%s) THEN the map of that city', (text) => {
    expect(run(text)).toEqual({ command: 'map', args: { city: 'prague-cz' } });
  });

  it('GIVEN a timeline asked for two cities THEN the timeline of their agreement', () => {
    expect(run('timeline of Prague and Taipei')).toMatchObject({
      command: 'timeline',
      args: { city: 'prague-cz', with: 'taipei-tw' },
    });
  });

  it('GIVEN a timeline asked for a name with namesakes THEN the namesake twinned with the other city', () => {
    expect(run('Kitakami and Concord timeline')).toEqual({
      command: 'timeline',
      args: { city: 'kitakami-jp', with: 'concord-california-us' },
    });
  });

  it('GIVEN a chart of anniversaries with a year THEN that year’s chart; without one THEN this year’s', () => {
    expect(run('chart of the anniversaries in 2027')).toEqual({
      command: 'anniversaries chart',
      args: { year: '2027' },
    });
    expect(run('2027年周年纪念按月图表')).toEqual({ command: 'anniversaries chart', args: { year: '2027' } });
    expect(run('anniversaries per month as a chart')).toEqual({ command: 'anniversaries chart', args: {} });
  });

  it('GIVEN a map asked for two cities THEN no map is drawn on a guess', () => {
    expect(run('map of Prague and Taipei')?.command).not.toBe('map');
  });
});
