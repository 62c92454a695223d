import MiniSearch from 'minisearch';
import type { AnniversaryWindow } from '../domain/anniversary.ts';
import type { City } from '../domain/city.ts';
import { countryName, toCountryCode } from '../domain/country.ts';
import type { Precision } from '../domain/fuzzy-date.ts';
import { foldName } from '../domain/names.ts';
import { type Partnership, partnershipId } from '../domain/partnership.ts';
import { AnniversaryIndex } from './anniversary-index.ts';
import { NamePrefixIndex } from './name-prefix-index.ts';
import type { StoreData } from './schema.ts';

export type CityLookup =
  | { kind: 'found'; city: City }
  | { kind: 'ambiguous'; query: string; candidates: City[] }
  | { kind: 'unknown'; query: string; suggestions: City[] };

/** Shorter text is matched by name prefix only: fuzzy matching two letters finds everything. */
const MIN_FUZZY_LENGTH = 3;

interface NameEntry {
  id: number;
  cityId: string;
  name: string;
}

/**
 * Read-only indexes over one version of the store, so a question costs map lookups rather than a scan.
 * A new catalog is built after every write; the fuzzy search index is built on first use.
 */
export class Catalog {
  readonly data: StoreData;
  private readonly cityById = new Map<string, City>();
  private readonly partnershipById = new Map<string, Partnership>();
  private readonly partnershipsByCity = new Map<string, Partnership[]>();
  private readonly citiesByName = new Map<string, City[]>();
  private readonly namesakes = new Map<string, boolean>();
  private fuzzy: MiniSearch<NameEntry> | undefined;
  private prefixes: NamePrefixIndex | undefined;
  private anniversaries: AnniversaryIndex | undefined;

  constructor(data: StoreData) {
    this.data = data;
    for (const city of data.cities) {
      this.cityById.set(city.id, city);
      for (const name of namesOf(city)) addTo(this.citiesByName, foldName(name), city);
    }
    for (const p of data.partnerships) {
      this.partnershipById.set(p.id, p);
      for (const cityId of p.cities) addTo(this.partnershipsByCity, cityId, p);
    }
  }

  city(id: string): City | undefined {
    return this.cityById.get(id);
  }

  /** Whether another city shares this one's display name (so labels must add region or country). */
  hasNamesake(city: City): boolean {
    let shared = this.namesakes.get(city.id);
    if (shared === undefined) {
      shared = (this.citiesByName.get(foldName(city.name))?.length ?? 0) > 1;
      this.namesakes.set(city.id, shared);
    }
    return shared;
  }

  partnershipsOf(cityId: string): readonly Partnership[] {
    return this.partnershipsByCity.get(cityId) ?? [];
  }

  partnershipBetween(a: string, b: string): Partnership | undefined {
    return this.partnershipById.get(partnershipId(a, b));
  }

  get partnerships(): readonly Partnership[] {
    return this.data.partnerships;
  }

  /**
   * Finds the one city a person meant: by id, by any of its names, or by a name qualified with its
   * region or country ("Concord, California", "concord us"). Several matches are returned as
   * candidates, never guessed between.
   */
  resolveCity(query: string): CityLookup {
    const matches = this.matchName(query);
    if (matches.length === 1 && matches[0]) return { kind: 'found', city: matches[0] };
    if (matches.length > 1) return { kind: 'ambiguous', query, candidates: matches };
    return { kind: 'unknown', query, suggestions: this.search(query, 5) };
  }

  /** The city with this id, or cities whose names match the text after folding, allowing a trailing region or country. */
  matchName(query: string): City[] {
    const byId = this.cityById.get(query.trim());
    if (byId) return [byId];
    const folded = foldName(query);
    const exact = this.citiesByName.get(folded);
    if (exact) return exact;
    const commaAt = query.lastIndexOf(',');
    if (commaAt > 0) {
      const qualified = this.qualify(foldName(query.slice(0, commaAt)), query.slice(commaAt + 1));
      if (qualified.length > 0) return qualified;
    }
    const words = folded.split(' ');
    for (let split = words.length - 1; split >= 1 && split >= words.length - 3; split--) {
      const qualified = this.qualify(words.slice(0, split).join(' '), words.slice(split).join(' '));
      if (qualified.length > 0) return qualified;
    }
    return [];
  }

  /**
   * Search over every name in every language, best first, one entry per city: names that start with
   * the text (fast even for one letter, as autocomplete needs); when none does, from three letters
   * on, names with a word starting with it or within a typo of it.
   */
  search(text: string, limit: number): City[] {
    const query = foldName(text);
    if (query === '') return [];
    this.prefixes ??= new NamePrefixIndex(
      this.data.cities.flatMap((city) => namesOf(city).map((name) => ({ key: foldName(name), id: city.id }))),
    );
    const ids = this.prefixes.startingWith(query, limit);
    if (ids.length === 0 && query.length >= MIN_FUZZY_LENGTH) {
      const results = this.fuzzyIndex().search(query, {
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH + 1 ? 0.25 : false),
        combineWith: 'AND',
      });
      for (const result of results) {
        const cityId = result.cityId as string;
        if (!ids.includes(cityId)) ids.push(cityId);
        if (ids.length === limit) break;
      }
    }
    return ids.flatMap((id) => this.cityById.get(id) ?? []);
  }

  /** Partnerships of the given precisions that can have an anniversary in the window (an index, not a scan). */
  anniversaryCandidates(window: AnniversaryWindow, precisions: readonly Precision[]): Partnership[] {
    this.anniversaries ??= new AnniversaryIndex(this.data.partnerships);
    return this.anniversaries.candidates(window, precisions);
  }

  /** How many partnerships have anniversaries known only to the year. */
  countYearOnlyAnniversaries(): number {
    this.anniversaries ??= new AnniversaryIndex(this.data.partnerships);
    return this.anniversaries.yearOnlyCount;
  }

  private qualify(name: string, qualifier: string): City[] {
    const candidates = this.citiesByName.get(name);
    if (!candidates) return [];
    const folded = foldName(qualifier);
    const code = toCountryCode(qualifier);
    return candidates.filter(
      (city) =>
        (city.region !== undefined && foldName(city.region) === folded) ||
        city.country === code ||
        foldName(countryName(city.country)) === folded,
    );
  }

  private fuzzyIndex(): MiniSearch<NameEntry> {
    if (this.fuzzy) return this.fuzzy;
    const index = new MiniSearch<NameEntry>({
      fields: ['name'],
      storeFields: ['cityId'],
      processTerm: (term) => foldName(term) || null,
      tokenize: (text) => foldName(text).split(' '),
    });
    let id = 0;
    index.addAll(
      this.data.cities.flatMap((city) => namesOf(city).map((name) => ({ id: id++, cityId: city.id, name }))),
    );
    this.fuzzy = index;
    return index;
  }
}

function namesOf(city: City): string[] {
  return [...new Set([city.name, ...city.names.map((n) => n.name)])];
}

function addTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
