// Measures a built layer against the lists' own coordinates: what `npm run world:check` prints and
// what the tests hold the build to.
import type { City } from '../../src/domain/city.ts';
import { distanceKm, SAME_PLACE_KM } from '../../src/domain/geo.ts';
import { foldName } from '../../src/domain/names.ts';
import { partnershipId } from '../../src/domain/partnership.ts';
import type { WorldFile } from '../../src/store/world-schema.ts';
import { type LeftOutReason, type Resolution, targetKey, withinTwoEdits } from './resolve.ts';

export const DUPLICATE_KM = 5;

export interface Spread {
  city: string;
  km: number;
  names: string[];
}

export interface Duplicate {
  a: string;
  b: string;
  km: number;
}

export interface Measures {
  spreads: Spread[];
  duplicates: Duplicate[];
  leftOutByReason: Map<LeftOutReason, number>;
  /** Rows that resolved but whose pair or cities are not in the layer (goal 0). */
  missingPairs: string[];
}

/** Records holding places more than 25 km apart, by the coordinates the Wikidata list gives. */
export function spreads(resolution: Resolution, idOf: Map<string, string>, world: WorldFile): Spread[] {
  const cities = new Map(world.cities.map((c) => [c.id, c]));
  const points = new Map<string, { at: { lat: number; lon: number }; name: string }[]>();
  for (const r of resolution.resolved) {
    for (const [target, mention] of [
      [r.a, r.row.a],
      [r.b, r.row.b],
    ] as const) {
      if (!mention.coordinates) continue;
      const id = idOf.get(targetKey(target)) as string;
      points.set(id, [...(points.get(id) ?? []), { at: mention.coordinates, name: mention.name }]);
    }
  }
  const found: Spread[] = [];
  for (const [id, list] of points) {
    const own = cities.get(id)?.coordinates;
    const all = own ? [{ at: own, name: id }, ...list] : list;
    let km = 0;
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++)
        km = Math.max(km, distanceKm((all[i] as (typeof all)[0]).at, (all[j] as (typeof all)[0]).at));
    if (km > SAME_PLACE_KM) found.push({ city: id, km, names: [...new Set(list.map((p) => p.name))] });
  }
  return found.sort((x, y) => y.km - x.km);
}

/** Two records in one country, under 5 km apart, with names that differ little: likely one place. */
export function duplicates(cities: City[]): Duplicate[] {
  const grid = new Map<string, City[]>();
  const cell = (lat: number, lon: number) => `${Math.floor(lat * 10)}|${Math.floor(lon * 10)}`;
  for (const c of cities) {
    if (!c.coordinates) continue;
    const key = cell(c.coordinates.lat, c.coordinates.lon);
    grid.set(key, [...(grid.get(key) ?? []), c]);
  }
  const found: Duplicate[] = [];
  for (const c of cities) {
    if (!c.coordinates) continue;
    const { lat, lon } = c.coordinates;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++)
        for (const other of grid.get(cell(lat + dy / 10, lon + dx / 10)) ?? []) {
          if (other.id <= c.id || other.country !== c.country || !other.coordinates) continue;
          const km = distanceKm(c.coordinates, other.coordinates);
          if (km < DUPLICATE_KM && similarNames(c, other)) found.push({ a: c.id, b: other.id, km });
        }
  }
  return found.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
}

/** Words that make a name an administrative body: "Ystad Municipality" is not a second Ystad. */
const BODY_WORDS =
  /\b(municipality|county|district|subdistrict|department|parish|province|region|borough|township|gmina|commune|kerulet)\b/;

function similarNames(a: City, b: City): boolean {
  const x = foldName(a.name);
  const y = foldName(b.name);
  if (BODY_WORDS.test(x) !== BODY_WORDS.test(y)) return false;
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `) || withinTwoEdits(x, y);
}

/** Every row that made it in has both its cities and their pair in the layer. */
export function missingPairs(resolution: Resolution, idOf: Map<string, string>, world: WorldFile): string[] {
  const cities = new Set(world.cities.map((c) => c.id));
  const pairs = new Set(world.partnerships.map((p) => p.id));
  const missing: string[] = [];
  for (const r of resolution.resolved) {
    const a = idOf.get(targetKey(r.a));
    const b = idOf.get(targetKey(r.b));
    if (!a || !b || !cities.has(a) || !cities.has(b) || !pairs.has(partnershipId(a, b)))
      missing.push(`${r.row.list} line ${r.row.line}: ${r.row.a.name} – ${r.row.b.name}`);
  }
  return missing;
}

export function measure(resolution: Resolution, idOf: Map<string, string>, world: WorldFile): Measures {
  const leftOutByReason = new Map<LeftOutReason, number>();
  for (const l of resolution.leftOut) leftOutByReason.set(l.reason, (leftOutByReason.get(l.reason) ?? 0) + 1);
  return {
    spreads: spreads(resolution, idOf, world),
    duplicates: duplicates(world.cities),
    leftOutByReason,
    missingPairs: missingPairs(resolution, idOf, world),
  };
}
