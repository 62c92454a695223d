import { describe, expect, it } from 'vitest';
import type { City } from '../../../src/domain/city.ts';
import type { WorldFile } from '../../../src/store/world-schema.ts';
import { buildFixture, wikidataRow } from './fixture.ts';

function partnersOf(world: WorldFile, id: string): string[] {
  return world.partnerships
    .filter((p) => p.cities.includes(id))
    .map((p) => (p.cities[0] === id ? p.cities[1] : p.cities[0]))
    .sort();
}

/** The id of the one city that has this name (as its name or one of its names), in this region if given. */
function named(world: WorldFile, name: string, region?: string): string {
  const found = world.cities.filter(
    (c) =>
      (c.name === name || c.names.some((n) => n.name === name)) &&
      (region === undefined || c.region === region),
  );
  if (found.length !== 1) throw new Error(`${found.length} cities are named ${name}`);
  return (found[0] as City).id;
}

function city(world: WorldFile, id: string): City {
  const found = world.cities.find((c) => c.id === id);
  if (!found) throw new Error(`no city ${id} among ${world.cities.map((c) => c.id).join(', ')}`);
  return found;
}

describe('world build: one city per real place', () => {
  it('GIVEN "Münster" and "Munster" in Germany THEN they are two cities, each with its own partner', () => {
    const { world } = buildFixture(['York,England,Münster,Germany', 'Éragny,France,Munster,Germany']);
    expect(partnersOf(world, 'york-gb')).toEqual(['munster-north-rhine-westphalia-de']);
    expect(partnersOf(world, 'eragny-fr')).toEqual(['munster-lower-saxony-de']);
    expect(city(world, 'munster-lower-saxony-de').population).toBe(17746);
  });

  it('GIVEN Frankfurt am Main and Frankfurt an der Oder THEN two cities that do not share partners', () => {
    const { world } = buildFixture([
      'Lyon,France,Frankfurt am Main,Germany',
      'Vitebsk,Belarus,Frankfurt an der Oder,Germany',
    ]);
    expect(partnersOf(world, named(world, 'Frankfurt am Main'))).toEqual(['lyon-fr']);
    expect(partnersOf(world, named(world, 'Frankfurt (Oder)'))).toEqual(['vitebsk-by']);
    expect(named(world, 'Frankfurt am Main')).not.toBe(named(world, 'Frankfurt (Oder)'));
  });

  it('GIVEN a plain "Frankfurt" whose pair the partner page lists as Frankfurt am Main THEN it is that one pair', () => {
    const { world } = buildFixture([
      'Deuil-la-Barre,France,Frankfurt,Germany',
      'Frankfurt am Main,Germany,Deuil-la-Barre,France',
    ]);
    expect(partnersOf(world, 'deuil-la-barre-fr')).toEqual(['frankfurt-am-main-de']);
    expect(world.partnerships).toHaveLength(1);
    expect(world.partnerships[0]?.sources[0]?.title).toBe(
      'Wikipedia: twin towns and sister cities in France, Germany',
    );
  });

  it('GIVEN a plain "Frankfurt" and no listing the other way THEN the far larger namesake, Frankfurt am Main', () => {
    const { world } = buildFixture(['Lyon,France,Frankfurt,Germany']);
    expect(partnersOf(world, 'lyon-fr')).toEqual([named(world, 'Frankfurt am Main')]);
    expect(city(world, named(world, 'Frankfurt am Main')).region).toBe('Hesse');
  });

  it('GIVEN "Ludwigshafen" and "Ludwigshafen am Rhein" THEN one city', () => {
    const { world } = buildFixture([
      'Lyon,France,Ludwigshafen,Germany',
      'Vitebsk,Belarus,Ludwigshafen am Rhein,Germany',
    ]);
    expect(partnersOf(world, 'ludwigshafen-am-rhein-de')).toEqual(['lyon-fr', 'vitebsk-by']);
  });

  it('GIVEN "Paderborn (district)" and "Paderborn" THEN the district is a body of its own, not the town', () => {
    const { world } = buildFixture([
      'Lyon,France,Paderborn (district),Germany',
      'Vitebsk,Belarus,Paderborn,Germany',
    ]);
    expect(partnersOf(world, 'paderborn-district-de')).toEqual(['lyon-fr']);
    expect(partnersOf(world, 'paderborn-de')).toEqual(['vitebsk-by']);
    expect(city(world, 'paderborn-district-de').coordinates).toBeUndefined();
  });

  it('GIVEN "Kleinstadt (district)" and a Kleinstadt only Wikidata places THEN the district is not attached to the town', () => {
    const { world } = buildFixture(
      ['Vitebsk,Belarus,Kleinstadt (district),Germany', 'York,England,Kleinstadt,Germany'],
      [wikidataRow(['Lyon', 'France', 45.75, 4.85], ['Kleinstadt', 'Germany', 51.1, 9.2])],
    );
    expect(partnersOf(world, 'kleinstadt-district-de')).toEqual(['vitebsk-by']);
    expect(partnersOf(world, 'kleinstadt-de')).toEqual(['lyon-fr', 'york-gb']);
    expect(city(world, 'kleinstadt-de').timeZone).toBe('Europe/Berlin');
  });

  it('GIVEN a borough written "Berlin – Neukölln" and "Neukölln (Berlin)" THEN one body, apart from Berlin', () => {
    const { world } = buildFixture([
      'Lyon,France,Berlin – Neukölln,Germany',
      'Vitebsk,Belarus,Neukölln (Berlin),Germany',
      'Lyon,France,Berlin,Germany',
    ]);
    expect(partnersOf(world, 'berlin-neukolln-de')).toEqual(['lyon-fr', 'vitebsk-by']);
    expect(partnersOf(world, 'berlin-de')).toEqual(['lyon-fr']);
  });

  it('GIVEN "Washington, D.C." and "Washington D.C." THEN one city', () => {
    const { world } = buildFixture([
      'Brussels,Belgium,"Washington, D.C.",United States',
      'Beijing,China,Washington D.C.,United States',
    ]);
    expect(partnersOf(world, 'washington-d-c-us')).toEqual(['beijing-cn', 'brussels-be']);
  });

  it('GIVEN a plain "Washington, United States" and nothing to tell which THEN the row is left out, not given to D.C.', () => {
    const built = buildFixture([
      'Brussels,Belgium,"Washington, D.C.",United States',
      'Marbach,Germany,Washington,United States',
    ]);
    expect(partnersOf(built.world, 'washington-d-c-us')).toEqual(['brussels-be']);
    expect(built.world.cities.map((c) => c.id)).not.toContain('marbach-de');
    expect(built.resolution.leftOut).toEqual([
      expect.objectContaining({
        reason: 'ambiguous name',
        detail: expect.stringContaining('2 places are named "Washington"'),
      }),
    ]);
  });

  it('GIVEN Wikidata coordinates for a plain "Washington" THEN the Wikipedia row of the same pair resolves to that one', () => {
    const { world } = buildFixture(
      ['Marbach,Germany,Washington,United States'],
      [
        wikidataRow(
          ['Marbach', 'Germany', 48.94, 9.26],
          ['Washington', 'United States of America', 38.552, -91.013],
        ),
      ],
    );
    expect(partnersOf(world, 'marbach-de')).toEqual([named(world, 'Washington', 'Missouri')]);
    expect(world.partnerships[0]?.sources.map((s) => s.id)).toEqual(['wikidata', 'wikipedia']);
  });

  it('GIVEN two Eisenbergs twinned with each other THEN two cities and one partnership, and a third row placed by its reverse listing', () => {
    const { world } = buildFixture(
      ['Baldock,England,Eisenberg,Germany'],
      [
        wikidataRow(['Eisenberg', 'Germany', 49.561, 8.0725], ['Eisenberg', 'Germany', 50.967, 11.9]),
        wikidataRow(['Eisenberg', 'Germany', 49.561, 8.0725], ['Baldock', 'United Kingdom', 51.99, -0.19]),
      ],
    );
    expect(partnersOf(world, 'eisenberg-thuringia-de')).toEqual(['eisenberg-rheinland-pfalz-de']);
    expect(partnersOf(world, 'eisenberg-rheinland-pfalz-de')).toEqual([
      'baldock-gb',
      'eisenberg-thuringia-de',
    ]);
  });
});

describe('world build: countries', () => {
  it('GIVEN "Republic of Macedonia" (Wikidata) THEN the city is in MK', () => {
    const { world } = buildFixture(
      [],
      [wikidataRow(['Lyon', 'France', 45.75, 4.85], ['Skopje', 'Republic of Macedonia', 42.0, 21.43])],
    );
    expect(city(world, 'skopje-mk').country).toBe('MK');
  });

  it('GIVEN "Northern Cyprus" THEN the city is in CY with the de facto state named, no code invented', () => {
    const { world } = buildFixture(['Kyrenia,Northern Cyprus,Lyon,France']);
    expect(city(world, 'kyrenia-cy')).toMatchObject({ country: 'CY', territory: 'Northern Cyprus' });
  });

  it('GIVEN "Congo" THEN the gazetteer decides which: Brazzaville in CG, Kinshasa in CD', () => {
    const { world } = buildFixture(['Lyon,France,Brazzaville,Congo', 'Lyon,France,Kinshasa,Congo']);
    expect(city(world, 'brazzaville-cg').country).toBe('CG');
    expect(city(world, 'kinshasa-cd').country).toBe('CD');
  });

  it('GIVEN a misspelt country cell the lists have ("Grece") THEN the row is read', () => {
    const { world } = buildFixture(['Lyon,France,Zakynthos,Grece']);
    expect(city(world, 'zakynthos-gr').country).toBe('GR');
  });

  it('GIVEN a city that is its own territory, listed under another state ("Macau, China") THEN the city, in MO', () => {
    const { world } = buildFixture(['Lisbon,Portugal,Macau,China']);
    expect(city(world, 'macau-mo').country).toBe('MO');
  });

  it('GIVEN a partner that is a territory, not a city THEN the row is left out with that reason', () => {
    const built = buildFixture(['Portsmouth,England,Falkland Islands,']);
    expect(built.resolution.leftOut[0]?.reason).toBe('a country or territory, not a city');
  });
});

describe('world build: names and ids', () => {
  it('GIVEN the gazetteer names a city in other languages and by former names THEN all are its names', () => {
    const { world } = buildFixture([
      'Berlin,Germany,Prague,Czech Republic',
      'Berlin,Germany,Vienna,Austria',
      'Berlin,Germany,Cologne,Germany',
      'Berlin,Germany,Chemnitz,Germany',
    ]);
    const names = (id: string) => [city(world, id).name, ...city(world, id).names.map((n) => n.name)];
    expect(names('prague-cz')).toContain('Praha');
    expect(names('vienna-at')).toContain('Wien');
    expect(city(world, 'cologne-de').name).toBe('Cologne');
    expect(names('cologne-de')).toContain('Köln');
    expect(names('chemnitz-de')).toContain('Karl-Marx-Stadt');
  });

  it('GIVEN two same-named cities of one country THEN their ids carry the region', () => {
    const { world } = buildFixture([
      'Kitakami,Japan,"Concord, California",United States',
      'Lyon,France,"Concord, North Carolina",United States',
    ]);
    expect(partnersOf(world, 'kitakami-jp')).toEqual(['concord-california-us']);
    expect(partnersOf(world, 'lyon-fr')).toEqual(['concord-north-carolina-us']);
  });

  it('GIVEN a city of the seed THEN it keeps the seed id where the usual id would differ', () => {
    const { world } = buildFixture(
      ['Kitakami,Japan,"Concord, California",United States'],
      [],
      [{ id: 'concord-california-us', name: 'Concord', country: 'US', region: 'California' }],
    );
    expect(partnersOf(world, 'kitakami-jp')).toEqual(['concord-california-us']);
    expect(
      buildFixture(['Kitakami,Japan,"Concord, California",United States']).world.cities.map((c) => c.id),
    ).toContain('concord-us');
  });

  it('GIVEN "Eisenberg, Germany" twinned with "Eisenberg, Germany" and nothing to tell them apart THEN the row is left out', () => {
    const built = buildFixture(['Eisenberg,Germany,Eisenberg,Germany']);
    expect(built.resolution.leftOut[0]?.reason).toBe('ambiguous name');
    expect(built.world.partnerships).toEqual([]);
  });

  it('GIVEN the same inputs twice THEN byte-identical output, and the manifest holds its checksum and size', async () => {
    const rows = [
      'York,England,Münster,Germany',
      'Lyon,France,Frankfurt,Germany',
      'Girne,Northern Cyprus,Lyon,France',
    ];
    const first = buildFixture(rows);
    const second = buildFixture(rows);
    expect(second.json).toBe(first.json);
    const { createHash } = await import('node:crypto');
    expect(first.manifest.sha256).toBe(createHash('sha256').update(first.json).digest('hex'));
    expect(first.manifest.bytes).toBe(Buffer.byteLength(first.json));
    expect(first.manifest).toMatchObject({ format: 1, file: 'world.json', cities: 5, partnerships: 3 });
    expect(JSON.parse(first.json)).toEqual(first.world);
  });
});
