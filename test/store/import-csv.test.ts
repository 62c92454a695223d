import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { City } from '../../src/domain/city.ts';
import type { Partnership } from '../../src/domain/partnership.ts';
import { deriveStatus } from '../../src/domain/status.ts';
import { type ImportOptions, importCsv } from '../../src/store/import-csv.ts';
import { Store } from '../../src/store/store.ts';

const WIKIPEDIA_CSV = join(import.meta.dirname, '../../data/sources/wikipedia-twin-cities/twin_cities.csv');

const PRAGUE: City = {
  id: 'prague-cz',
  name: 'Prague',
  names: [{ name: 'Praha', lang: 'cs', kind: 'native' }],
  country: 'CZ',
};
const BERLIN: City = { id: 'berlin-de', name: 'Berlin', names: [], country: 'DE' };
const CONCORD_CA: City = {
  id: 'concord-california-us',
  name: 'Concord',
  names: [],
  country: 'US',
  region: 'California',
};
const CONCORD_MA: City = {
  id: 'concord-massachusetts-us',
  name: 'Concord',
  names: [],
  country: 'US',
  region: 'Massachusetts',
};

const OPTIONS: ImportOptions = { sourceTitle: 'partners.csv', actor: 'tester', platform: 'cli' };

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  // Closed first: a large import folds its journal into the file in the background.
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function storeWith(
  cities: City[] = [],
  partnerships: Partnership[] = [],
): Promise<{ store: Store; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'twinbot-import-'));
  dirs.push(dir);
  const path = join(dir, 'store.json');
  const store = await Store.create(path, { version: 1, cities, partnerships });
  stores.push(store);
  return { store, path };
}

function partnership(store: Store, a: string, b: string): Partnership | undefined {
  return store.catalog.partnershipBetween(a, b);
}

describe('importCsv', () => {
  it('reads the header in any case and order, and accepts city1/country1 column names', async () => {
    const { store } = await storeWith();
    const shuffled = 'Country_B,CITY_A,country_a,City_B\nDE,Prague,CZ,Berlin\n';
    const aliases = 'city1,country1,city2,country2\nLyon,FR,Milan,IT\n';

    const first = await importCsv(store, shuffled, OPTIONS);
    const second = await importCsv(store, aliases, OPTIONS);

    expect(first).toMatchObject({ partnershipsAdded: 1, rejected: [], written: true });
    expect(second).toMatchObject({ partnershipsAdded: 1, rejected: [], written: true });
    expect(partnership(store, 'prague-cz', 'berlin-de')).toBeDefined();
    expect(partnership(store, 'lyon-fr', 'milan-it')).toBeDefined();
  });

  it('reports a missing required column on the header line', async () => {
    const { store } = await storeWith();

    const report = await importCsv(store, 'city_a,country_a,city_b\nPrague,CZ,Berlin\n', OPTIONS);

    expect(report.written).toBe(false);
    expect(report.rejected).toEqual([
      { line: 1, reason: expect.stringContaining('missing column country_b (or country2)') },
    ]);
  });

  it('reads countries as ISO codes or names, with a nation before the comma kept as the region', async () => {
    const { store } = await storeWith();
    const csv = [
      'city_a,country_a,city_b,country_b',
      'Cardiff,"Wales, United Kingdom",Tbilisi,Georgia (country)',
      'Nantes,fr,Cardiff,GB',
    ].join('\n');

    const report = await importCsv(store, csv, OPTIONS);

    expect(report).toMatchObject({ citiesAdded: 3, partnershipsAdded: 2, rejected: [] });
    expect(store.catalog.city('cardiff-wales-gb')).toMatchObject({
      name: 'Cardiff',
      country: 'GB',
      region: 'Wales',
    });
    expect(store.catalog.city('tbilisi-ge')).toMatchObject({ name: 'Tbilisi', country: 'GE' });
    expect(partnership(store, 'nantes-fr', 'cardiff-wales-gb')).toBeDefined();
  });

  it('reads a place in brackets as the region, and keeps a kind of body in brackets in the name', async () => {
    const { store } = await storeWith();
    const csv =
      'city1,country1,city2,country2\nPrague 6 (Prague),Czech Republic,Paderborn (district),Germany\n';

    await importCsv(store, csv, OPTIONS);

    expect(store.catalog.city('prague-6-prague-cz')).toMatchObject({ name: 'Prague 6', region: 'Prague' });
    expect(store.catalog.city('paderborn-district-de')).toMatchObject({ name: 'Paderborn (district)' });
  });

  it('joins "Praha, CZ" to the existing Prague through its Czech name', async () => {
    const { store } = await storeWith([PRAGUE]);

    const report = await importCsv(
      store,
      'city_a,country_a,city_b,country_b\nPraha,CZ,Berlin,Germany\n',
      OPTIONS,
    );

    expect(report.citiesAdded).toBe(1);
    expect(store.catalog.data.cities.map((city) => city.id).sort()).toEqual(['berlin-de', 'prague-cz']);
    expect(partnership(store, 'prague-cz', 'berlin-de')).toBeDefined();
  });

  it('records A-B and B-A as one partnership, in the file and against the store', async () => {
    const existing: Partnership = {
      id: 'berlin-de--prague-cz',
      cities: ['berlin-de', 'prague-cz'],
      milestones: [{ kind: 'signing', date: '1995-05-12', sources: [] }],
      sources: [],
    };
    const { store } = await storeWith([PRAGUE, BERLIN], [existing]);
    const csv = [
      'city_a,country_a,city_b,country_b,signed',
      'Lyon,FR,Milan,IT,1966',
      'Milan,IT,Lyon,FR,1966',
      'Berlin,DE,Prague,CZ,1995-05-12',
    ].join('\n');

    const report = await importCsv(store, csv, OPTIONS);

    expect(report).toMatchObject({ partnershipsAdded: 1, partnershipsMerged: 1, rejected: [] });
    expect(store.catalog.data.partnerships).toHaveLength(2);
    expect(partnership(store, 'lyon-fr', 'milan-it')?.milestones).toEqual([
      { kind: 'signing', date: '1966', sources: ['partners-csv'] },
    ]);
    expect(partnership(store, 'berlin-de', 'prague-cz')?.milestones).toEqual([
      { kind: 'signing', date: '1995-05-12', sources: ['partners-csv'] },
    ]);
  });

  it('writes nothing when any row is invalid, and reports every bad row with its line', async () => {
    const { store, path } = await storeWith([PRAGUE]);
    const before = await readFile(path, 'utf8');
    const csv = [
      'city_a,country_a,city_b,country_b,signed',
      'Prague,CZ,Berlin,DE,1995',
      'Prague,CZ,Atlantis,Nowhere,1990',
      'Lyon,FR,Milan,IT,1966',
      'Lyon,FR,Turin,IT,last spring',
    ].join('\n');

    const report = await importCsv(store, csv, OPTIONS);

    expect(report).toMatchObject({ citiesAdded: 0, partnershipsAdded: 0, written: false });
    expect(report.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('unknown country "Nowhere"') },
      { line: 5, reason: expect.stringContaining('"last spring" is not a date') },
    ]);
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(store.catalog.data.partnerships).toEqual([]);
  });

  it('imports the valid rows and reports the others with skipInvalid', async () => {
    const { store } = await storeWith();
    const csv = [
      'city_a,country_a,city_b,country_b',
      'Lyon,FR,Milan,IT',
      'Lyon,FR,Lyon,France',
      ',FR,Turin,IT',
      'Córdoba, Bolívar,CO,Lyon,FR',
    ].join('\n');

    const report = await importCsv(store, csv, { ...OPTIONS, skipInvalid: true });

    expect(report).toMatchObject({ partnershipsAdded: 1, written: true });
    expect(report.rejected).toEqual([
      { line: 3, reason: 'pairs lyon-fr with itself' },
      { line: 4, reason: 'city_a: no city name' },
      { line: 5, reason: '5 cells but 4 columns: quote any value that contains a comma' },
    ]);
    expect(store.catalog.data.partnerships.map((p) => p.id)).toEqual(['lyon-fr--milan-it']);
    expect(store.catalog.city('turin-it')).toBeUndefined();
  });

  it('records the whole import as one audit entry, and the file as the source when rows name none', async () => {
    const { store: importer, path } = await storeWith();
    const csv =
      'city_a,country_a,city_b,country_b,source\nLyon,FR,Milan,IT,\nLyon,FR,Turin,IT,https://example.org/lyon\n';

    await importCsv(importer, csv, OPTIONS);

    const store = await Store.open(path);
    expect(store.catalog.data.audit).toEqual([
      expect.objectContaining({
        actor: 'tester',
        action: 'import',
        target: 'partners.csv',
        after: { citiesAdded: 3, partnershipsAdded: 2, partnershipsMerged: 0, unchanged: 0, rejected: 0 },
      }),
    ]);
    expect(partnership(store, 'lyon-fr', 'milan-it')).toMatchObject({
      sources: [{ id: 'partners-csv', title: 'partners.csv' }],
      milestones: [{ kind: 'signing', sources: ['partners-csv'] }],
    });
    expect(partnership(store, 'lyon-fr', 'turin-it')).toMatchObject({
      sources: [{ id: 'example-org-lyon', url: 'https://example.org/lyon' }],
      milestones: [{ kind: 'signing', sources: ['example-org-lyon'] }],
    });
  });

  it('leaves the store file untouched when the same file is imported again', async () => {
    const { store, path } = await storeWith([PRAGUE]);
    const csv = [
      'city_a,country_a,city_b,country_b,type,signed,status,status_date,status_by,reason',
      'Praha,CZ,Shanghai,CN,sister_city,2017-01-12,terminated,2020-01-14,b,Taipei partnership',
      'Cardiff,"Wales, United Kingdom",Nantes,France,,1964,,,,',
    ].join('\n');
    const first = await importCsv(store, csv, OPTIONS);
    const afterFirst = await readFile(path, 'utf8');

    const second = await importCsv(store, csv, OPTIONS);

    expect(first.written).toBe(true);
    expect(second).toEqual({
      citiesAdded: 0,
      partnershipsAdded: 0,
      partnershipsMerged: 0,
      unchanged: 2,
      rejected: [],
      written: false,
    });
    expect(await readFile(path, 'utf8')).toBe(afterFirst);
  });

  it('rejects a city name shared by several cities when the row names no region, and uses the region when it does', async () => {
    const { store } = await storeWith([CONCORD_CA, CONCORD_MA]);
    const csv = [
      'city_a,country_a,region_a,city_b,country_b',
      'Concord,US,,Kitakami,JP',
      'Concord,US,Massachusetts,Nanae,JP',
    ].join('\n');

    const report = await importCsv(store, csv, { ...OPTIONS, skipInvalid: true });

    expect(report.rejected).toEqual([
      {
        line: 2,
        reason:
          'ambiguous: Concord, US could be concord-california-us or concord-massachusetts-us; add region_a',
      },
    ]);
    expect(partnership(store, 'concord-massachusetts-us', 'nanae-jp')).toBeDefined();
  });

  it('matches a city named without region to the one region the file gives it, wherever that row is', async () => {
    const { store } = await storeWith();
    const csv = [
      'city_a,country_a,city_b,country_b',
      'London,United Kingdom,Paris,France',
      'London,"England, United Kingdom",Berlin,Germany',
      'Bangor,United Kingdom,Bregenz,Austria',
      'Bregenz,Austria,Bangor,"Northern Ireland, United Kingdom"',
      'Soest,Germany,Bangor,Wales',
    ].join('\n');

    const report = await importCsv(store, csv, { ...OPTIONS, skipInvalid: true });

    expect(partnership(store, 'london-england-gb', 'paris-fr')).toBeDefined();
    expect(partnership(store, 'london-england-gb', 'berlin-de')).toBeDefined();
    expect(store.catalog.city('london-gb')).toBeUndefined();
    expect(report.rejected).toEqual([
      {
        line: 4,
        reason: 'ambiguous: Bangor, GB could be bangor-northern-ireland-gb or bangor-wales-gb; add region_a',
      },
    ]);
  });

  it('adds no undated signing to a partnership whose signing is dated', async () => {
    const signed: Partnership = {
      id: 'berlin-de--prague-cz',
      cities: ['berlin-de', 'prague-cz'],
      milestones: [{ kind: 'signing', date: '1995-05-12', sources: [] }],
      sources: [],
    };
    const { store } = await storeWith([PRAGUE, BERLIN], [signed]);

    await importCsv(store, 'city1,country1,city2,country2\nPrague,CZ,Berlin,DE\n', OPTIONS);

    expect(partnership(store, 'berlin-de', 'prague-cz')?.milestones).toEqual([
      { kind: 'signing', date: '1995-05-12', sources: ['partners-csv'] },
    ]);
  });

  it('derives the stated status from the status columns', async () => {
    const { store } = await storeWith([PRAGUE]);
    const csv = [
      'city_a,country_a,city_b,country_b,signed,status,status_date,status_by,reason',
      'Prague,CZ,Shanghai,CN,2017,terminated,2020-01,b,Taipei partnership',
      'San Francisco,US,Osaka,JP,1957,disputed,2018-10,b,',
      'Lyon,FR,Milan,IT,,approved,2020,a,',
      'Lyon,FR,Turin,IT,1958,suspended,,,',
    ].join('\n');

    const report = await importCsv(store, csv, OPTIONS);

    expect(report.rejected).toEqual([]);
    const shanghai = partnership(store, 'prague-cz', 'shanghai-cn');
    if (!shanghai) throw new Error('Prague-Shanghai was not imported');
    expect(deriveStatus(shanghai)).toMatchObject({
      status: 'terminated',
      decisive: { kind: 'termination', date: '2020-01', by: 'shanghai-cn', reason: 'Taipei partnership' },
    });
    const osaka = partnership(store, 'san-francisco-us', 'osaka-jp');
    if (!osaka) throw new Error('San Francisco-Osaka was not imported');
    expect(deriveStatus(osaka).status).toBe('disputed');
    expect(osaka.milestones.map((m) => [m.kind, m.by])).toEqual([
      ['signing', undefined],
      ['termination', 'osaka-jp'],
      ['objection', 'san-francisco-us'],
    ]);
    const milan = partnership(store, 'lyon-fr', 'milan-it');
    const turin = partnership(store, 'lyon-fr', 'turin-it');
    if (!milan || !turin) throw new Error('the Lyon partnerships were not imported');
    expect(deriveStatus(milan).status).toBe('approved');
    expect(deriveStatus(turin).status).toBe('suspended');
  });

  it('rejects status cells that contradict each other or the signing date', async () => {
    const { store } = await storeWith();
    const csv = [
      'city_a,country_a,city_b,country_b,signed,status,status_date,status_by',
      'Lyon,FR,Milan,IT,1990,terminated,1980,',
      'Lyon,FR,Turin,IT,,disputed,2000,both',
      'Lyon,FR,Genoa,IT,,,2000,a',
    ].join('\n');

    const report = await importCsv(store, csv, OPTIONS);

    expect(report.rejected.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(report.rejected[0]?.reason).toContain(
      'signed 1990 and status terminated on 1980 contradict each other',
    );
    expect(report.rejected[1]?.reason).toContain('disputed needs status_by a or b');
    expect(report.rejected[2]?.reason).toContain('status_date, status_by given without a status');
  });

  it('completes an undated listing with the signing date a later file gives', async () => {
    const { store } = await storeWith();
    await importCsv(store, 'city1,country1,city2,country2\nLyon,FR,Milan,IT\n', {
      ...OPTIONS,
      sourceTitle: 'list.csv',
    });

    const report = await importCsv(
      store,
      'city_a,country_a,city_b,country_b,signed\nMilan,IT,Lyon,FR,1966\n',
      OPTIONS,
    );

    expect(report).toMatchObject({ partnershipsMerged: 1, written: true });
    expect(partnership(store, 'lyon-fr', 'milan-it')?.milestones).toEqual([
      { kind: 'signing', date: '1966', sources: ['list-csv', 'partners-csv'] },
    ]);
  });

  it('imports the 26k-row Wikipedia list with skipInvalid', async () => {
    const { store } = await storeWith();
    const csv = await readFile(WIKIPEDIA_CSV, 'utf8');

    const progress: number[][] = [];

    const report = await importCsv(store, csv, {
      ...OPTIONS,
      skipInvalid: true,
      sourceTitle: 'twin_cities.csv',
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(report.written).toBe(true);
    expect(report.partnershipsAdded).toBeGreaterThan(20_000);
    expect(report.citiesAdded).toBeGreaterThan(15_000);
    expect(report.rejected.length).toBeLessThan(1_000);
    expect(partnership(store, 'prague-cz', 'kyoto-jp')).toBeDefined();
    // What stays in brackets says what kind of body it is: "Herford (district)", "Świdnica (rural gmina)".
    const bracketed = store.catalog.data.cities.filter((city) => city.name.includes('('));
    expect(bracketed.length).toBeGreaterThan(0);
    expect(bracketed.filter((city) => !/ \(\p{Ll}[^()]*\)$/u.test(city.name))).toEqual([]);
    expect(progress.at(-1)).toEqual([26_114, 26_114]);
  });
});
