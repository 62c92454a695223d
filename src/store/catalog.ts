import MiniSearch from 'minisearch';
import { Temporal } from 'temporal-polyfill';
import { type AnniversaryWindow, anniversaryMilestone } from '../domain/anniversary.ts';
import type { City } from '../domain/city.ts';
import { countryName, toCountryCode } from '../domain/country.ts';
import { fuzzyDateParts } from '../domain/fuzzy-date.ts';
import { foldName } from '../domain/names.ts';
import { type Partnership, partnershipId } from '../domain/partnership.ts';
import type { StoreData } from './schema.ts';

export type CityLookup =
  | { kind: 'found'; city: City }
  | { kind: 'ambiguous'; query: string; candidates: City[] }
  | { kind: 'unknown'; query: string; suggestions: City[] };

const YEAR_ONLY = 0;

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
  private fuzzy: MiniSearch<NameEntry> | undefined;
  private byAnniversaryMonth: Map<number, Partnership[]> | undefined;

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
    const byId = this.cityById.get(query.trim());
    if (byId) return { kind: 'found', city: byId };
    const matches = this.matchName(query);
    if (matches.length === 1 && matches[0]) return { kind: 'found', city: matches[0] };
    if (matches.length > 1) return { kind: 'ambiguous', query, candidates: matches };
    return { kind: 'unknown', query, suggestions: this.search(query, 5) };
  }

  /** Cities whose names match the text exactly after folding, allowing a trailing region or country. */
  matchName(query: string): City[] {
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

  /** Fuzzy and prefix search over every name in every language, best first, one entry per city. */
  search(text: string, limit: number): City[] {
    const query = foldName(text);
    if (query === '') return [];
    const results = this.fuzzyIndex().search(query, { prefix: true, fuzzy: 0.25, combineWith: 'AND' });
    const seen = new Set<string>();
    const cities: City[] = [];
    for (const result of results) {
      const cityId = result.cityId as string;
      if (seen.has(cityId)) continue;
      seen.add(cityId);
      const city = this.cityById.get(cityId);
      if (city) cities.push(city);
      if (cities.length === limit) break;
    }
    return cities;
  }

  /**
   * Partnerships that can have an anniversary in the window: those counted from a date in one of
   * the window's months, and (when asked) those known only to the year. Spares a scan of them all.
   */
  anniversaryCandidates(window: AnniversaryWindow, options: { yearOnly: boolean }): Partnership[] {
    const buckets = this.anniversaryBuckets();
    const months = new Set<number>(options.yearOnly ? [YEAR_ONLY] : []);
    let month = window.from.toPlainYearMonth();
    const last = window.to.toPlainYearMonth();
    while (Temporal.PlainYearMonth.compare(month, last) <= 0 && months.size <= 12) {
      months.add(month.month);
      month = month.add({ months: 1 });
    }
    // A 29 February signing falls on 1 March in common years when the store says so.
    if (months.has(3)) months.add(2);
    return [...months].flatMap((m) => buckets.get(m) ?? []);
  }

  /** How many partnerships have anniversaries known only to the year. */
  countYearOnlyAnniversaries(): number {
    return this.anniversaryBuckets().get(YEAR_ONLY)?.length ?? 0;
  }

  private anniversaryBuckets(): Map<number, Partnership[]> {
    if (this.byAnniversaryMonth) return this.byAnniversaryMonth;
    const buckets = new Map<number, Partnership[]>();
    for (const p of this.data.partnerships) {
      const from = anniversaryMilestone(p);
      if (from) addTo(buckets, fuzzyDateParts(from.date).month ?? YEAR_ONLY, p);
    }
    this.byAnniversaryMonth = buckets;
    return buckets;
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
