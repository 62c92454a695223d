import type { City } from '../../domain/city.ts';
import type { Catalog } from '../../store/catalog.ts';
import type { World } from '../../store/world/world.ts';
import { readingsOf } from './romanise.ts';

/**
 * A pinyin keyboard offers several characters for one sound, and a hurried writer takes the wrong
 * one: 布拉个 for 布拉格 (Prague), 上嗨 for 上海. A hanzi name the data does not hold is the city
 * whose own hanzi name differs from it in one character only, which is read the same (toneless);
 * the cities of every name that fits, each name's cities apart, so that several are offered and
 * none is taken.
 */
export function soundAlike(text: string, catalog: Catalog): City[][] {
  const chars = [...text];
  if (chars.length < MIN_CHARS || chars.length > MAX_CHARS || !HAN.test(text)) return [];
  const byName = new Map<string, City[]>();
  chars.forEach((typed, at) => {
    const slips = namesKeyed(catalog, keyWithout(chars, at)).filter(({ name }) => [...name][at] !== typed);
    if (slips.length === 0) return;
    const typedSounds = readingsOf(typed);
    for (const { name, city } of slips) {
      const meant = [...name][at] ?? '';
      if (!readingsOf(meant).some((sound) => typedSounds.includes(sound))) continue;
      const cities = byName.get(name) ?? [];
      if (!cities.includes(city)) cities.push(city);
      byName.set(name, cities);
    }
  });
  // 武汉 and 武漢 are one city's: offered once.
  const bySet = new Map(
    [...byName.values()].map((cities) => [
      cities
        .map((c) => c.id)
        .sort()
        .join(' '),
      cities,
    ]),
  );
  return [...bySet.values()];
}

const HAN = /^\p{Script=Han}+$/u;
/** Two characters at the least (上海); a Chinese rendering of a foreign name is a few characters. */
const MIN_CHARS = 2;
const MAX_CHARS = 8;
const WILDCARD = '*';

/** The name with one character left out, as a key for the names it may be a slip of. */
function keyWithout(chars: readonly string[], at: number): string {
  return chars.map((ch, i) => (i === at ? WILDCARD : ch)).join('');
}

/** The keys of each of a city's hanzi names, one for each character left out. */
function hanziKeys(city: City): string[] {
  return hanziNames(city).flatMap((name) => [...name].map((_, at) => keyWithout([...name], at)));
}

function hanziNames(city: City): string[] {
  return [...new Set([city.name, ...city.names.map((n) => n.name)])].filter(
    (name) => HAN.test(name) && [...name].length >= MIN_CHARS && [...name].length <= MAX_CHARS,
  );
}

const byWorld = new WeakMap<World, Map<string, string[]>>();

/** The hanzi names with this key, of the office's cities and the world's, with the city as the office shows it. */
function namesKeyed(catalog: Catalog, key: string): { name: string; city: City }[] {
  const fits = (city: City) =>
    hanziNames(city)
      .filter((name) => [...name].length === [...key].length && keyFits(name, key))
      .map((name) => ({ name, city }));
  const found = catalog.officeCitiesKeyed(hanziKeys, key).flatMap(fits);
  const world = catalog.world;
  if (!world) return found;
  let index = byWorld.get(world);
  if (!index) {
    index = new Map();
    for (const city of world.cities) {
      for (const k of new Set(hanziKeys(city))) {
        const ids = index.get(k);
        if (!ids) index.set(k, [city.id]);
        else ids.push(city.id);
      }
    }
    byWorld.set(world, index);
  }
  for (const id of index.get(key) ?? []) {
    const city = world.city(id);
    const shown = catalog.city(id);
    if (city && shown) found.push(...fits(city).map(({ name }) => ({ name, city: shown })));
  }
  return found;
}

function keyFits(name: string, key: string): boolean {
  const chars = [...name];
  return [...key].every((ch, i) => ch === WILDCARD || ch === chars[i]);
}
