import type { City } from '../../domain/city.ts';
import { foldName } from '../../domain/names.ts';
import type { Partnership } from '../../domain/partnership.ts';
import { FuzzyNames, type FuzzyOptions } from '../fuzzy-names.ts';
import { shareRepeated } from '../share-repeated.ts';
import type { WorldFile, WorldSource } from '../world-schema.ts';
import { FOLD_VERSION, namesOf } from './name-index.ts';
import { SortedNames } from './sorted-names.ts';

/**
 * The world layer in memory: read-only reference data, indexed once per process. Only what a
 * question needs is built, when it first needs it (partnerships by city, Wikidata ids, fuzzy search).
 */
export class World {
  readonly sources: readonly WorldSource[];
  readonly cities: readonly City[];
  readonly partnerships: readonly Partnership[];
  /** Every folded name in sorted order: prebuilt, or built from `folded` on the first prefix search. */
  private sorted: SortedNames | undefined;
  /** Without a prebuilt index: each folded name's city positions, for exact names at the cost of a map. */
  private folded: Map<string, number[]> | undefined;
  private readonly cityById = new Map<string, number>();
  private byWikidata: Map<string, City> | undefined;
  private byCity: Map<string, Partnership[]> | undefined;
  private fuzzy: FuzzyNames<number> | undefined;
  /** Whether the records share what repeats among them (see shareRepeated). */
  private shared = false;

  constructor(data: WorldFile) {
    this.sources = data.sources;
    this.cities = data.cities;
    this.partnerships = data.partnerships;
    data.cities.forEach((city, i) => {
      this.cityById.set(city.id, i);
    });
    const prebuilt =
      data.index?.fold === FOLD_VERSION ? new SortedNames(data.index.names, data.index.cities) : undefined;
    if (prebuilt && agreesWithFolding(prebuilt, data.cities)) this.sorted = prebuilt;
    else {
      // Sorting every name costs as much as folding them: it waits for the first prefix search.
      const folded = new Map<string, number[]>();
      data.cities.forEach((city, i) => {
        for (const name of namesOf(city)) {
          const key = foldName(name);
          const list = folded.get(key);
          if (list) list.push(i);
          else folded.set(key, [i]);
        }
      });
      this.folded = folded;
    }
  }

  city(id: string): City | undefined {
    const at = this.cityById.get(id);
    return at === undefined ? undefined : this.cities[at];
  }

  withWikidata(id: string): City | undefined {
    if (!this.byWikidata) {
      this.byWikidata = new Map();
      for (const city of this.cities) if (city.wikidata) this.byWikidata.set(city.wikidata, city);
    }
    return this.byWikidata.get(id);
  }

  /** Builds the indexes built on first use, so no question pays for one (the bot, at start). */
  warm(): void {
    // Once, at the bot's start: a question asked once (`ask`) does not pay for it.
    if (!this.shared) shareRepeated({ cities: [...this.cities], partnerships: [...this.partnerships] });
    this.shared = true;
    this.startingWith('', 0);
    // With one typo: also orders the words read backwards, which one-typo searches use.
    this.fuzzySearch('warm', { prefix: () => false, fuzzy: () => 1 });
    this.partnershipsOf('');
  }

  /** Cities with a name that folds to exactly this. */
  named(folded: string): City[] {
    const found = this.folded ? (this.folded.get(folded) ?? []) : (this.sorted?.exact(folded) ?? []);
    return [...new Set(found)].map((at) => this.cities[at] as City);
  }

  /** Names starting with the folded prefix, with their cities. */
  startingWith(prefix: string, scan: number): { name: string; city: City }[] {
    this.sorted ??= SortedNames.build(
      [...(this.folded ?? [])].flatMap(([name, cities]) => cities.map((city) => ({ name, city }))),
    );
    return this.sorted
      .startingWith(prefix, scan)
      .map((e) => ({ name: e.name, city: this.cities[e.city] as City }));
  }

  partnershipsOf(cityId: string): readonly Partnership[] {
    if (!this.byCity) {
      this.byCity = new Map();
      for (const p of this.partnerships) {
        for (const id of p.cities) {
          const list = this.byCity.get(id);
          if (list) list.push(p);
          else this.byCity.set(id, [p]);
        }
      }
    }
    return this.byCity.get(cityId) ?? [];
  }

  /**
   * Cities with a main name within a typo of the text or with a word starting with it, best first
   * (built on first use). Only the display, native and official names are indexed: a fuzzy index of
   * every alias in every language would double the bot's memory, and every name is still found by
   * its exact spelling or its beginning (SortedNames).
   */
  fuzzySearch(folded: string, options: FuzzyOptions): City[] {
    this.fuzzy ??= new FuzzyNames(
      this.cities.map((city, i) => [i, [...new Set(typoNamesOf(city).map(foldName))]] as const),
    );
    return this.fuzzy.search(folded, options).map((at) => this.cities[at] as City);
  }
}

/** How many cities' names are looked up in a prebuilt index before it is trusted. */
const INDEX_SAMPLES = 32;

/**
 * Whether a prebuilt index finds cities by their names as `foldName` folds them today: checked on a
 * spread of cities, so an index folded by an older or different `foldName` is rebuilt, not trusted.
 */
function agreesWithFolding(index: SortedNames, cities: readonly City[]): boolean {
  const step = Math.max(1, Math.floor(cities.length / INDEX_SAMPLES));
  for (let i = 0; i < cities.length; i += step) {
    if (!index.exact(foldName((cities[i] as City).name)).includes(i)) return false;
  }
  return true;
}

/** The names a typo is forgiven in: the display name and the native and official ones. */
function typoNamesOf(city: City): string[] {
  const main = city.names.filter((n) => n.kind === 'native' || n.kind === 'official').map((n) => n.name);
  return [...new Set([city.name, ...main])];
}
