import type { City } from '../../domain/city.ts';
import { latinKey, latinNames, MIN_KEY_LENGTH, phoneticKey, soundKeys } from '../../domain/name-sounds.ts';
import { foldName } from '../../domain/names.ts';
import type { Catalog } from '../../store/catalog.ts';
import type { World } from '../../store/world/world.ts';
import { romanise, variantsOf } from './romanise.ts';

/** A name written in kana or hanzi, read: its cities, and whether that is a guess (offered, never answered). */
export interface CjkName {
  readonly cities: readonly City[];
  readonly guessed: boolean;
}

/**
 * Characters the segmenter leaves stuck to a Chinese name ("和博 伦 厄": "and" + 博伦厄): "and",
 * "with", "of", "in", "from", "to" before or after it.
 */
const ZH_PARTICLES = new Set(['和', '与', '跟', '同', '及', '的', '在', '从', '对', '是']);
export function isParticle(word: string): boolean {
  return ZH_PARTICLES.has(word);
}

/**
 * The one-character names Chinese gives some of its large cities (简称: 沪 for Shanghai), as written
 * alone; not those that are everyday words too (汉, 深, 宁, 杭).
 */
const ABBREVIATED: Record<string, string> = {
  沪: '上海',
  京: '北京',
  津: '天津',
  渝: '重庆',
  穗: '广州',
  蓉: '成都',
  甬: '宁波',
  榕: '福州',
  邕: '南宁',
  鹭: '厦门',
};

/** "布法罗市", "水牛城": city, town, state, prefecture, province after a name. */
const PLACE_SUFFIXES = new Set(['市', '城', '町', '村', '州', '県', '省', '区']);
/** A Chinese rendering of a foreign name is a few characters; more is a phrase, not a name. */
const MAX_NAME_CHARS = 8;

/**
 * A city written in kana or hanzi that the data holds in Latin letters only (布法罗 for Buffalo,
 * ナブルス for Nablus): first the name as written, without a particle or place suffix stuck to it;
 * then its romanisation among GeoNames' romanised names ("na bu lu si" and "naburusu" are Nablus's),
 * which is certain; then its sounds among Latin names (布法罗 "bufaluo" sounds as Buffalo), which is
 * a guess unless the city is a partner of a city the question names for sure (Buffalo of Rzeszów).
 * What it cannot do: a rendering that drops or changes sounds (博伦厄 "bo lun e" for Borlänge).
 * Not `bySound`: the name as written and its traditional and kanji forms only.
 */
export function readCjkName(
  text: string,
  catalog: Catalog,
  named: readonly City[],
  bySound = true,
): CjkName | undefined {
  const forms = formsOf(text);
  const full = ABBREVIATED[text];
  for (const form of full === undefined ? forms : [full, ...forms]) {
    const cities = catalog.matchName(form);
    if (cities.length > 0) return { cities, guessed: false };
  }
  for (const form of forms) {
    for (const variant of variantsOf(form)) {
      const cities = catalog.matchName(variant);
      if (cities.length > 0) return { cities, guessed: false };
    }
  }
  if (!bySound) return undefined;
  const guesses: { city: City; distance: number }[] = [];
  for (const form of forms) {
    // One character is one syllable, which a hundred characters share ("锡", "希": xi, also Ski's).
    if ([...form].length < 2 || !soundsForeign(form, catalog)) continue;
    const romanised = romanise(form);
    if (!romanised) continue;
    for (const spelling of romanised.exact) {
      const cities = catalog.matchName(spelling);
      const romanisedName = cities.filter((c) => hasRomanisedName(c, spelling));
      if (romanisedName.length > 0) return { cities: romanisedName, guessed: false };
      guesses.push(...cities.map((city) => ({ city, distance: 0 })));
    }
    for (const { city, names } of soundsLike(romanised.joined, catalog))
      guesses.push({ city, distance: closestSpelling(names, romanised.sounds) });
  }
  const partners = new Set(named.flatMap((city) => catalog.partnershipsOf(city.id).flatMap((p) => p.cities)));
  const tied = new Set(
    guesses.filter((g) => g.distance <= TIED_DISTANCE && partners.has(g.city.id)).map((g) => g.city),
  );
  if (tied.size === 1) return { cities: [...tied], guessed: false };
  const partner = partnerSoundingLike(forms, named, catalog);
  if (partner) return { cities: [partner], guessed: false };
  // Several cities sound alike, none a letter away: offering one of them would be a coin toss.
  // The office's own city is no guess, as a typo of its name is none ("Prgue").
  const close = new Set(guesses.filter((g) => g.distance <= GUESS_DISTANCE).map((g) => g.city));
  const [only] = close;
  if (close.size === 1 && only) return { cities: [only], guessed: !isOfficeCity(only, catalog) };
  if (close.size > 1) return undefined;
  // 博伦厄 alone ("bo lun e" for Borlänge), 弗里波特 (Freeport): a rendering no spelling is near,
  // whose kept sounds are one of the office's own cities.
  const own = officeSoundingLike(forms, catalog);
  return own ? { cities: [own], guessed: false } : undefined;
}

function isOfficeCity(city: City, catalog: Catalog): boolean {
  return catalog.officeNamed(foldName(city.name)).some((c) => c.id === city.id);
}

/** The key of a city's own name (see soundingLike), for the office's index of them. */
const ownNameKey = (city: City): string[] => [latinKey(foldName(city.name))];
const KEY_SOUNDS = 'ptkfslnh';

/**
 * The one office city whose own name holds the name's sounds in order with at most one more, as
 * soundingLike, looked up in an index of the office names' keys: the key itself, and the key with
 * one sound put in after its first (a name's first sound is kept), not a scan of the office's cities.
 */
function officeSoundingLike(forms: readonly string[], catalog: Catalog): City | undefined {
  const found = new Set<City>();
  for (const key of soundKeysOf(forms, catalog)) {
    if (key.length < MIN_KEY_LENGTH) continue;
    const keys = new Set([key]);
    for (let at = 1; at <= key.length; at++)
      for (const sound of KEY_SOUNDS) keys.add(key.slice(0, at) + sound + key.slice(at));
    for (const k of keys) for (const city of catalog.officeCitiesKeyed(ownNameKey, k)) found.add(city);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The sound keys of a name written in hanzi (the characters of foreign names only) or kana. */
function soundKeysOf(forms: readonly string[], catalog: Catalog): string[] {
  return forms.flatMap((form) => {
    const romanised = soundsForeign(form, catalog) ? romanise(form) : undefined;
    return romanised ? romanised.sounds.map((sound) => phoneticKey(sound)) : [];
  });
}

/**
 * The one partner of a city the question names whose name holds the kana or hanzi name's sounds in
 * order, with at most one more (武汉和博伦厄: "pln" in Borlänge's "plnk"; フリーポート beside a
 * Concord: Freeport): renderings drop and change sounds a spelling cannot follow, and among a city's
 * few partners the sounds that are kept are enough.
 */
function partnerSoundingLike(
  forms: readonly string[],
  named: readonly City[],
  catalog: Catalog,
): City | undefined {
  // A Concord named in Japanese is one of several: the partners of each may be meant.
  const alike = named.flatMap((city) => catalog.matchName(city.name));
  const partnerIds = new Set(
    [...named, ...alike].flatMap((city) =>
      catalog.partnershipsOf(city.id).flatMap((p) => p.cities.filter((id) => id !== city.id)),
    ),
  );
  if (partnerIds.size === 0) return undefined;
  return soundingLike(
    forms,
    [...partnerIds].flatMap((id) => catalog.world?.city(id) ?? catalog.city(id) ?? []),
    catalog,
  );
}

/**
 * The one of these cities whose own name holds the kana or hanzi name's sounds in order, with at
 * most one more; as the office shows it.
 */
function soundingLike(forms: readonly string[], cities: readonly City[], catalog: Catalog): City | undefined {
  const keys = soundKeysOf(forms, catalog);
  if (keys.length === 0) return undefined;
  const found = new Set<City>();
  for (const city of cities) {
    const shown = catalog.city(city.id);
    if (!shown) continue;
    // Its own name only: among the many spellings of a city, some hold almost any sounds.
    const own = latinKey(foldName(city.name));
    const holds = keys.some(
      (key) =>
        key.length >= MIN_KEY_LENGTH &&
        own[0] === key[0] &&
        own.length <= key.length + 1 &&
        commonInOrder(key, own) === key.length,
    );
    if (holds) found.add(shown);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * How far the romanisation may be spelt from the Latin name: a letter for a guess ("bufaluo",
 * Bufalo), two for a partner of a city the question names ("bufaluo", Buffalo of Rzeszów).
 */
const GUESS_DISTANCE = 1;
const TIED_DISTANCE = 2;

/**
 * How far the closest of a city's Latin names is spelt from the romanisation, up to TIED_DISTANCE;
 * anything farther is TIED_DISTANCE + 1, as only the two distances above are asked of it. A sound
 * key may be shared by thousands of world towns with dozens of spellings each: names too long or too
 * short to be that close are not compared, and a comparison stops once it cannot get that close.
 */
export function closestSpelling(names: readonly string[], sounds: readonly string[]): number {
  let best = TIED_DISTANCE + 1;
  for (const sound of sounds) {
    const letters = letterCounts(sound);
    for (const name of names) {
      if (Math.abs(name.length - sound.length) >= best || lettersApart(name, letters) >= best) continue;
      best = Math.min(best, editDistanceWithin(name, sound, best - 1));
      if (best === 0) return 0;
    }
  }
  return best;
}

const LETTERS = 26;
const A = 'a'.charCodeAt(0);

/** How many of each letter a to z the text holds (names compared here are folded to a-z). */
function letterCounts(text: string): Int16Array {
  const counts = new Int16Array(LETTERS);
  for (let i = 0; i < text.length; i++) {
    const at = text.charCodeAt(i) - A;
    if (at >= 0 && at < LETTERS) counts[at] = (counts[at] ?? 0) + 1;
  }
  return counts;
}

/**
 * The letters one text has that the other lacks, the larger side counted: no spelling is fewer edits
 * away (each edit mends at most one such letter on each side), and it is cheap to count first.
 */
function lettersApart(name: string, counts: Int16Array): number {
  const diff = counts.slice();
  for (let i = 0; i < name.length; i++) {
    const at = name.charCodeAt(i) - A;
    if (at >= 0 && at < LETTERS) diff[at] = (diff[at] ?? 0) - 1;
  }
  let extra = 0;
  let missing = 0;
  for (const d of diff) {
    if (d > 0) extra += d;
    else missing -= d;
  }
  return Math.max(extra, missing);
}

/**
 * Levenshtein distance when it is at most `max`, else `max + 1`: only the cells within `max` of the
 * diagonal can hold a distance that small, and once a row's smallest cell is past `max` none after it
 * comes back.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const over = max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current.fill(over);
    current[0] = i <= max ? i : over;
    let smallest = current[0] ?? over;
    for (let j = from; j <= to; j++) {
      const substitution = (previous[j - 1] ?? over) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const cell = Math.min(substitution, (previous[j] ?? over) + 1, (current[j - 1] ?? over) + 1, over);
      current[j] = cell;
      if (cell < smallest) smallest = cell;
    }
    if (smallest > max) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] ?? over, over);
}

/**
 * Whether a name in hanzi is written with the characters Chinese uses for the sounds of foreign
 * names (布, 法, 罗, 斯...), not with everyday words (年前, 翻了): the characters of the data's own
 * Chinese names of cities outside East Asia, those used in ten or more (in one in 500 of a smaller
 * layer's). Kana is always read.
 */
export function soundsForeign(name: string, catalog: Catalog): boolean {
  if (!/^\p{Script=Han}+$/u.test(name)) return true;
  const chars = soundCharacters(catalog);
  return [...name].every((ch) => chars.has(ch) && !ZH_PARTICLES.has(ch));
}

const EAST_ASIA = new Set(['CN', 'TW', 'HK', 'MO', 'JP', 'KR', 'KP']);
const MIN_NAMES_WITH_CHARACTER = 10;
const NAMES_PER_COUNT = 500;
const soundCharactersOf = new WeakMap<World, Set<string>>();

function soundCharacters(catalog: Catalog): Set<string> {
  const world = catalog.world;
  if (!world) return new Set();
  let chars = soundCharactersOf.get(world);
  if (!chars) {
    const counts = new Map<string, number>();
    let names = 0;
    for (const city of world.cities) {
      if (EAST_ASIA.has(city.country)) continue;
      for (const name of new Set(city.names.map((n) => n.name))) {
        if (!/^\p{Script=Han}{2,}$/u.test(name)) continue;
        names++;
        for (const ch of new Set(name)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      }
    }
    // Ten names of the shipped world's 8,000; in a small layer, any name.
    const least = Math.min(MIN_NAMES_WITH_CHARACTER, Math.ceil(names / NAMES_PER_COUNT));
    chars = new Set([...counts].filter(([, n]) => n >= least).map(([ch]) => ch));
    soundCharactersOf.set(world, chars);
  }
  return chars;
}

/** The name as written; without a particle stuck before or after it; without a place suffix. */
function formsOf(text: string): string[] {
  const chars = [...text];
  if (chars.length > MAX_NAME_CHARS) return [];
  const forms = [text];
  let first = 0;
  let end = chars.length;
  while (end - first > 2 && ZH_PARTICLES.has(chars[first] ?? '')) first++;
  while (end - first > 2 && ZH_PARTICLES.has(chars[end - 1] ?? '')) end--;
  forms.push(chars.slice(first, end).join(''));
  if (end - first > 2 && PLACE_SUFFIXES.has(chars[end - 1] ?? ''))
    forms.push(chars.slice(first, end - 1).join(''));
  return [...new Set(forms)];
}

/** Whether one of the city's names is this romanisation as GeoNames writes one: in small letters ("naburusu"). */
function hasRomanisedName(city: City, spelling: string): boolean {
  return city.names.some((n) => n.name === n.name.toLowerCase() && foldName(n.name) === spelling);
}

const byWorld = new WeakMap<World, Map<string, string[]>>();

/**
 * Cities with a Latin name that sounds like the romanised text, by the phonetic key below, as the
 * office shows them, with the Latin names of the city that matched (a world city's many spellings).
 */
function soundsLike(joined: string, catalog: Catalog): { city: City; names: string[] }[] {
  const key = phoneticKey(joined);
  if (key.length < MIN_KEY_LENGTH) return [];
  const office = catalog
    .officeCitiesKeyed(soundKeys, key)
    .map((city) => ({ city, names: latinNamesCached(city) }));
  const world = catalog.world;
  if (!world) return office;
  let index = byWorld.get(world);
  if (!index) {
    index = new Map();
    for (const city of world.cities) {
      for (const k of soundKeys(city)) {
        const ids = index.get(k);
        if (!ids) index.set(k, [city.id]);
        else if (ids.at(-1) !== city.id) ids.push(city.id);
      }
    }
    byWorld.set(world, index);
  }
  const worldCities = (index.get(key) ?? []).flatMap((id) => {
    const city = world.city(id);
    const shown = catalog.city(id);
    return city && shown ? [{ city: shown, names: latinNamesCached(city) }] : [];
  });
  return [...office, ...worldCities];
}

const latinNamesOf = new WeakMap<City, string[]>();

/** The city's Latin names (see latinNames), kept for the cities a sound matched, compared again by spelling. */
function latinNamesCached(city: City): string[] {
  let names = latinNamesOf.get(city);
  if (!names) {
    names = latinNames(city);
    latinNamesOf.set(city, names);
  }
  return names;
}

const FRONT_WORDS: Record<string, string> = { 北: 'north', 南: 'south', 东: 'east', 西: 'west', 新: 'new' };

/** "州" (state), "県" (prefecture), "省" (province) end the name of a region. */
export const REGION_SUFFIX = /[州県省]$/u;
/** How much of a region's romanised sounds its Latin name must hold, in order. */
const MIN_REGION_LIKENESS = 0.75;

/**
 * Of cities named alike, the ones in the region a Japanese or Chinese question names beside them
 * ("ノースカロライナ州コンコード", "康科德（马萨诸塞州）"): the region's romanised sounds found, in
 * order, in the Latin name of the city's region ("nskln" in North Carolina's "nltkln"). Empty when no
 * one city's region is clearly the one named.
 */
export function inRegion(region: string, cities: readonly City[]): City[] {
  const name = region.replace(REGION_SUFFIX, '');
  // "北卡罗来纳" (North Carolina), "新泽西" (New Jersey): Chinese translates a compass word or "new"
  // at the front and renders the rest by sound.
  const [first = '', ...rest] = [...name];
  const translated = rest.length >= 2 ? FRONT_WORDS[first] : undefined;
  const romanised = romanise(translated === undefined ? name : rest.join(''));
  if (!romanised) return [];
  const sounds = phoneticKey(`${translated ?? ''}${romanised.joined}`, false);
  if (sounds.length < 2) return [];
  const scored = cities.map((city) => ({
    city,
    likeness:
      city.region === undefined
        ? 0
        : commonInOrder(sounds, phoneticKey(foldName(city.region), false)) / sounds.length,
  }));
  const best = Math.max(0, ...scored.map((s) => s.likeness));
  if (best < MIN_REGION_LIKENESS) return [];
  const regions = new Set(scored.filter((s) => s.likeness === best).map((s) => s.city.region));
  return regions.size === 1 ? scored.filter((s) => s.likeness === best).map((s) => s.city) : [];
}

/** Length of the longest common subsequence. */
function commonInOrder(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = [0];
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
