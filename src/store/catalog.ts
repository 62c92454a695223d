import type { AnniversaryWindow } from '../domain/anniversary.ts';
import type { City } from '../domain/city.ts';
import { countryName, toCountryCode } from '../domain/country.ts';
import type { Precision } from '../domain/fuzzy-date.ts';
import { foldName, withinOneEdit } from '../domain/names.ts';
import { orderCities, type Partnership, partnershipId } from '../domain/partnership.ts';
import {
  AnniversaryIndex,
  type AnniversaryPage,
  type AnniversaryQuery,
  type AnniversaryTally,
} from './anniversary-index.ts';
import { CitiesById } from './cities-by-id.ts';
import { CityPairs } from './city-pairs.ts';
import type { Applied } from './draft-ops.ts';
import { FuzzyNames, type FuzzyOptions } from './fuzzy-names.ts';
import { lowerBound } from './lower-bound.ts';
import { NamePrefixIndex } from './name-prefix-index.ts';
import type { StoreData } from './schema.ts';
import { sameCityAs } from './world/same-city.ts';
import type { World } from './world/world.ts';

/** Keys derived from a city (its names' sounds, see name-sounds.ts), for `officeCitiesKeyed`. */
export type CityKeys = (city: City) => readonly string[];

export type CityLookup =
  | { kind: 'found'; city: City }
  | { kind: 'ambiguous'; query: string; candidates: City[] }
  | { kind: 'unknown'; query: string; suggestions: City[] };

/** Shorter text is matched by name prefix only: fuzzy matching two letters finds everything. */
const MIN_FUZZY_LENGTH = 3;
/** How many derived values `remember` keeps (a hub's order of partners in a few languages). */
const REMEMBERED = 16;
/** A city with more pairs than this has them sorted by id for look-ups (see Catalog.own). */
const SHORT_LIST = 32;
/** How many names starting with the text are looked at, so one letter costs no more than a word. */
const PREFIX_SCAN = 500;
/** The search command's typos: a quarter of a word's letters, the last word also as a prefix. */
const SEARCH_TYPOS: FuzzyOptions = {
  prefix: (_term, i, terms) => i === terms.length - 1,
  fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH + 1 ? 0.25 : false),
};
const ONE_TYPO: FuzzyOptions = {
  prefix: () => false,
  fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH + 1 ? 1 : false),
};
/**
 * How many look-ups of a city's partnerships a scan answers before the map of every city's is built:
 * a cold `ask` about one city makes a few, and building the map costs more than a few scans.
 */
const SCANS_BEFORE_MAP = 16;

/**
 * Read-only indexes over one version of the office's store and, when the store uses it, the world
 * layer beside it, so a question costs map lookups rather than a scan. The office's records win: an
 * office city takes the place of its world twin (see same-city.ts), an office partnership that of
 * the world's for the same pair, and a world pair the office removed stays hidden. An edit updates
 * the indexes for the records it changed (see apply); the world's indexes are built once per
 * process (see World). Indexes not needed by every question are built on first use, or at start
 * by `warm` (the bot).
 */
export class Catalog {
  private current: StoreData;
  /** The world layer, when the store uses it. */
  readonly world: World | undefined;
  private readonly cityById: CitiesById;
  /** Each office city's partnerships: built on the first look-ups past a few (see ownOf), or by `warm`. */
  private partnershipsByCity: CityPairs | undefined;
  private scansLeft = SCANS_BEFORE_MAP;
  /** A city with many pairs: its pairs sorted by id, built on first use, dropped when they change (see own). */
  private readonly sortedPairs = new Map<string, { ids: string[]; pairs: Partnership[] }>();
  /** World city id -> the office city that takes its place. */
  private readonly twinOf = new Map<string, City>();
  /** Office city id -> the world cities it takes the place of. */
  private readonly worldTwins = new Map<string, string[]>();
  private hidden: ReadonlySet<string>;
  private readonly withWorld = new Map<string, readonly Partnership[]>();
  private fuzzy: FuzzyNames<string> | undefined;
  /**
   * Every office city's folded names, sorted: the exact names' look-ups (a binary search) as well as
   * the prefixes'. A hash map of the names beside it repeated the same keys (1.8 MB at 40,000 cities).
   */
  private readonly prefixes: NamePrefixIndex;
  private anniversaries: AnniversaryIndex | undefined;
  /** Per function deriving keys from a city: key -> the office cities with it (see officeCitiesKeyed). */
  private readonly keyed = new Map<CityKeys, Map<string, City | City[]>>();
  /** Values derived from the records as they are now, by key (see remember); dropped on any edit. */
  private readonly remembered = new Map<string, unknown>();

  /** `names`: the office name index when it is at hand already (kept by an earlier run, see name-index-cache.ts). */
  constructor(data: StoreData, world?: World, names = officeNameIndex(data.cities)) {
    this.current = data;
    this.world = world;
    this.hidden = new Set(data.hiddenWorldPairs ?? []);
    this.cityById = new CitiesById(data.cities);
    this.prefixes = names;
    this.findWorldTwins();
  }

  /** The office's data these indexes are over. */
  get data(): StoreData {
    return this.current;
  }

  /** Builds now every index built on first use, so no question pays for one (the bot, at start). */
  warm(): this {
    this.byCity();
    this.prefixes.readBackwards();
    this.fuzzyIndex().search('warm', ONE_TYPO);
    this.anniversaryIndex();
    this.world?.warm();
    return this;
  }

  /**
   * Follows an edit: the records it changed are taken out of every index and put back as they are
   * now, at the cost of those records, not of the store.
   */
  apply(applied: Applied): void {
    this.current = applied.data;
    this.remembered.clear();
    let cities = false;
    for (const { collection, before, after } of applied.records) {
      if (collection === 'cities') {
        cities = true;
        if (before) this.removeCity(before as City);
        if (after) this.addCity(after as City);
      } else {
        if (before) this.removePartnership(before as Partnership);
        if (after) this.addPartnership(after as Partnership);
      }
    }
    this.hidden = new Set(applied.data.hiddenWorldPairs ?? []);
    this.withWorld.clear();
    if (cities && this.world) {
      this.twinOf.clear();
      this.worldTwins.clear();
      this.findWorldTwins();
    }
  }

  private addCity(city: City): void {
    this.cityById.set(city);
    const names = foldedNamesOf(city);
    this.prefixes.add(names.map((name) => ({ key: name, id: city.id })));
    this.fuzzy?.add(city.id, names);
    for (const [keysOf, index] of this.keyed) for (const key of keysOf(city)) addOne(index, key, city);
  }

  private removeCity(city: City): void {
    this.cityById.delete(city);
    this.prefixes.remove(city.id);
    this.fuzzy?.remove(city.id);
    for (const [keysOf, index] of this.keyed) for (const key of keysOf(city)) removeOne(index, key, city);
  }

  private addPartnership(p: Partnership): void {
    this.partnershipsByCity?.add(p);
    for (const cityId of p.cities) this.sortedPairs.delete(cityId);
    this.anniversaries?.add(p);
  }

  private removePartnership(p: Partnership): void {
    this.partnershipsByCity?.remove(p);
    for (const cityId of p.cities) this.sortedPairs.delete(cityId);
    this.anniversaries?.remove(p);
  }

  private byCity(): CityPairs {
    this.partnershipsByCity ??= new CityPairs(this.current.partnerships);
    return this.partnershipsByCity;
  }

  /** The office's partnerships of this city: a scan for the first few look-ups, then from the index. */
  private ownOf(cityId: string): readonly Partnership[] {
    if (this.partnershipsByCity === undefined && this.scansLeft > 0) {
      this.scansLeft--;
      return this.current.partnerships.filter((p) => p.cities[0] === cityId || p.cities[1] === cityId);
    }
    return this.byCity().of(cityId);
  }

  private findWorldTwins(): void {
    const world = this.world;
    if (!world) return;
    for (const city of this.current.cities) {
      for (const twin of worldTwinsOf(city, world)) {
        if (this.twinOf.has(twin.id) || (twin.id !== city.id && this.cityById.has(twin.id))) continue;
        this.twinOf.set(twin.id, city);
        addTo(this.worldTwins, city.id, twin.id);
      }
    }
  }

  /**
   * A value derived from the records as they are now (a hub's partners in a reader's order), built
   * once for the questions that follow: any edit drops every one, as it may change any; past a few
   * the one least recently asked goes. The key names what was derived and from what
   * (`partner-order|prague-cz|cs|…`).
   */
  remember<T>(key: string, build: () => T): T {
    const value = this.remembered.has(key) ? (this.remembered.get(key) as T) : build();
    // Set again, so the map's order is the order of use and the first key the least recently asked.
    this.remembered.delete(key);
    this.remembered.set(key, value);
    if (this.remembered.size > REMEMBERED)
      this.remembered.delete(this.remembered.keys().next().value as string);
    return value;
  }

  /** The city with this id: the office's, the office city that took the place of this world city, or the world's. */
  city(id: string): City | undefined {
    return this.cityById.get(id) ?? this.twinOf.get(id) ?? this.world?.city(id);
  }

  /**
   * The office's partnership with this id, found among its first city's (a map of every pair by id
   * cost 3.7 MB at 100,000 pairs; a city's list is short). City ids hold no "--", so the id splits.
   * A city with many pairs (a hub with thousands of partners) is searched in its pairs sorted by id,
   * so looking up each of its pairs costs no more than a short list.
   */
  private own(id: string): Partnership | undefined {
    const cityId = id.slice(0, id.indexOf('--'));
    let sorted = this.sortedPairs.get(cityId);
    if (!sorted) {
      const list = this.ownOf(cityId);
      if (list.length <= SHORT_LIST) return list.find((p) => p.id === id);
      const pairs = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      sorted = { ids: pairs.map((p) => p.id), pairs };
      this.sortedPairs.set(cityId, sorted);
    }
    const at = lowerBound(sorted.ids, id);
    return sorted.ids[at] === id ? sorted.pairs[at] : undefined;
  }

  /** Whether the office's own store holds this partnership (and not only the world layer). */
  isOffice(p: Partnership): boolean {
    return this.own(p.id) === p;
  }

  /** The world cities this office city takes the place of (besides one with its own id). */
  worldTwinIds(cityId: string): readonly string[] {
    return this.worldTwins.get(cityId) ?? [];
  }

  /**
   * Whether another city shares this one's display name (so labels must add region or country):
   * asked anew each time, as cheap as a look-up in a cache of the answers (which grew to 1.9 MB).
   */
  hasNamesake(city: City): boolean {
    return this.named(foldName(city.name)).length > 1;
  }

  /** The city's partnerships: the office's, and the world's pairs the office has neither recorded nor removed. */
  partnershipsOf(cityId: string): readonly Partnership[] {
    const own = this.ownOf(cityId);
    const world = this.world;
    if (!world) return own;
    let all = this.withWorld.get(cityId);
    if (all === undefined) {
      const worldIds = this.cityById.has(cityId)
        ? [...(world.city(cityId) ? [cityId] : []), ...(this.worldTwins.get(cityId) ?? [])]
        : this.twinOf.has(cityId)
          ? []
          : [cityId];
      const listed: Partnership[] = [];
      const seen = new Set(own.map((p) => p.id));
      for (const id of new Set(worldIds)) {
        for (const p of world.partnershipsOf(id)) {
          const shown = this.asShown(p);
          if (shown === undefined || seen.has(shown.id)) continue;
          seen.add(shown.id);
          listed.push(shown);
        }
      }
      all = listed.length === 0 ? own : [...own, ...listed];
      this.withWorld.set(cityId, all);
    }
    return all;
  }

  partnershipBetween(a: string, b: string): Partnership | undefined {
    const own = this.own(partnershipId(a, b));
    if (own || !this.world) return own;
    const first = this.city(a)?.id ?? a;
    const second = this.city(b)?.id ?? b;
    const id = partnershipId(first, second);
    return this.own(id) ?? this.partnershipsOf(first).find((p) => p.id === id);
  }

  /** The office's partnerships: the only ones with milestones, so the only ones with anniversaries. */
  get partnerships(): readonly Partnership[] {
    return this.data.partnerships;
  }

  /**
   * A world pair as the office sees it: its cities replaced by the office cities that took their
   * place, or nothing when the office recorded the pair itself, removed it, or both cities became one.
   */
  private asShown(p: Partnership): Partnership | undefined {
    const [a, b] = p.cities;
    const first = this.twinOf.get(a)?.id ?? a;
    const second = this.twinOf.get(b)?.id ?? b;
    if (first === second) return undefined;
    const id = first === a && second === b ? p.id : partnershipId(first, second);
    if (this.own(id) || this.hidden.has(id) || this.hidden.has(p.id)) return undefined;
    return id === p.id ? p : { ...p, id, cities: orderCities(first, second) };
  }

  /** The office's own cities with a name that folds to this (none of the world's). */
  officeNamed(folded: string): City[] {
    const found: City[] = [];
    for (const id of this.prefixes.named(folded)) {
      const city = this.cityById.get(id);
      if (city) found.push(city);
    }
    return found;
  }

  /**
   * The office's own cities with a folded name one edit from the folded text (withinOneEdit: the
   * question reader's "a letter off", which counts a missing space as a letter), found in the sorted
   * names, not by comparing every one: the edit is in one half of the text, so such a name starts
   * with the text's first half or ends with its second half, or is the text with the two letters
   * where the halves meet swapped.
   */
  officeOneEditAway(folded: string): City[] {
    const half = Math.floor(folded.length / 2);
    const near = (name: string) => withinOneEdit(name, folded);
    const names = new Set([
      ...this.prefixes.keysStartingWith(folded.slice(0, half), near),
      ...this.prefixes.keysEndingWith(folded.slice(half), near),
    ]);
    // A swap of the two letters where the halves meet leaves neither half as it was.
    if (half > 0)
      names.add(folded.slice(0, half - 1) + folded[half] + folded[half - 1] + folded.slice(half + 1));
    return [...new Set([...names].flatMap((name) => this.officeNamed(name)))];
  }

  /**
   * The office's own cities with this key among those `keysOf` derives from each (the sounds of
   * their names): a look-up, not a scan of the office's cities. One index per `keysOf` (a function
   * its module keeps, so the same each call), built on first use and kept by every edit.
   */
  officeCitiesKeyed(keysOf: CityKeys, key: string): City[] {
    let index = this.keyed.get(keysOf);
    if (!index) {
      index = new Map();
      for (const city of this.current.cities) for (const k of keysOf(city)) addOne(index, k, city);
      this.keyed.set(keysOf, index);
    }
    const found = index.get(key);
    return found === undefined ? [] : Array.isArray(found) ? [...found] : [found];
  }

  /** Cities with a name that folds to this: the office's, then the world's not taken over by an office city. */
  private named(folded: string): City[] {
    const found = this.officeNamed(folded);
    if (!this.world) return found;
    for (const city of this.world.named(folded)) {
      const shown = this.twinOf.get(city.id) ?? city;
      if (!found.includes(shown)) found.push(shown);
    }
    return found;
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
    const byId = this.city(query.trim());
    if (byId) return [byId];
    const folded = foldName(query);
    const exact = this.named(folded);
    if (exact.length > 0) return exact;
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
    return this.lookUp(text, limit, SEARCH_TYPOS);
  }

  /**
   * As `search`, with at most one typo a word: the question reader's "a letter off" check, which
   * keeps only such names, so the wider typo search would be work thrown away.
   */
  oneTypoAway(text: string, limit: number): City[] {
    return this.lookUp(text, limit, ONE_TYPO);
  }

  private lookUp(text: string, limit: number, options: FuzzyOptions): City[] {
    const query = foldName(text);
    if (query === '') return [];
    const prefixes = this.prefixes;
    const ids = this.world
      ? this.shownIds([
          ...prefixes.matches(query, PREFIX_SCAN),
          ...this.world.startingWith(query, PREFIX_SCAN).map((e) => ({ key: e.name, id: e.city.id })),
        ]).slice(0, limit)
      : prefixes.startingWith(query, limit);
    if (ids.length === 0 && query.length >= MIN_FUZZY_LENGTH) {
      const results = this.fuzzyIndex().search(query, options);
      const worldResults = this.world?.fuzzySearch(query, options).map((city) => city.id) ?? [];
      for (const id of [...results, ...worldResults]) {
        const cityId = this.city(id)?.id ?? id;
        if (!ids.includes(cityId)) ids.push(cityId);
        if (ids.length === limit) break;
      }
    }
    return ids.flatMap((id) => this.city(id) ?? []);
  }

  /** Ids of the matched names' cities as shown (an office city for its world twin), best first: an exact name, then shorter names. */
  private shownIds(found: { key: string; id: string }[]): string[] {
    found.sort((a, b) => a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const ids = new Set<string>();
    for (const { id } of found) ids.add(this.city(id)?.id ?? id);
    return [...ids];
  }

  /** Partnerships of the given precisions that can have an anniversary in the window (an index, not a scan). */
  anniversaryCandidates(window: AnniversaryWindow, precisions: readonly Precision[]): Partnership[] {
    return this.anniversaryIndex().candidates(window, precisions);
  }

  /** A period's anniversaries counted exactly, and one stretch of their list built (see AnniversaryIndex.page). */
  anniversaryPage(query: AnniversaryQuery, start: number, count: number): AnniversaryPage {
    return this.anniversaryIndex().page(query, start, count);
  }

  /** A year's anniversaries counted per month, none of them built. */
  anniversaryTally(year: number): AnniversaryTally {
    return this.anniversaryIndex().tally(year, this.current.settings.feb29);
  }

  /** How many partnerships have anniversaries known only to the year. */
  countYearOnlyAnniversaries(): number {
    return this.anniversaryIndex().yearOnlyCount;
  }

  private anniversaryIndex(): AnniversaryIndex {
    this.anniversaries ??= new AnniversaryIndex(this.current.partnerships);
    return this.anniversaries;
  }

  private qualify(name: string, qualifier: string): City[] {
    const candidates = this.named(name);
    if (candidates.length === 0) return [];
    const folded = foldName(qualifier);
    const code = toCountryCode(qualifier);
    return candidates.filter(
      (city) =>
        (city.region !== undefined && foldName(city.region) === folded) ||
        city.country === code ||
        foldName(countryName(city.country)) === folded,
    );
  }

  private fuzzyIndex(): FuzzyNames<string> {
    this.fuzzy ??= new FuzzyNames(namesByCity(this.current.cities));
    return this.fuzzy;
  }
}

/**
 * A city's names as the indexes hold them: folded, each once (a search finds the city, not the
 * name). One pass with no lists between, as the fuzzy index runs it for every city.
 */
function foldedNamesOf(city: City): string[] {
  const folded = [foldName(city.name)];
  for (const { name } of city.names) {
    const key = foldName(name);
    if (!folded.includes(key)) folded.push(key);
  }
  return folded;
}

/** Every folded name of the office's cities, sorted (see Catalog.prefixes). */
export function officeNameIndex(cities: readonly City[]): NamePrefixIndex {
  return new NamePrefixIndex(namesOf(cities));
}

/** Each city's folded names with its id, one at a time (none of them kept in a list of all). */
function* namesOf(cities: readonly City[]): Generator<{ key: string; id: string }> {
  for (const city of cities) for (const key of foldedNamesOf(city)) yield { key, id: city.id };
}

function* namesByCity(cities: readonly City[]): Generator<readonly [string, string[]]> {
  for (const city of cities) yield [city.id, foldedNamesOf(city)];
}

/** The world cities an office city takes the place of, so no place is shown twice. */
function worldTwinsOf(city: City, world: World): City[] {
  const twins: City[] = [];
  const sameId = world.city(city.id);
  if (sameId) twins.push(sameId);
  const sameWikidata = city.wikidata === undefined ? undefined : world.withWikidata(city.wikidata);
  if (sameWikidata && !twins.includes(sameWikidata)) twins.push(sameWikidata);
  for (const named of world.named(foldName(city.name)))
    if (!twins.includes(named) && sameCityAs(city, named)) twins.push(named);
  return twins;
}

/** Adds a value under the key: the value alone, or a list once there are several. */
function addOne<T extends object>(map: Map<string, T | T[]>, key: string, value: T): void {
  const now = map.get(key);
  if (now === undefined) map.set(key, value);
  else if (Array.isArray(now)) {
    if (!now.includes(value)) now.push(value);
  } else if (now !== value) map.set(key, [now, value]);
}

function removeOne<T extends object>(map: Map<string, T | T[]>, key: string, value: T): void {
  const now = map.get(key);
  if (now === value) map.delete(key);
  else if (Array.isArray(now)) {
    const kept = now.filter((x) => x !== value);
    map.set(key, kept.length === 1 ? (kept[0] as T) : kept);
  }
}

function addTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
