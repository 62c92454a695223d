import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { City } from '../../src/domain/city.ts';
import { foldName } from '../../src/domain/names.ts';
import { Catalog } from '../../src/store/catalog.ts';
import { createStore } from '../../src/store/init.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { Store } from '../../src/store/store.ts';
import { loadWorld, WorldFileError } from '../../src/store/world/load.ts';
import { World } from '../../src/store/world/world.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { WORLD_FIXTURE, worldCopy, writeWorld } from '../fixtures/world-layer.ts';

const world = loadWorld(WORLD_FIXTURE);

/** An office store of these cities and partnerships (and nothing else), with the world layer on. */
function office(cities: City[], partnerships: unknown[] = [], hidden: string[] = []): Catalog {
  const data = StoreSchema.parse({
    version: 1,
    settings: { world: true },
    cities,
    partnerships,
    hiddenWorldPairs: hidden,
  });
  return new Catalog(data, world);
}

const city = (id: string, name: string, country: string, extra: Partial<City> = {}): City => ({
  id,
  name,
  names: [],
  country,
  ...extra,
});

describe('loading the world layer', () => {
  it('GIVEN the layer and its manifest THEN its cities and pairs are read as they are', () => {
    expect(world.city('berlin-de')?.wikidata).toBe('Q64');
    expect(world.partnershipsOf('berlin-de').map((p) => p.id)).toContain('berlin-de--paris-fr');
    expect(world.sources.map((s) => `${s.id} ${s.licence}`)).toEqual([
      'wikipedia MIT',
      'wikidata CC0-1.0',
      'geonames CC-BY-4.0',
    ]);
  });

  it('GIVEN one changed byte in world.json THEN it is refused, naming the file and how to rebuild', async () => {
    const dir = await worldCopy();
    const path = join(dir, 'world.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace('Berlin', 'Berlim'));
    expect(() => loadWorld(dir)).toThrow(WorldFileError);
    expect(() => loadWorld(dir)).toThrow(/world\.json: does not match its manifest.*npm run world/);
  });

  it('GIVEN no world.json THEN it is refused as missing, with how to rebuild', async () => {
    const dir = await worldCopy();
    await rm(join(dir, 'world.json'));
    expect(() => loadWorld(dir)).toThrow(
      /world\.json: is missing\. Rebuild the world layer with `npm run world`/,
    );
  });

  it('GIVEN a store that uses the layer and a damaged layer THEN the store is refused at open', async () => {
    const dir = await worldCopy();
    await writeFile(join(dir, 'world.json'), '{}');
    const data = { version: 1, settings: { world: true }, cities: [], partnerships: [] };
    expect(() => Store.inMemory(data, { worldDir: dir })).toThrow(/does not match its manifest/);
  });

  it('GIVEN a store that does not use the layer THEN a missing layer is never read', async () => {
    const missing = join(await worldCopy(), 'nowhere');
    const store = Store.inMemory({ version: 1, cities: [], partnerships: [] }, { worldDir: missing });
    expect(store.catalog.world).toBeUndefined();
    expect(store.catalog.data.settings.world).toBeUndefined();
  });

  it('GIVEN a layer with or without a prebuilt name index THEN names are found; an index folded otherwise is rebuilt', async () => {
    const data = JSON.parse(await readFile(join(WORLD_FIXTURE, 'world.json'), 'utf8'));
    expect(new World(data).named('berlin').map((c) => c.id)).toEqual(['berlin-de']);
    const entries = data.cities.flatMap((c: City, i: number) =>
      [c.name, ...c.names.map((n) => n.name)].map((name) => ({ name: foldName(name), city: i })),
    );
    const berlin = data.cities.findIndex((c: City) => c.id === 'berlin-de');
    // The builder's index, plus one entry of its own: that it is found shows the index is used.
    entries.push({ name: 'praha', city: berlin });
    entries.sort((a: { name: string }, b: { name: string }) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    const index = {
      fold: 1,
      names: entries.map((e: { name: string }) => e.name),
      cities: entries.map((e: { city: number }) => e.city),
    };
    const dir = await worldCopy();
    await writeWorld(dir, { ...data, index });
    expect(
      loadWorld(dir)
        .named('praha')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['berlin-de', 'prague-cz']);
    // Folded by another rule (here: not at all), the index would miss names: it is rebuilt.
    const unfolded = {
      fold: 1,
      names: data.cities.map((c: City) => c.name).sort(),
      cities: data.cities.map((_: City, i: number) => i),
    };
    expect(new World({ ...data, index: unfolded }).named('frankfurt oder').map((c) => c.id)).toEqual([
      'frankfurt-oder-de',
    ]);
  });
});

describe('the catalog over the office and the world', () => {
  it('GIVEN an empty office THEN a world city, its names in other languages and its listed partners are found', () => {
    const catalog = office([]);
    expect(catalog.matchName('Берлин').map((c) => c.id)).toEqual(['berlin-de']);
    expect(catalog.partnershipsOf('berlin-de').map((p) => p.id)).toEqual([
      'berlin-de--los-angeles-us',
      'berlin-de--moscow-ru',
      'berlin-de--paris-fr',
      'berlin-de--prague-cz',
    ]);
    expect(catalog.partnershipBetween('paris-fr', 'berlin-de')?.sources.map((s) => s.id)).toEqual([
      'wikipedia',
      'wikidata',
    ]);
  });

  it('GIVEN an office pair for a listed pair THEN the office record is the one shown, once', () => {
    const own = { id: 'berlin-de--paris-fr', cities: ['berlin-de', 'paris-fr'], type: 'partner_city' };
    const catalog = office(
      [city('berlin-de', 'Berlin', 'DE'), city('paris-fr', 'Paris', 'FR')],
      [{ ...own, milestones: [{ kind: 'signing', date: '1987' }] }],
    );
    const shown = catalog.partnershipsOf('berlin-de').filter((p) => p.cities.includes('paris-fr'));
    expect(shown).toHaveLength(1);
    expect(shown[0]?.type).toBe('partner_city');
    expect(catalog.partnershipBetween('berlin-de', 'paris-fr')?.milestones).toHaveLength(1);
  });

  it("GIVEN an office city with the same id, Wikidata id, or name, country and region THEN it takes its world twin's place, with its pairs", () => {
    const catalog = office([
      city('prague-cz', 'Prague', 'CZ'),
      city('taipei-tw', 'Taipei', 'TW', { wikidata: 'Q1867' }),
      city('paderborn-de', 'Paderborn', 'DE', { region: 'North Rhine-Westphalia' }),
    ]);
    // One Prague, one Taipei, one Paderborn: a search or a name finds the office's city only.
    expect(catalog.matchName('Praha').map((c) => c.id)).toEqual(['prague-cz']);
    expect(catalog.matchName('臺北').map((c) => c.id)).toEqual(['taipei-tw']);
    expect(catalog.matchName('Taipei City').map((c) => c.id)).toEqual(['taipei-tw']);
    expect(catalog.matchName('Paderborn').map((c) => c.id)).toEqual(['paderborn-de']);
    expect(catalog.city('taipei-city-tw')?.id).toBe('taipei-tw');
    expect(catalog.search('Taipei', 10).map((c) => c.id)).toEqual(['taipei-tw']);
    // The world's pairs of the twin are the office city's now, under the office's ids.
    expect(catalog.partnershipsOf('taipei-tw').map((p) => p.id)).toEqual(['los-angeles-us--taipei-tw']);
    expect(catalog.partnershipsOf('los-angeles-us').map((p) => p.id)).toContain('los-angeles-us--taipei-tw');
    expect(catalog.partnershipsOf('paderborn-de').map((p) => p.id)).toEqual(['le-mans-fr--paderborn-de']);
    // The district keeps its own record: a district is its own body.
    expect(catalog.matchName('Paderborn (district)').map((c) => c.id)).toEqual(['paderborn-district-de']);
  });

  it('GIVEN an office city of the same name and country within 25 km THEN it takes over; farther away with another region THEN both stay', () => {
    const near = office([city('lemans-fr', 'Le Mans', 'FR', { coordinates: { lat: 48.0, lon: 0.2 } })]);
    expect(near.matchName('Le Mans').map((c) => c.id)).toEqual(['lemans-fr']);
    const concord = office([city('concord-california-us', 'Concord', 'US', { region: 'California' })]);
    expect(concord.matchName('Concord').map((c) => c.id)).toEqual([
      'concord-california-us',
      'concord-new-hampshire-us',
    ]);
    const far = office([city('le-mans-2-fr', 'Le Mans', 'FR', { coordinates: { lat: 45.0, lon: 3.0 } })]);
    expect(far.matchName('Le Mans').map((c) => c.id)).toEqual(['le-mans-2-fr', 'le-mans-fr']);
  });

  it('GIVEN a world pair the office removed THEN it is not shown', () => {
    const catalog = office([], [], ['berlin-de--moscow-ru']);
    expect(catalog.partnershipsOf('berlin-de').map((p) => p.id)).not.toContain('berlin-de--moscow-ru');
    expect(catalog.partnershipBetween('berlin-de', 'moscow-ru')).toBeUndefined();
  });

  it("GIVEN Frankfurt (Oder) THEN only its own partners, not Frankfurt am Main's", () => {
    const catalog = office([]);
    const [oder] = catalog.matchName('Frankfurt (Oder)');
    expect(oder?.id).toBe('frankfurt-oder-de');
    expect(catalog.partnershipsOf('frankfurt-oder-de').map((p) => p.id)).toEqual([
      'frankfurt-oder-de--slubice-pl',
    ]);
  });

  it("GIVEN the world layer THEN anniversaries come from the office's dated records only", () => {
    const catalog = office([]);
    expect(catalog.partnerships).toEqual([]);
    expect(catalog.countYearOnlyAnniversaries()).toBe(0);
  });
});

describe('creating a store', () => {
  it('GIVEN the seed store created as the first start does THEN it uses the world layer and knows Berlin', async () => {
    const store = await createStore(join(await tempDir(), 'twinning.json'));
    expect(store.catalog.data.settings.world).toBe(true);
    expect(store.catalog.matchName('Berlin').map((c) => c.id)).toEqual(['berlin-de']);
    const empty = await createStore(join(await tempDir(), 'empty.json'), { empty: true });
    expect(empty.catalog.world).toBeUndefined();
  });
});
