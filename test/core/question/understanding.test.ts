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
    expect(reading).toEqual({ offers: [] });
  });
});
