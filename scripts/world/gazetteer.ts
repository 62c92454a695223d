// The gazetteer: GeoNames' cities1000 (every populated place of 1,000 or more people), indexed by
// country and name so that a list's name is looked up among the places of its country only.

import { distanceKm } from '../../src/domain/geo.ts';
import { foldName } from '../../src/domain/names.ts';

export interface Place {
  geonameid: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  lat: number;
  lon: number;
  featureCode: string;
  country: string;
  region?: string;
  /** The second-level division (county, département, district), to read "St Ives, Cornwall". */
  subregion?: string;
  population: number;
  timeZone?: string;
}

/** How closely a list's name matches a place: its main name, another of its names, or only when folded. */
export type NameMatch = 'name' | 'alternate' | 'folded';

export interface Gazetteer {
  places: Place[];
  /** Places of a country having this name, by how closely they match. */
  lookup(country: string, name: string): Map<NameMatch, Place[]>;
  /** Places anywhere having this name (any of the three kinds of match). */
  lookupAnywhere(name: string): Place[];
  byId: Map<number, Place>;
  /** Places within so many kilometres of a point. */
  near(at: { lat: number; lon: number }, km: number): Place[];
}

export interface AdminName {
  code: string;
  name: string;
}

/** Places that are no longer there or only a part of history are not where a twin town is. */
const GONE = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

export function readGazetteer(text: string, admin1: AdminName[], admin2: AdminName[]): Gazetteer {
  const admin1Names = new Map(admin1.map((a) => [a.code, a.name]));
  const admin2Names = new Map(admin2.map((a) => [a.code, a.name]));
  const places: Place[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 18) continue;
    const [
      id,
      name,
      asciiName,
      alternates,
      lat,
      lon,
      ,
      featureCode,
      country,
      ,
      a1,
      a2,
      ,
      ,
      population,
      ,
      ,
      tz,
    ] = f.map((field) => field ?? '') as string[] as Record<number, string> & string[];
    if (!name || !featureCode || !country || GONE.has(featureCode)) continue;
    places.push({
      geonameid: Number(id),
      name,
      asciiName: asciiName ?? name,
      alternateNames: alternates ? [...new Set(alternates.split(',').filter(isName))] : [],
      lat: Number(lat),
      lon: Number(lon),
      featureCode,
      country,
      region: admin1Names.get(`${country}.${a1}`),
      subregion: admin2Names.get(`${country}.${a1}.${a2}`),
      population: Number(population) || 0,
      timeZone: tz || undefined,
    });
  }
  places.sort((a, b) => a.geonameid - b.geonameid);
  return indexPlaces(places);
}

/** GeoNames' alternate names carry codes and links beside names; only names are names. */
function isName(text: string): boolean {
  return text.length > 0 && text.length <= 200 && !/^https?:/.test(text) && /\p{L}/u.test(text);
}

function indexPlaces(places: Place[]): Gazetteer {
  const exact = new Map<string, Place[]>();
  const alternate = new Map<string, Place[]>();
  const folded = new Map<string, Place[]>();
  const add = (map: Map<string, Place[]>, key: string, place: Place) => {
    const list = map.get(key);
    if (!list) map.set(key, [place]);
    else if (list.at(-1) !== place) list.push(place);
  };
  for (const place of places) {
    add(exact, `${place.country}|${place.name}`, place);
    for (const n of [place.asciiName, ...place.alternateNames])
      add(alternate, `${place.country}|${n}`, place);
    for (const n of new Set([place.name, place.asciiName, ...place.alternateNames].map(foldName)))
      add(folded, n, place);
  }
  // A grid of 0.25° cells: places near a point are in its cell or the eight around it (under ~25 km).
  const cellOf = (lat: number, lon: number) => `${Math.floor(lat * 4)}|${Math.floor(lon * 4)}`;
  const grid = new Map<string, Place[]>();
  for (const place of places) add(grid, cellOf(place.lat, place.lon), place);
  return {
    places,
    near(at, km) {
      const found: Place[] = [];
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++)
          for (const p of grid.get(cellOf(at.lat + dy / 4, at.lon + dx / 4)) ?? [])
            if (distanceKm(p, at) <= km) found.push(p);
      return found;
    },
    byId: new Map(places.map((p) => [p.geonameid, p])),
    lookup(country, name) {
      const byName = exact.get(`${country}|${name}`) ?? [];
      const byAlternate = (alternate.get(`${country}|${name}`) ?? []).filter((p) => !byName.includes(p));
      const byFold = (folded.get(foldName(name)) ?? []).filter(
        (p) => p.country === country && !byName.includes(p) && !byAlternate.includes(p),
      );
      return new Map<NameMatch, Place[]>([
        ['name', byName],
        ['alternate', byAlternate],
        ['folded', byFold],
      ]);
    },
    lookupAnywhere(name) {
      return folded.get(foldName(name)) ?? [];
    },
  };
}
