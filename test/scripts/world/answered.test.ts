import { describe, expect, it } from 'vitest';
import { unshownPairs } from '../../../scripts/world/answered.ts';
import { Catalog } from '../../../src/store/catalog.ts';
import { StoreSchema } from '../../../src/store/schema.ts';
import { World } from '../../../src/store/world/world.ts';
import { buildFixture } from './fixture.ts';

const ROWS = ['York,England,Münster,Germany', 'Lyon,France,Frankfurt am Main,Germany'];

function officeWith(hiddenWorldPairs: string[]) {
  return StoreSchema.parse({ version: 1, cities: [], partnerships: [], hiddenWorldPairs });
}

describe('world check: every listed pair is shown by partners', () => {
  it('GIVEN the layer beside an office store that hides nothing THEN every row that made it in is shown on both sides', () => {
    const { resolution, assembled, world } = buildFixture(ROWS);
    const catalog = new Catalog(officeWith([]), new World(world));
    expect(resolution.resolved).toHaveLength(2);
    expect(unshownPairs(resolution, assembled.idOf, catalog)).toEqual([]);
  });

  it('GIVEN an office that removed one listed pair THEN that row is reported and the other is not', () => {
    const { resolution, assembled, world } = buildFixture(ROWS);
    const york = world.partnerships.find((p) => p.cities.includes('york-gb'));
    expect(york).toBeDefined();
    const catalog = new Catalog(officeWith([york?.id ?? '']), new World(world));
    expect(unshownPairs(resolution, assembled.idOf, catalog)).toEqual([
      expect.stringMatching(/York – Münster$/),
    ]);
  });
});
