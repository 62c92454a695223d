// Turns resolved rows into the layer's records: one city per resolved place, with every name the
// gazetteer has, an id as the seed makes them, and one partnership per pair with the lists that list it.
import tzLookup from '@photostructure/tz-lookup';
import { type City, type CityName, TimeZoneSchema } from '../../src/domain/city.ts';
import { distanceKm, SAME_PLACE_KM } from '../../src/domain/geo.ts';
import { foldName, slugify } from '../../src/domain/names.ts';
import { type Partnership, partnershipId, type Source } from '../../src/domain/partnership.ts';
import type { Place } from './gazetteer.ts';
import type { ListId } from './lists.ts';
import { type ResolvedRow, type Target, targetKey } from './resolve.ts';

/** A city of the seed, whose id the same place keeps in the world. */
export interface SeedCity {
  id: string;
  name: string;
  country: string;
  region?: string;
  coordinates?: { lat: number; lon: number };
}

interface Entity {
  key: string;
  target: Target;
  listedNames: Map<string, number>;
  territory?: string;
}

export interface Assembled {
  cities: City[];
  partnerships: Partnership[];
  /** The city id each resolved target became, by targetKey. */
  idOf: Map<string, string>;
}

export function assemble(rows: ResolvedRow[], seed: SeedCity[]): Assembled {
  const entities = new Map<string, Entity>();
  for (const r of rows) {
    note(entities, r.a, r.row.a.name, r.territories[0]);
    note(entities, r.b, r.row.b.name, r.territories[1]);
  }
  const drafts = [...entities.values()].map((e) => ({ key: e.key, city: toCity(e) }));
  const idOf = assignIds(drafts, seed);
  const cities = drafts.map((d) => ({ ...d.city, id: idOf.get(d.key) as string }));
  cities.sort((x, y) => compare(x.id, y.id));

  const pairs = new Map<string, { cities: [string, string]; lists: Map<ListId, Set<string>> }>();
  for (const r of rows) {
    const a = idOf.get(targetKey(r.a)) as string;
    const b = idOf.get(targetKey(r.b)) as string;
    const id = partnershipId(a, b);
    const pair = pairs.get(id) ?? { cities: (a < b ? [a, b] : [b, a]) as [string, string], lists: new Map() };
    pairs.set(id, pair);
    const pages = pair.lists.get(r.row.list) ?? new Set<string>();
    pair.lists.set(r.row.list, pages);
    if (r.row.page) pages.add(r.row.page);
  }
  const partnerships: Partnership[] = [...pairs.entries()]
    .map(([id, p]) => ({
      id,
      cities: p.cities,
      milestones: [],
      sources: [...p.lists.entries()]
        .sort(([x], [y]) => compare(x, y))
        .map(([list, pages]) => source(list, pages)),
    }))
    .sort((x, y) => compare(x.id, y.id));
  return { cities, partnerships, idOf };
}

function note(entities: Map<string, Entity>, target: Target, listed: string, territory?: string): void {
  const key = targetKey(target);
  const entity = entities.get(key) ?? { key, target, listedNames: new Map<string, number>() };
  entities.set(key, entity);
  entity.listedNames.set(listed, (entity.listedNames.get(listed) ?? 0) + 1);
  if (territory) entity.territory = territory;
}

function toCity(e: Entity): Omit<City, 'id'> {
  const territory = e.territory ? { territory: e.territory } : {};
  if ('own' in e.target) {
    const own = e.target.own;
    const names = [...e.listedNames.keys()].filter((n) => n !== own.name).sort(compare);
    const timeZone = own.coordinates ? zoneAt(own.coordinates) : undefined;
    return {
      name: own.name,
      names: names.map(alias),
      country: own.country,
      ...(own.region ? { region: own.region } : {}),
      ...(timeZone ? { timeZone } : {}),
      ...(own.coordinates ? { coordinates: rounded(own.coordinates) } : {}),
      ...(own.population ? { population: own.population } : {}),
      ...territory,
    };
  }
  const place = e.target.place;
  const own = new Set([place.name, place.asciiName, ...place.alternateNames]);
  const name = displayName(place, e.listedNames, own);
  const names = [...new Set([place.name, place.asciiName, ...place.alternateNames, ...e.listedNames.keys()])]
    .filter((n) => n !== name)
    .sort(compare);
  const timeZone =
    place.timeZone && TimeZoneSchema.safeParse(place.timeZone).success ? place.timeZone : undefined;
  return {
    name,
    names: names.map(alias),
    country: place.country,
    ...(place.region ? { region: place.region } : {}),
    ...(timeZone ? { timeZone } : {}),
    coordinates: rounded(place),
    ...(place.population > 0 ? { population: place.population } : {}),
    ...territory,
  };
}

/**
 * The gazetteer's name when a list uses it too; otherwise the name the lists use most, when it is
 * one of the place's names (English Wikipedia writes "Cologne" where GeoNames has "Köln").
 */
function displayName(place: Place, listed: Map<string, number>, own: Set<string>): string {
  if (listed.has(place.name)) return place.name;
  const usable = [...listed.entries()].filter(([n]) => own.has(n));
  usable.sort(([x, nx], [y, ny]) => ny - nx || y.length - x.length || compare(x, y));
  return usable[0]?.[0] ?? place.name;
}

function alias(name: string): CityName {
  return { name, kind: 'alias' };
}

function zoneAt(at: { lat: number; lon: number }): string | undefined {
  const zone = tzLookup(at.lat, at.lon);
  return TimeZoneSchema.safeParse(zone).success ? zone : undefined;
}

function rounded(at: { lat: number; lon: number }): { lat: number; lon: number } {
  return { lat: Math.round(at.lat * 1e5) / 1e5, lon: Math.round(at.lon * 1e5) / 1e5 };
}

/**
 * Ids as the seed makes them: name and country, the region too where one country has two places
 * of that name, a number after that; seed cities keep the seed's id.
 */
function assignIds(drafts: { key: string; city: Omit<City, 'id'> }[], seed: SeedCity[]): Map<string, string> {
  const idOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of seed) {
    const match = seedMatch(s, drafts);
    if (match && !idOf.has(match.key)) {
      idOf.set(match.key, s.id);
      taken.add(s.id);
    }
  }
  const rest = drafts.filter((d) => !idOf.has(d.key)).sort((x, y) => compare(x.key, y.key));
  const byBase = new Map<string, typeof rest>();
  for (const d of rest) {
    const base = slugify(d.city.name, d.city.country);
    byBase.set(base, [...(byBase.get(base) ?? []), d]);
  }
  for (const [base, group] of [...byBase.entries()].sort(([x], [y]) => compare(x, y))) {
    const clash = group.length > 1 || taken.has(base);
    for (const d of group) {
      let id = clash && d.city.region ? slugify(d.city.name, d.city.region, d.city.country) : base;
      for (let n = 2; taken.has(id); n++)
        id = `${clash && d.city.region ? slugify(d.city.name, d.city.region, d.city.country) : base}-${n}`;
      taken.add(id);
      idOf.set(d.key, id);
    }
  }
  return idOf;
}

function seedMatch(s: SeedCity, drafts: { key: string; city: Omit<City, 'id'> }[]) {
  const folded = foldName(s.name);
  const candidates = drafts.filter(
    (d) =>
      d.city.country === s.country &&
      (foldName(d.city.name) === folded || d.city.names.some((n) => foldName(n.name) === folded)) &&
      (s.region === undefined || d.city.region === undefined || sameRegion(s.region, d.city.region)),
  );
  if (s.coordinates) {
    const at = s.coordinates;
    const near = candidates.filter(
      (d) => d.city.coordinates && distanceKm(d.city.coordinates, at) <= SAME_PLACE_KM,
    );
    if (near.length === 1) return near[0];
  }
  const named = candidates.filter((d) => foldName(d.city.name) === folded);
  if (named.length === 1) return named[0];
  return candidates.length === 1 ? candidates[0] : undefined;
}

function sameRegion(a: string, b: string): boolean {
  const x = foldName(a);
  const y = foldName(b);
  return x === y || x.includes(y) || y.includes(x);
}

const WIKIPEDIA_PAGE = 'https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_';

function source(list: ListId, pages: Set<string>): Source {
  if (list === 'wikidata')
    return {
      id: 'wikidata',
      title: 'Wikidata P190, 2017 query',
      url: 'https://github.com/rogorido/sistercities',
    };
  const sorted = [...pages].sort(compare);
  return {
    id: 'wikipedia',
    title: `Wikipedia: twin towns and sister cities in ${sorted.join(', ')}`,
    url: encodeURI(`${WIKIPEDIA_PAGE}${(sorted[0] ?? '').replace(/ /g, '_')}`),
  };
}

/** Code-point order, so the output does not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
