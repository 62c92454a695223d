// The layer as committed in data/world (built by npm run world from data/sources and the gazetteer).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../scripts/world/world.ts';
import { foldName } from '../../../src/domain/names.ts';
import { type WorldFile, WorldFileSchema, WorldManifestSchema } from '../../../src/store/world-schema.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let bytes: Buffer;
let world: WorldFile;

beforeAll(() => {
  bytes = readFileSync(join(root, 'data', 'world', 'world.json'));
  world = JSON.parse(bytes.toString('utf8')) as WorldFile;
});

function namesOf(id: string): string[] {
  const city = world.cities.find((c) => c.id === id);
  return city ? [city.name, ...city.names.map((n) => n.name)] : [];
}

function partnersOf(id: string): string[] {
  return world.partnerships
    .filter((p) => p.cities.includes(id))
    .map((p) => (p.cities[0] === id ? p.cities[1] : p.cities[0]));
}

/** The partners the two lists in data/sources give a city, as the lists spell them. */
function listedPartners(name: string, country: string, wikidataCountry = country): string[] {
  const sources = join(root, 'data', 'sources');
  const wikipedia: string[][] = parse(
    readFileSync(join(sources, 'wikipedia-twin-cities', 'twin_cities.csv')),
    {
      from_line: 2,
    },
  );
  const found: string[] = [];
  for (const [a, ac, b, bc] of wikipedia) {
    if (a === name && ac === country && b) found.push(b);
    if (b === name && bc === country && a) found.push(a);
  }
  const wikidata = readFileSync(join(sources, 'wikidata-sister-cities', 'sistercities.tsv'), 'utf8').split(
    '\n',
  );
  for (const line of wikidata.slice(1)) {
    const f = line.split('\t');
    if (f[0] === name && f[1] === wikidataCountry && f[5]) found.push(f[5]);
    if (f[5] === name && f[9] === wikidataCountry && f[0]) found.push(f[0]);
  }
  return [...new Set(found)];
}

describe('the committed world layer (data/world)', () => {
  it('GIVEN world.json THEN the manifest holds its checksum, size and counts, and it is valid', () => {
    const manifest = WorldManifestSchema.parse(
      JSON.parse(readFileSync(join(root, 'data', 'world', 'manifest.json'), 'utf8')),
    );
    expect(manifest.sha256).toBe(sha256(bytes));
    expect(manifest.bytes).toBe(bytes.length);
    expect(manifest.cities).toBe(world.cities.length);
    expect(manifest.partnerships).toBe(world.partnerships.length);
    expect(WorldFileSchema.safeParse(world).success).toBe(true);
  });

  it('GIVEN Praha, Wien and Köln THEN they are names of Prague, Vienna and Cologne', () => {
    expect(namesOf('prague-cz')).toContain('Praha');
    expect(namesOf('vienna-at')).toContain('Wien');
    expect(namesOf('cologne-de')).toContain('Köln');
    expect(
      world.cities.filter((c) => c.country === 'CZ' && namesOf(c.id).includes('Praha')).map((c) => c.id),
    ).toEqual(['prague-cz']);
  });

  it('GIVEN Frankfurt am Main and Frankfurt (Oder) THEN two cities, each with its own partners', () => {
    const main = partnersOf('frankfurt-am-main-de');
    const oder = partnersOf('frankfurt-oder-de');
    expect(main).toEqual(expect.arrayContaining(['lyon-fr', 'prague-cz', 'birmingham-gb']));
    expect(oder).toEqual(expect.arrayContaining(['slubice-pl', 'vitebsk-by']));
    expect(main.filter((id) => oder.includes(id))).toEqual([]);
  });

  it.each([
    ['prague-cz', 'Prague', 'Czech Republic'],
    ['berlin-de', 'Berlin', 'Germany'],
  ])('GIVEN %s THEN every partner either list gives it is its partner in the layer', (id, name, country) => {
    const listed = listedPartners(name, country);
    expect(listed.length).toBeGreaterThan(10);
    const partnerNames = partnersOf(id).flatMap((p) => namesOf(p).map(foldName));
    const missing = listed.filter((n) => !partnerNames.includes(foldName(n)));
    expect(missing).toEqual([]);
  });
});
