import type { City } from '../../domain/city.ts';
import { foldName } from '../../domain/names.ts';

/**
 * Version of `foldName` a prebuilt name index was folded with: an index folded differently must not
 * be trusted, so the loader rebuilds it. Raise it whenever `foldName` changes.
 */
export const FOLD_VERSION = 1;

/** Every name a city is found by: its display name and all its other names, once each. */
export function namesOf(city: City): string[] {
  return [...new Set([city.name, ...city.names.map((n) => n.name)])];
}

/**
 * The name index written into world.json, so a start finds a city by name without folding and
 * sorting 200,000 names: every folded name of every city, sorted in JavaScript string order (ties by
 * position), beside the position of its city in `cities`.
 */
export function buildNameIndex(cities: readonly City[]): { fold: number; names: string[]; cities: number[] } {
  const entries = cities.flatMap((city, i) =>
    namesOf(city).map((name) => ({ name: foldName(name), city: i })),
  );
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.city - b.city));
  return { fold: FOLD_VERSION, names: entries.map((e) => e.name), cities: entries.map((e) => e.city) };
}
