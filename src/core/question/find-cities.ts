import type { City } from '../../domain/city.ts';
import { distanceKm } from '../../domain/geo.ts';
import { foldName, withinOneEdit } from '../../domain/names.ts';
import type { Lang } from '../../i18n/languages.ts';
import type { Catalog } from '../../store/catalog.ts';
import { inRegion, isParticle, REGION_SUFFIX, readCjkName, soundsForeign } from './cjk-names.ts';
import { isCommonWord, isCommonWordAsTyped, isCommonWordIn } from './common-words.ts';
import { countryNamed, countryOfCaseForm, countryOfWord, MAX_COUNTRY_WORDS } from './countries.ts';
import { soundAlike } from './homophones.ts';
import { isNumber, joinAtGaps, joinFolded, type Token } from './tokens.ts';

/** Which case endings a name may carry in the question's language: Czech's, German's genitive "s", or none. */
export type CaseForms = 'any' | 'genitive' | 'none';

function takesCase(caseForms: CaseForms, name: string): boolean {
  return caseForms === 'any' || (caseForms === 'genitive' && name.endsWith('s'));
}

/** A place named in a question: the words as written and the cities they can mean. */
export interface Mention {
  /** Token indexes [first, end). */
  readonly first: number;
  readonly end: number;
  /** As written, for "no city named X". */
  readonly text: string;
  /** One city; several namesakes (Concord); or none: a name the store does not know. */
  readonly cities: readonly City[];
  /** Written in lower case while not matching any city, or only world towns where names have capitals: more likely a stray word than a name. */
  readonly lowerCase: boolean;
  /** Found with a letter wrong, and only among the world's towns: a guess, offered and never answered. */
  readonly guessed?: boolean;
  /** A country's ISO code: the words name a country ("Poland", "Polsko"), not a city. */
  readonly country?: string;
  /** A country's name that is also these cities' ("萨尔瓦多": El Salvador, Salvador): see `twinOfCountryName`. */
  readonly sameNamedCities?: readonly City[];
  /** Names a letter away, each a different name ("Mardid": Madrid, Mardin): none is taken, each may be offered. */
  readonly alternatives?: readonly (readonly City[])[];
}

const CONTRACTED_ARTICLES: Record<string, string> = { du: 'le', au: 'le', des: 'les', aux: 'les' };
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** "ー", a long vowel in katakana, is of no script: the segmenter may cut it out of a name ("ブ|レ|ー|マ"). */
const CJK_OR_LONG_VOWEL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;

/** Longest city name, in words, looked up at each position ("Klagenfurt am Wörthersee, Austria"). */
const MAX_NAME_WORDS = 5;
/** The same in hanzi or kana, cut by the segmenter into pieces of a character or two. */
const MAX_CJK_NAME_WORDS = 12;
/** Typo look-ups are fuzzy searches; a text with more unknown words than this is not a question we read. */
const MAX_TYPO_LOOKUPS = 12;
const MIN_TYPO_LENGTH = 4;
const MAX_TYPO_WORDS = 3;
/** Longer than any city name (the longest real ones have about 60 letters): not looked up at all. */
const MAX_NAME_LENGTH = 100;
const MAX_TYPO_LENGTH = 40;

/**
 * Finds the cities in a question. City names come first, before any cue word is read, so a city
 * named like a word ("Concord", "Split", "Reading", "Nice") is the city. Then runs of words that
 * are neither names nor known vocabulary are tried as a name with one letter wrong; what is left
 * becomes a name the store does not know.
 */
export function findCities(
  tokens: readonly Token[],
  skip: ReadonlySet<number>,
  isVocabulary: (folded: string) => boolean,
  catalog: Catalog,
  caseForms: CaseForms = 'any',
  lang?: Lang,
  text = '',
): Mention[] {
  const mentions: Mention[] = [];
  const unknown: number[][] = [];
  let run: number[] = [];
  const closeRun = () => {
    if (run.length > 0) unknown.push(run);
    run = [];
  };
  const mixedCase = isMixedCase(tokens);
  const stretches: [number, number][] = [];
  for (let i = 0; i < tokens.length; ) {
    if (skip.has(i)) {
      closeRun();
      i++;
      continue;
    }
    const exact = exactNameAt(tokens, i, skip, catalog, mixedCase, isVocabulary, caseForms);
    const country =
      countryAt(tokens, i, skip) ??
      (exact ? caseFormCountryAt(tokens, i, exact, catalog, caseForms) : cjkCountryAt(tokens, i, skip));
    if (country && (!exact || (exact.end <= country.end && !hasOfficeCity(catalog, exact.cities)))) {
      closeRun();
      // "萨尔瓦多" is El Salvador and Salvador (Bahia), "Monaco" a country and its city: the city is
      // kept, for its twin named too, or to be offered beside the country. Not after "in" or "some
      // city of" ("alguna ciudad de México"), which ask about the country whatever Madrid's twin is named.
      const sameNamed = exact?.end === country.end && !countryAsked(tokens, i) ? exact.cities : [];
      mentions.push(sameNamed.length > 0 ? { ...country, sameNamedCities: sameNamed } : country);
      i = country.end;
      continue;
    }
    if (exact) {
      closeRun();
      const placed = withRegion(tokens, smallWorldTown(exact, mixedCase, catalog), skip);
      mentions.push(placed);
      i = placed.end;
      continue;
    }
    const stretch = hanziStretchAt(tokens, i, skip, isVocabulary, catalog);
    if (stretch > i) {
      closeRun();
      stretches.push([i, stretch]);
      i = stretch;
      continue;
    }
    const token = tokens[i] as Token;
    if (isVocabulary(token.folded) || isNumber(token)) closeRun();
    else run.push(i);
    i++;
  }
  closeRun();
  const budget = { lookups: MAX_TYPO_LOOKUPS };
  // Namesakes too (康科德: every Concord): a name read by its sounds may be the partner of any of them.
  const named = mentions.flatMap((m) => (m.guessed ? [] : m.cities));
  for (const [first, end] of stretches) {
    const read = readCjkRun(tokens, range(first, end), catalog, named);
    if (read) mentions.push(read);
    // No name after all: its words are read one by one, as any others.
    else unknown.push(...splitAt(range(first, end), (at) => isVocabulary(tokens[at]?.folded ?? '')));
  }
  for (const words of unknown) {
    const taken = (i: number) => skip.has(i) || mentions.some((m) => m.first <= i && i < m.end);
    const read =
      widenedCjkName(tokens, words, taken, catalog) ??
      readCjkRun(tokens, words, catalog, named) ??
      readUnknownRun(tokens, words, catalog, budget, caseForms);
    // "mexicanas" is a letter away from some town; written small where names have capitals, a word.
    const small =
      (read.guessed || read.alternatives !== undefined) &&
      mixedCase &&
      read.text.charAt(0) === read.text.charAt(0).toLowerCase();
    mentions.push(
      small
        ? { ...read, cities: [], guessed: undefined, alternatives: undefined, lowerCase: true }
        : read.guessed && isMajorCityTypo(read)
          ? { ...read, guessed: undefined }
          : read,
    );
  }
  const slips = keyboardSlips(tokens, skip, mentions, isVocabulary, catalog);
  const read = mentions.filter((m) => !slips.some((slip) => slip.first < m.end && m.first < slip.end));
  const twins = twinsNamedLikeWords(tokens, skip, [...read, ...slips], catalog, lang);
  return locatedBy(
    placeRegions(
      corroborated(
        twinOfCountryName(
          [...read, ...slips, ...twins].sort((a, b) => a.first - b.first),
          catalog,
        ),
        catalog,
      ),
      tokens,
      catalog,
    ),
    tokens,
    text,
  );
}

/**
 * A name after a city that only says where the city is: its province, canton or prefecture ("Spa,
 * province de Liège", "Winterthur im Kanton Zürich", "Takaoka in Toyama Prefecture"), or a city it
 * lies near ("Sakai près d'Osaka", "Versailles near Paris"). The second name is part of the place,
 * not a second city of the question (which would ask for the agreement between the two); among the
 * first's namesakes, those in that region or nearest that city are meant.
 */
function locatedBy(mentions: Mention[], tokens: readonly Token[], text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const after = tokens[m.end]?.folded ?? '';
    // A name read with a letter wrong may be a word: only a word for a region says it is one.
    const named = m.cities.length > 0 && !m.guessed;
    const kindAfter = (city: Mention) =>
      named && inBrackets(text, tokens, city, m)
        ? 'region'
        : locatorKind(words(tokens, city, m), after, named);
    // The city before, past a locating word read as a name ("province", a letter from Providence).
    let at = out.length - 1;
    while (at > 0 && kindAfter(out[at] as Mention) === undefined) at--;
    const city = out[at];
    const kind = city && city.cities.length > 0 && !namesCountry(m, tokens) ? kindAfter(city) : undefined;
    if (!city || kind === undefined) {
      out.push(m);
      continue;
    }
    const end = kind === 'region' && LOCATOR_NOUNS.has(after) ? m.end + 1 : m.end;
    out.splice(at, out.length - at, { ...city, end, cities: placedBy(city.cities, m, kind) });
  }
  return out;
}

/** A country's name or a form of it ("v Polsku"), which says where partners are, not where a city is. */
function namesCountry(m: Mention, tokens: readonly Token[]): boolean {
  const folded = joinFolded(tokens.slice(m.first, m.end));
  return (
    m.country !== undefined ||
    m.sameNamedCities !== undefined ||
    countryNamed(folded) !== undefined ||
    countryOfCaseForm(folded) !== undefined ||
    countryOfWord(folded) !== undefined
  );
}

/** "Châtellerault (Vienne)": a name in brackets right after a city's, as lists and addresses place it. */
function inBrackets(text: string, tokens: readonly Token[], city: Mention, place: Mention): boolean {
  return (
    city.end === place.first &&
    /^\s*\(\s*$/u.test(textBetween(text, tokens, city, place)) &&
    /^\s*\)/u.test(text.slice(tokens[place.end - 1]?.end ?? text.length))
  );
}

/** The text written between two mentions: spaces, a comma, a bracket, the words between. */
export function textBetween(text: string, tokens: readonly Token[], before: Mention, after: Mention): string {
  const from = tokens[before.end - 1]?.end;
  const to = tokens[after.first]?.start;
  return from === undefined || to === undefined ? '' : text.slice(from, to);
}

/** The words between two mentions, folded, with the word for a region the first took in ("Spa, province | de Liège"). */
function words(tokens: readonly Token[], before: Mention, after: Mention): string[] {
  const noun = before.end - before.first > 1 && LOCATOR_NOUNS.has(tokens[before.end - 1]?.folded ?? '');
  return tokens.slice(noun ? before.end - 1 : before.end, after.first).map((t) => t.folded);
}

/** Words between a city and a name that locate it: "dans le canton de", "in the province of", "près d'", "bei". */
function locatorKind(gap: readonly string[], after: string, named: boolean): 'region' | 'near' | undefined {
  const words = gap.filter((w) => !REGION_JOINERS.has(w) && !ARTICLES.has(w) && !OF_WORDS.has(w));
  // "Poitiers dans la Vienne", "Laval en Mayenne", "Takaoka in Toyama": a place "in" a city's name is
  // a region named like it (a French department, a prefecture), as no city lies in another.
  const inName =
    named &&
    gap.length <= 2 &&
    REGION_JOINERS.has(gap[0] ?? '') &&
    gap.slice(1).every((w) => ARTICLES.has(w));
  if (words.length === 0)
    return inName || (LOCATOR_NOUNS.has(after) && gap.length <= 1) ? 'region' : undefined;
  if (words.length === 1 && LOCATOR_NOUNS.has(words[0] ?? '')) return 'region';
  const near = words.join(' ');
  return named && NEAR.has(near) && gap.length <= words.length + 1 ? 'near' : undefined;
}

/** Words for "near", folded, that put a city beside another ("près de", "cerca de", "nicht weit von"). */
const NEAR = new Set([
  'near',
  'close to',
  'not far from',
  'next to',
  'pres',
  'non loin',
  'a cote',
  'bei',
  'nahe',
  'nahe bei',
  'unweit',
  'nicht weit',
  'cerca',
  'junto a',
  'nedaleko',
  'pobliz',
  'blizko',
]);

/** The first city's namesakes in the region named, or nearest the city named; all of them when none tells. */
function placedBy(cities: readonly City[], place: Mention, kind: 'region' | 'near'): readonly City[] {
  if (cities.length < 2 || place.cities.length === 0) return cities;
  const names = new Set(place.cities.flatMap((c) => [c.name, ...c.names.map((n) => n.name)].map(foldName)));
  if (kind === 'region') {
    const inRegion = cities.filter((c) => c.region !== undefined && names.has(foldName(c.region)));
    if (inRegion.length > 0) return inRegion;
    // A region named like a town of it ("Laval en Mayenne"): the namesake nearest that town.
  }
  const distance = (c: City) =>
    Math.min(
      ...place.cities.map((p) =>
        c.coordinates && p.coordinates ? distanceKm(c.coordinates, p.coordinates) : Number.POSITIVE_INFINITY,
      ),
    );
  const nearest = Math.min(...cities.map(distance));
  return Number.isFinite(nearest) ? cities.filter((c) => distance(c) === nearest) : cities;
}

/**
 * "Caen et Coventry sont-elles jumelées ?": a capitalised everyday word of another language than
 * the question's ("caen" is Spanish), left out where a capital says nothing (first in the sentence),
 * that names a town twinned with a city the question names, is that town.
 */
function twinsNamedLikeWords(
  tokens: readonly Token[],
  skip: ReadonlySet<number>,
  mentions: readonly Mention[],
  catalog: Catalog,
  lang: Lang | undefined,
): Mention[] {
  const named = mentions.filter((m) => !m.guessed).flatMap((m) => m.cities);
  if (lang === undefined || named.length === 0) return [];
  const taken = (i: number) => skip.has(i) || mentions.some((m) => m.first <= i && i < m.end);
  return tokens.flatMap((token, i) => {
    const initial = token.text.charAt(0);
    if (taken(i) || initial === initial.toLowerCase() || !isCommonWord(token.folded)) return [];
    if (isCommonWordIn(token.folded, lang)) return [];
    const twins = catalog
      .matchName(token.folded)
      .filter((city) => named.some((other) => catalog.partnershipBetween(city.id, other.id) !== undefined));
    return twins.length > 0 ? [mention(tokens, i, i + 1, twins)] : [];
  });
}

/** "Which", "who", "how many", "what": a question, never part of a name ("哪国" is no slip of 南国, Nankoku). */
const QUESTION_CHARACTERS = /[哪谁几啥咋]/u;
/** A name typed with a wrong character is a few characters, cut by the segmenter into as many words. */
const MAX_SLIP_WORDS = 6;

/**
 * Hanzi names typed with a character a pinyin keyboard offers for the same sound ("布|拉|个" for
 * 布拉格, see soundAlike): two words or more written together that no name, country or period has
 * taken, none a particle or a word of ours of two characters (the segmenter knows those, and cuts
 * what it does not know character by character). Several names that fit are each offered.
 */
function keyboardSlips(
  tokens: readonly Token[],
  skip: ReadonlySet<number>,
  mentions: readonly Mention[],
  isVocabulary: (folded: string) => boolean,
  catalog: Catalog,
): Mention[] {
  const free = (i: number) => {
    const token = tokens[i];
    return (
      token !== undefined &&
      !skip.has(i) &&
      HAN.test(token.text) &&
      !isParticle(token.text) &&
      !QUESTION_CHARACTERS.test(token.text) &&
      !([...token.text].length > 1 && isVocabulary(token.folded)) &&
      !mentions.some((m) => (m.cities.length > 0 || m.country !== undefined) && m.first <= i && i < m.end)
    );
  };
  const joined = (i: number) => tokens[i]?.start === tokens[i - 1]?.end;
  const found: Mention[] = [];
  for (let first = 0; first < tokens.length; first++) {
    // A slip starts a name: not inside a run of characters we cannot place ("和布|拉|个" is not "拉格").
    const before = first - 1;
    const inside =
      before >= 0 &&
      joined(first) &&
      free(before) &&
      !isVocabulary(tokens[before]?.folded ?? '') &&
      !found.some((m) => m.end > before) &&
      !isParticle([...(tokens[first]?.text ?? '')][0] ?? '');
    if (!free(first) || inside) continue;
    let longest = first + 1;
    while (longest < Math.min(tokens.length, first + MAX_SLIP_WORDS) && free(longest) && joined(longest))
      longest++;
    for (let end = longest; end >= first + 2; end--) {
      const words = range(first, end).map((i) => tokens[i]?.text ?? '');
      // "和布|拉|个": the segmenter may glue "and" to the name's first character.
      const [head = '', ...rest] = [...(words[0] ?? '')];
      if (rest.length === 1 && isParticle(head)) words[0] = rest[0] ?? '';
      const names = soundAlike(words.join(''), catalog);
      const [only] = names;
      if (!only) continue;
      // A small town a character off some words ("克拉", Kola) is a guess; the office's own cities and
      // large ones are what people write, and mistype.
      const sure = hasOfficeCity(catalog, only) || only.some((city) => (city.population ?? 0) >= MAJOR_CITY);
      found.push(
        names.length > 1
          ? { ...mention(tokens, first, end, []), lowerCase: false, alternatives: names }
          : { ...mention(tokens, first, end, only), ...(!sure && { guessed: true }) },
      );
      first = end - 1;
      break;
    }
  }
  return found;
}

/**
 * A country's name that is also a city's ("萨尔瓦多", "Gibraltar") beside a city twinned with that
 * city is the city: "英雄港与萨尔瓦多" asks about Angra do Heroísmo and Salvador, not partners in El Salvador.
 */
function twinOfCountryName(mentions: Mention[], catalog: Catalog): Mention[] {
  return mentions.map((m) => {
    const twins = (m.sameNamedCities ?? []).filter((city) =>
      mentions.some(
        (other) =>
          other !== m && other.cities.some((c) => catalog.partnershipBetween(c.id, city.id) !== undefined),
      ),
    );
    return twins.length === 1 ? { ...m, country: undefined, sameNamedCities: undefined, cities: twins } : m;
  });
}

/** A long name a letter off ("Barcleona", "Bordaux") of a city of this many people or more is that city, not a guess. */
const MAJOR_CITY = 200_000;
const MIN_MAJOR_TYPO_LENGTH = 6;

/**
 * Whether a name with a letter wrong, missing, extra or two swapped is a long one of one city of the
 * world's largest ("Barcleona", "Klagenfrut" are; "aide" is no typo of a town): long names of large
 * cities are seldom a letter away from an everyday word.
 */
function isMajorCityTypo(m: Mention): boolean {
  const [only] = m.cities;
  return (
    m.cities.length === 1 &&
    only !== undefined &&
    (only.population ?? 0) >= MAJOR_CITY &&
    m.text.replace(/ /g, '').length >= MIN_MAJOR_TYPO_LENGTH &&
    !CJK.test(m.text)
  );
}

/**
 * Names in kana or hanzi found by their sounds are guesses; two such names, or one beside a name
 * known for sure, whose cities are twinned with each other are no coincidence: both are meant
 * ("ギョンギョシュとシュシャ", Gyöngyös and Shusha).
 */
function corroborated(mentions: Mention[], catalog: Catalog): Mention[] {
  const twinned = (m: Mention) =>
    m.cities.length === 1 &&
    mentions.some(
      (other) =>
        other !== m &&
        other.cities.length === 1 &&
        catalog.partnershipBetween((m.cities[0] as City).id, (other.cities[0] as City).id) !== undefined,
    );
  return mentions.map((m) =>
    m.guessed && CJK.test(m.text) && twinned(m) ? { ...m, guessed: undefined } : m,
  );
}

/**
 * A region written in Japanese or Chinese beside a city ("ノースカロライナ州コンコード",
 * "アメリカ・オレゴン州のポートランド", "康科德（马萨诸塞州）") says which of the cities named alike is
 * meant, as a country does: the city is the one in that region, and the region's words no name.
 */
function placeRegions(mentions: Mention[], tokens: readonly Token[], catalog: Catalog): Mention[] {
  if (!tokens.some((t) => CJK.test(t.text))) return mentions;
  let placed = [...mentions];
  for (const city of mentions) {
    if (city.cities.length === 0 || !placed.includes(city)) continue;
    const known = (i: number) =>
      placed.some((m) => m !== city && (m.cities.length > 0 || m.country) && m.first <= i && i < m.end);
    const spans: [number, number][] = [];
    // After it, as "（マサチューセッツ州）"; before it, with or without "の".
    for (let end = city.end + 1; end <= Math.min(tokens.length, city.end + MAX_CJK_REGION_WORDS); end++)
      spans.push([city.end, end]);
    const last =
      tokens[city.first - 1]?.folded === 'の' || tokens[city.first - 1]?.folded === '的'
        ? city.first - 1
        : city.first;
    // The longest first: "马|萨|诸|塞|州" is Massachusetts, "诸|塞|州" only its end.
    for (let first = Math.max(0, last - MAX_CJK_REGION_WORDS); first < last; first++) {
      if (tokens.slice(first, last).every((t) => CJK.test(t.text) && !isParticle(t.text)))
        spans.push([first, last]);
    }
    for (const [first, end] of spans) {
      const words = tokens.slice(first, end);
      if (!REGION_SUFFIX.test(words.at(-1)?.text ?? '')) continue;
      // "アメリカ・オレゴン州", "美国马萨诸塞州": a country before the region, part of the place.
      const country = words.length > 1 ? countryWritten(words[0]?.folded ?? '') : undefined;
      if (range(country === undefined ? first : first + 1, end).some(known)) continue;
      const region = (country ? words.slice(1) : words).map((t) => t.text).join('');
      const [only] = city.cities;
      const alike = city.cities.length === 1 && only ? catalog.matchName(only.name) : city.cities;
      const inCountry = alike.filter((c) => country === undefined || c.country === country);
      // "岩手県の北上市": a region beside the one city of that name says no more than where it is,
      // even when its sounds cannot be compared (a Japanese reading is not the pinyin of its kanji).
      // Not when a country stands before the region, which the wider span compares ("美国缅因州").
      const countryBefore = countryWritten(tokens[first - 1]?.folded ?? '') !== undefined;
      const found = inCountry.length === 1 && !countryBefore ? inCountry : inRegion(region, inCountry);
      if (found.length === 0) continue;
      placed = placed
        .filter((m) => m.end <= first || m.first >= end)
        .map((m) => (m === city ? { ...city, cities: found, guessed: undefined } : m));
      break;
    }
  }
  return placed;
}

/**
 * The segmenter may glue a name's last character to the word after it ("克拉根|福建|交": 克拉根福
 * Klagenfurt, then 建交 "establish ties", read as the province 福建): a hanzi word whose first
 * character ends a name the catalog knows, with the words written before it, is split there.
 */
export function splitGluedNames(tokens: readonly Token[], catalog: Catalog): Token[] {
  return splitGluedStarts(splitGluedEnds(tokens, catalog), catalog);
}

function splitGluedEnds(tokens: readonly Token[], catalog: Catalog): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const before: Token[] = [];
    for (let k = out.length - 1; k >= 0 && before.length < MAX_GLUED_WORDS; k--) {
      const word = out[k] as Token;
      if (!HAN.test(word.text) || isParticle(word.text) || word.end !== (before[0] ?? token).start) break;
      before.unshift(word);
    }
    const head = [...token.text][0] ?? '';
    if (token.text.length === head.length || !HAN.test(token.text) || !endsName(before, token, catalog)) {
      out.push(token);
      continue;
    }
    const cut = token.start + head.length;
    const rest = token.text.slice(head.length);
    out.push(
      { text: head, folded: foldName(head), start: token.start, end: cut },
      { text: rest, folded: foldName(rest), start: cut, end: token.end },
    );
  }
  return out;
}

/**
 * The other way round, a name's first character glued to the word before it ("介绍|下北|上市": 下 +
 * 北上市, Kitakami): a hanzi word whose last character starts a name the catalog knows, with the
 * words written after it, is split there.
 */
function splitGluedStarts(tokens: readonly Token[], catalog: Catalog): Token[] {
  const out: Token[] = [];
  tokens.forEach((token, index) => {
    const chars = [...token.text];
    const tail = chars.at(-1) ?? '';
    const after: Token[] = [];
    for (let k = index + 1; k < tokens.length && after.length < MAX_GLUED_WORDS; k++) {
      const word = tokens[k] as Token;
      if (!HAN.test(word.text) || word.start !== (after.at(-1) ?? token).end) break;
      after.push(word);
    }
    const startsName = () => {
      let rest = '';
      for (const word of after) {
        rest += word.text;
        if ([...rest].length + 1 < MIN_GLUED_NAME) continue;
        if (catalog.matchName(tail + rest).length > 0 && catalog.matchName(token.text + rest).length === 0)
          return true;
      }
      return false;
    };
    if (chars.length < 2 || !HAN.test(token.text) || isParticle(tail) || !startsName()) {
      out.push(token);
      return;
    }
    const cut = token.end - tail.length;
    const head = token.text.slice(0, token.text.length - tail.length);
    out.push(
      { text: head, folded: foldName(head), start: token.start, end: cut },
      { text: tail, folded: foldName(tail), start: cut, end: token.end },
    );
  });
  return out;
}

/** Whether the words before a hanzi word and its first character are a name, and with the whole word none. */
function endsName(before: readonly Token[], token: Token, catalog: Catalog): boolean {
  const head = [...token.text][0] ?? '';
  for (let from = 0; from < before.length; from++) {
    const start = before
      .slice(from)
      .map((t) => t.text)
      .join('');
    if ([...start].length + 1 < MIN_GLUED_NAME) break;
    if (catalog.matchName(start + head).length > 0 && catalog.matchName(start + token.text).length === 0)
      return true;
  }
  return false;
}

/** The words before a glued character that may be the rest of its name ("克拉|根"). */
const MAX_GLUED_WORDS = 4;
/** A name of fewer characters is too short to split a word for. */
const MIN_GLUED_NAME = 3;

/** A country's name ("美国") or a word made from one ("アメリカ"). */
function countryWritten(folded: string): string | undefined {
  return countryNamed(folded) ?? countryOfWord(folded);
}

/** A country written in hanzi or kana has this many characters at least ("美国" is named whole). */
const MIN_CJK_COUNTRY = 3;

/** "ノース|カロライナ|州", "马|萨|诸|塞|州": no region takes more words. */
const MAX_CJK_REGION_WORDS = 6;

/**
 * A country named at this position, longest name first ("United States", not "United"); countries
 * are read before world cities, so "Poland" is the country and not Poland, Maine.
 */
function countryAt(tokens: readonly Token[], first: number, skip: ReadonlySet<number>): Mention | undefined {
  for (let end = Math.min(tokens.length, first + MAX_COUNTRY_WORDS); end > first; end--) {
    if (range(first, end).some((i) => skip.has(i))) continue;
    const code = countryNamed(joinFolded(tokens.slice(first, end)));
    if (code) return { ...mention(tokens, first, end, []), lowerCase: false, country: code };
  }
  return undefined;
}

/**
 * "v Panamě": after "in", a case form of a country's name is the country, even where a town's
 * other name is written alike ("Paname", Paris): the preposition asks where, as of a country.
 */
function caseFormCountryAt(
  tokens: readonly Token[],
  at: number,
  exact: Mention,
  catalog: Catalog,
  caseForms: CaseForms,
): Mention | undefined {
  const word = tokens[at]?.folded ?? '';
  if (caseForms === 'none' || exact.end !== at + 1 || hasOfficeCity(catalog, exact.cities)) return undefined;
  if (!COUNTRY_PREPOSITIONS.has(tokens[at - 1]?.folded ?? '')) return undefined;
  const code = countryOfCaseForm(word);
  return code ? { ...mention(tokens, at, at + 1, []), lowerCase: false, country: code } : undefined;
}

/**
 * "巴勒斯坦纳布卢斯": Chinese writes the country before the city, joined, and by a shorter name than
 * Intl's (巴勒斯坦领土): a word in hanzi or kana that starts one country's name, where no city is
 * named; never a piece of a katakana word ("ボー|レンゲ" is Borlänge, not the start of ポーランド).
 */
function cjkCountryAt(
  tokens: readonly Token[],
  first: number,
  skip: ReadonlySet<number>,
): Mention | undefined {
  for (let end = Math.min(tokens.length, first + MAX_COUNTRY_WORDS); end > first; end--) {
    if (range(first, end).some((i) => skip.has(i))) continue;
    const name = joinFolded(tokens.slice(first, end));
    if (!CJK.test(name) || [...name].length < MIN_CJK_COUNTRY || insideKatakanaWord(tokens, first, end))
      continue;
    const code = countryOfWord(name);
    if (code) return { ...mention(tokens, first, end, []), lowerCase: false, country: code };
  }
  return undefined;
}

/**
 * Towns of the world layer only, none of them a big city: a name like theirs is as likely a word
 * of the question with a letter wrong ("Viles" for "villes" is also Villesse's other name).
 */
export function onlySmallWorldTowns(catalog: Catalog, cities: readonly City[]): boolean {
  return (
    cities.length > 0 &&
    !hasOfficeCity(catalog, cities) &&
    cities.every((city) => (city.population ?? 0) < MAJOR_CITY)
  );
}

const officeIds = new WeakMap<Catalog, Set<string>>();

/** Whether one of these cities is the office's own (the office chose it: its name is never a mere word). */
function hasOfficeCity(catalog: Catalog, cities: readonly City[]): boolean {
  let ids = officeIds.get(catalog);
  if (!ids) {
    ids = new Set(catalog.data.cities.map((c) => c.id));
    officeIds.set(catalog, ids);
  }
  const own = ids;
  return cities.some((c) => own.has(c.id));
}

/**
 * "Avec qui Istanbul a-t-elle coupé les ponts ?": a name written small where names have capitals,
 * that only some world town bears ("Ponts"), is more likely a word we lack than that town: read among
 * the words not understood, which are never answered; the town stays among what may be offered.
 */
function smallWorldTown(m: Mention, mixedCase: boolean, catalog: Catalog): Mention {
  const small = m.text === m.text.toLowerCase() && !CJK.test(m.text);
  return mixedCase && small && !hasOfficeCity(catalog, m.cities) ? { ...m, lowerCase: true } : m;
}

/** Whether the question is written with capitals where they belong, so a capital says "a name". */
function isMixedCase(tokens: readonly Token[]): boolean {
  const text = tokens.map((t) => t.text).join(' ');
  return text !== text.toLowerCase() && text !== text.toUpperCase();
}

/**
 * Whether a one-word name that is also an everyday word ("from", "list", "wann") is meant as the
 * city: only the office's own cities are taken on sight; a world city needs a capital that is not
 * merely the sentence's first letter, in a text that uses capitals.
 */
function wordIsCity(
  tokens: readonly Token[],
  at: number,
  cities: readonly City[],
  catalog: Catalog,
  mixedCase: boolean,
) {
  const token = tokens[at] as Token;
  if (!isCommonWordAsTyped(token.text, token.folded)) return true;
  // "I", "a": one letter is a word, whatever town some alias makes of it.
  if (token.text.length === 1 && !hasOfficeCity(catalog, cities)) return false;
  // The office's own cities are taken on sight by their names ("nice", "split"), not by an alias
  // that is a word ("ist" for Istanbul), which needs a capital as a world town does.
  const byName = (c: City) =>
    foldName(c.name) === token.folded ||
    c.names.some((n) => n.kind !== 'alias' && foldName(n.name) === token.folded);
  if (hasOfficeCity(catalog, cities) && cities.some(byName)) return true;
  // German writes "Sie", "Ihr" with a capital anywhere: that capital says nothing about a name.
  if (ALWAYS_CAPITALISED.has(token.folded)) return false;
  const initial = token.text.charAt(0);
  // "LA", "SF": written in capitals, in a text that is not, an abbreviation is a name anywhere.
  const abbreviation =
    token.text.length === 2 &&
    token.text === token.text.toUpperCase() &&
    token.text !== token.text.toLowerCase();
  // Beside Japanese or Chinese, which have no capitals, "LA" stands out all the same.
  if (abbreviation && tokens.some((t) => CJK.test(t.text))) return true;
  // Longer, a word in capitals is the word shouted ("ALL partners", "FOR real"), not the airport code
  // the world layer knows a town by (ALL: Albenga, FOR: Fortaleza).
  const shouted = token.text.length > 2 && token.text === token.text.toUpperCase();
  return mixedCase && initial !== initial.toLowerCase() && !shouted && (at > 0 || abbreviation);
}

function exactNameAt(
  tokens: readonly Token[],
  first: number,
  skip: ReadonlySet<number>,
  catalog: Catalog,
  mixedCase: boolean,
  isVocabulary: (folded: string) => boolean,
  caseForms: CaseForms,
): Mention | undefined {
  // "alguna ciudad de México", "any city of Mexico": a word for a town after "some", "any",
  // "which" begins no name; the country after it is what is asked.
  if (DETERMINERS.has(tokens[first - 1]?.folded ?? '') && PLACE_NOUNS.has(tokens[first]?.folded ?? ''))
    return undefined;
  let last = first;
  // "第|聂|伯|罗|彼得|罗|夫|斯克": the segmenter cuts a long foreign name in hanzi into many pieces.
  const cjk = (i: number) => CJK_OR_LONG_VOWEL.test(tokens[i]?.text ?? '');
  const most = cjk(first) ? MAX_CJK_NAME_WORDS : MAX_NAME_WORDS;
  while (
    last + 1 < tokens.length &&
    last + 1 - first < most &&
    !skip.has(last + 1) &&
    (most === MAX_NAME_WORDS || cjk(last + 1))
  )
    last++;
  for (let end = last + 1; end > first; end--) {
    const words = tokens.slice(first, end);
    if (words.length === 1 && isNumber(words[0] as Token)) continue;
    const name = joinFolded(words);
    if (name.length > MAX_NAME_LENGTH) continue;
    const cities = withGaps(catalog.matchName(name), words, catalog);
    // French contracts the article of a name: "du Mans", "au Mans" are "de Le Mans", "à Le Mans".
    const article = CONTRACTED_ARTICLES[words[0]?.folded ?? ''];
    if (cities.length === 0 && article && words.length > 1) {
      const uncontracted = catalog.matchName(`${article} ${joinFolded(words.slice(1))}`);
      if (uncontracted.length > 0) return mention(tokens, first + 1, end, uncontracted);
    }
    if (cities.length === 0) {
      // "Prahou", "San Franciskem", "Tchaj-pejí": a case form of a name, the last word inflected.
      // "Pragu Heights": a name that goes on is no case form of its first word.
      const next = tokens[end];
      const goesOn = next !== undefined && !skip.has(end) && isName(next) && !isVocabulary(next.folded);
      const inflected =
        goesOn || !takesCase(caseForms, name) ? [] : inflectedName(tokens, first, end, catalog, mixedCase);
      if (inflected.length > 0) return mention(tokens, first, end, inflected);
      continue;
    }
    if (insideKatakanaWord(tokens, first, end)) continue;
    if (end - first === 1 && !wordIsCity(tokens, first, cities, catalog, mixedCase)) continue;
    // "in den USA": an everyday word (an alias of Denver) with a country after it is no town of that
    // country, as the word alone is none.
    if (
      end - first === 2 &&
      countryAt(tokens, first + 1, skip)?.end === end &&
      !wordIsCity(tokens, first, cities, catalog, mixedCase)
    )
      continue;
    // "qué tan viejo es": everyday words, written small, are no world town's name ("El Viejo").
    if (end - first > 1 && !hasOfficeCity(catalog, cities) && isPhrase(words)) continue;
    // Only where names take case endings: in French or Spanish "Acre" is Acre, in German "Adenau"
    // Adenau, neither a form of Accra or Aden.
    if (end - first === 1 && takesCase(caseForms, name) && !hasOfficeCity(catalog, cities)) {
      // "Brna", "Brně" are also some small town's name in some language: the office's cities, or
      // a city many times larger, that the word is a case form of, come first.
      const base = baseForm(name, catalog);
      if (weight(catalog, base) > BASE_FORM_MARGIN * Math.max(1, weight(catalog, cities)))
        return mention(tokens, first, end, base);
    }
    return mention(tokens, first, end, cities);
  }
  return undefined;
}

/**
 * Chinese names the segmenter does not know it cuts into single characters ("布|法|罗", "热|舒|夫"),
 * some of which are also pieces of our words (法 of 方法): a stretch of such characters, all of them
 * characters Chinese writes foreign names with, is read as one name before any is read as a word.
 * Returns where the stretch ends, or `first` when there is none.
 */
function hanziStretchAt(
  tokens: readonly Token[],
  first: number,
  skip: ReadonlySet<number>,
  isVocabulary: (folded: string) => boolean,
  catalog: Catalog,
): number {
  let end = first;
  let single = 0;
  while (end < tokens.length && !skip.has(end)) {
    const token = tokens[end] as Token;
    const joined = end === first || token.start === tokens[end - 1]?.end;
    // "和博|伦|厄": the segmenter may glue "and" to the name's first character.
    const chars = [...token.text];
    const text =
      end === first && chars.length === 2 && isParticle(chars[0] ?? '') ? (chars[1] ?? '') : token.text;
    const one = [...text].length === 1;
    if (!joined || !HAN.test(text) || (!one && isVocabulary(token.folded))) break;
    if (!soundsForeign(text, catalog)) break;
    if (one) single++;
    end++;
  }
  return end - first >= 2 && single >= 2 ? end : first;
}

const HAN = /^\p{Script=Han}+$/u;

/** Indexes split into runs at the ones that are words. */
function splitAt(indexes: readonly number[], isWord: (at: number) => boolean): number[][] {
  const runs: number[][] = [[]];
  for (const at of indexes) {
    if (isWord(at)) runs.push([]);
    else runs.at(-1)?.push(at);
  }
  return runs.filter((r) => r.length > 0);
}

/**
 * A name written in hanzi of which some characters are also our words (七饭町: 七 "seven", 町 "town"
 * around the unknown 饭): the unknown words with up to two words on either side, as written or as
 * traditional Chinese or Japanese kanji write them (七飯町, Nanae).
 */
function widenedCjkName(
  tokens: readonly Token[],
  words: readonly number[],
  taken: (i: number) => boolean,
  catalog: Catalog,
): Mention | undefined {
  const first = words[0] as number;
  const end = first + words.length;
  if (!words.every((i) => HAN.test(tokens[i]?.text ?? ''))) return undefined;
  for (let wider = 4; wider >= 1; wider--) {
    for (let before = Math.min(2, wider); before >= Math.max(0, wider - 2); before--) {
      const from = first - before;
      const to = end + wider - before;
      if (from < 0 || to > tokens.length) continue;
      const span = range(from, to);
      if (span.some((i) => !words.includes(i) && (taken(i) || !HAN.test(tokens[i]?.text ?? '')))) continue;
      // "和", "的" beside a name join it to the sentence, not to the name.
      if ([from, to - 1].some((i) => !words.includes(i) && isParticle(tokens[i]?.text ?? ''))) continue;
      const name = span.map((i) => tokens[i]?.text ?? '').join('');
      const cities = readCjkName(name, catalog, [], false)?.cities ?? [];
      if (cities.length > 0) return mention(tokens, from, to, cities);
    }
  }
  return undefined;
}

/**
 * A run of unknown words in kana or hanzi that may be a city the data holds in Latin letters only
 * (see readCjkName); undefined when it is no name we can read.
 */
function readCjkRun(
  tokens: readonly Token[],
  words: readonly number[],
  catalog: Catalog,
  named: readonly City[],
): Mention | undefined {
  const run = words.map((i) => tokens[i]?.text ?? '');
  if (!run.every((word) => CJK.test(word))) return undefined;
  // "アメリカ", "中国": a country, which the question reader places, never a city's sounds.
  if (countryOfWord(joinFolded(words.map((i) => tokens[i] as Token))) !== undefined) return undefined;
  const read = readCjkName(run.join(''), catalog, named);
  if (!read) return undefined;
  const first = words[0] as number;
  return {
    ...mention(tokens, first, first + words.length, read.cities),
    ...(read.guessed && { guessed: true }),
  };
}

/** Cities found by a name's words run together, else by its words as "・" separates them ("ル・マン"). */
function withGaps(found: City[], words: readonly Token[], catalog: Catalog): City[] {
  if (found.length > 0 || words.length < 2 || !words.every((t) => CJK.test(t.text))) return found;
  return catalog.matchName(joinAtGaps(words));
}

/**
 * Whether katakana words run on, without a break, before or after these ("ボー|レンゲ" of ボーレンゲ,
 * Borlänge): a foreign name the segmenter cut in two, of which a piece is not a name ("ボー" folds as
 * Pau's "ポー").
 */
function insideKatakanaWord(tokens: readonly Token[], first: number, end: number): boolean {
  const words = tokens.slice(first, end);
  if (!words.every((t) => KATAKANA.test(t.text))) return false;
  const before = tokens[first - 1];
  const after = tokens[end];
  return (
    (before !== undefined && before.end === words[0]?.start && KATAKANA.test(before.text)) ||
    (after !== undefined && after.start === words.at(-1)?.end && KATAKANA.test(after.text))
  );
}

const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;

/**
 * The city a case form of a name means ("Prahou", "v Brně", "San Franciskem"), when the words are
 * likely a name: the office's own cities always; a world town only when written with a capital
 * that is not merely the sentence's first letter, in a text that uses capitals ("Parle-moi" is no
 * form of Parla, "aide" none of a town called Aid).
 */
function inflectedName(
  tokens: readonly Token[],
  first: number,
  end: number,
  catalog: Catalog,
  mixedCase: boolean,
): City[] {
  const words = tokens.slice(first, end);
  const last = words.at(-1) as Token;
  if (last.folded.length < MIN_STEM + 1 || isNumber(last) || CJK.test(last.folded)) return [];
  // "Palestina", "v Polsku": a country's name or a form of it, never a town's case form.
  if (words.length === 1 && countryOfWord(last.folded) !== undefined) return [];
  const initial = words[0]?.text.charAt(0) ?? '';
  const capital = mixedCase && first > 0 && initial !== initial.toLowerCase();
  const name = joinFolded(words);
  // Without a capital only the office's cities can be meant: looked up among those alone, cheaply.
  return capital ? baseForm(name, catalog) : baseForm(name, catalog, (folded) => catalog.officeNamed(folded));
}

/** Words that make the noun after them a common one: "alguna ciudad", "any city", "quelle ville", "nějaké město". */
const DETERMINERS = new Set(
  [
    'alguna algun alguno una un cualquier otra otro ninguna ningun que cual',
    'some any another which what every each',
    'une un quelle quelles quel quels chaque autre aucune',
    'eine einer einen ein irgendeine welche welcher jede',
    'nejake nejaka nejakou nejakem jake jaka ktere ktera kazde',
  ]
    .join(' ')
    .split(' '),
);

/** Words that are all everyday words, none written with a capital. */
function isPhrase(words: readonly Token[]): boolean {
  return words.every((w) => isCommonWord(w.folded) && !isName(w));
}

/** Words some language always writes with a capital: German's polite "Sie", English "I". */
const ALWAYS_CAPITALISED = new Set(['sie', 'ihr', 'ihre', 'ihnen', 'ihren', 'ihrem', 'ihrer', 'i']);

/**
 * Whether the words before a name that is a country's and a city's ask about the country: "in
 * Mexico", "en el Luxemburgo", "any city of Mexico", "alguna ciudad de México".
 */
function countryAsked(tokens: readonly Token[], at: number): boolean {
  let before = at - 1;
  while (ARTICLES.has(tokens[before]?.folded ?? '')) before--;
  const word = tokens[before]?.folded ?? '';
  if (COUNTRY_PREPOSITIONS.has(word)) return true;
  return (
    OF_WORDS.has(word) &&
    PLACE_NOUNS.has(tokens[before - 1]?.folded ?? '') &&
    DETERMINERS.has(tokens[before - 2]?.folded ?? '')
  );
}

/** Words that place something in a country, or take it there or from it: "in", "en", "au", "nach", "aus". */
const COUNTRY_PREPOSITIONS = new Set([
  'in',
  'en',
  'v',
  've',
  'au',
  'im',
  'na',
  'w',
  'aux',
  'nach',
  'aus',
  'from',
  'to',
  'do',
  'z',
  'ze',
  'ins',
  'into',
  'dans',
]);
const ARTICLES = new Set(['the', 'der', 'den', 'dem', 'die', 'el', 'la', 'los', 'las', 'le', 'les', 'l']);
const OF_WORDS = new Set(['of', 'de', 'del', 'von', 'aus', 'z', 'ze', 'd']);

/** Words for a town that also begin names ("Ciudad de México", "Ciudad Real", "Città di Castello"). */
const PLACE_NOUNS = new Set([
  'ciudad',
  'ciudades',
  'city',
  'ville',
  'villes',
  'citta',
  'stadt',
  'mesto',
  'villa',
  'pueblo',
  'town',
]);

/** Written with a capital, as names are. */
function isName(token: Token): boolean {
  const initial = token.text.charAt(0);
  return initial !== initial.toLowerCase();
}

/** Words that may stand between a name and its region: "Concord en Caroline du Nord", "dans le Massachusetts". */
const REGION_JOINERS = new Set(['in', 'en', 'v', 've', 'au', 'im', 'na', 'w', 'dans']);
/** The longest region name after a city, in words ("Provence Alpes Côte d'Azur", "l'État de New York"). */
const MAX_REGION_WORDS = 6;

/**
 * A region written after a name, in any language ("Concord, Carolina del Norte", "Concord en
 * Caroline du Nord", "Concord v Severní Karolíně", "Zaragoza en Aragón"): it says which of the
 * namesakes is meant, and its words are part of the place, not words of the question.
 */
function withRegion(tokens: readonly Token[], m: Mention, skip: ReadonlySet<number>): Mention {
  if (!m.cities.some((c) => c.region !== undefined)) return m;
  const from = REGION_JOINERS.has(tokens[m.end]?.folded ?? '') ? m.end + 1 : m.end;
  for (let end = Math.min(tokens.length, from + MAX_REGION_WORDS); end > from; end--) {
    if (range(from, end).some((i) => skip.has(i))) continue;
    const words = tokens.slice(from, end).map((t) => t.folded);
    // "Buffalo, New York State": a name written with its region, then the word for a state.
    if (end === from + 1 && REGION_NOUNS.has(words[0] ?? '')) return { ...m, end };
    const key = regionKey(words);
    if (key === '') continue;
    const cities = m.cities.filter(
      (c) => c.region !== undefined && regionKey(foldName(c.region).split(' ')) === key,
    );
    if (cities.length > 0) return { ...m, end, cities };
  }
  return m;
}

/** Words region names are translated by: the directions, and "new" ("Carolina del Norte", "Nueva York"). */
const DIRECTIONS: Record<string, string> = Object.fromEntries(
  [
    ['N', 'north northern nord norte severni nordliche'],
    ['S', 'south southern sud sur jizni sudliche'],
    ['E', 'east eastern est este ost vychodni'],
    ['W', 'west western ouest oeste west zapadni'],
    ['new', 'nueva nuevo nouvelle nouveau neu'],
  ].flatMap(([to, words]) => (words ?? '').split(' ').map((w) => [w, to ?? ''])),
);
/** The words for "state" and "province" written with a region's name ("l'État de New York", "New York State"). */
const REGION_NOUNS = new Set([
  'etat',
  'state',
  'stat',
  'estado',
  'bundesstaat',
  'province',
  'provincia',
  'provinz',
  'provincie',
  'provincii',
  'kanton',
  'kantonu',
  'prefecture',
  'prefectura',
  'prefektur',
  'prafektur',
  'prefektura',
  'prefekture',
  'county',
  'comte',
  'condado',
  'landkreis',
  'kreis',
  'bezirk',
  'okres',
  'okrese',
  'kraj',
  'kraji',
  'region',
  'regionu',
  'departement',
  'departamento',
  'department',
  'district',
  'distrito',
  'oblast',
  'oblasti',
]);
/** The words for a region that say where a city is, "canton" too, though it is also Guangzhou's French name. */
const LOCATOR_NOUNS = new Set([...REGION_NOUNS, 'canton']);
/** Articles and particles, and the words for a region, beside a region's name. */
const REGION_PARTICLES = new Set([
  ...REGION_NOUNS,
  'l',
  'de',
  'del',
  'du',
  'des',
  'la',
  'le',
  'les',
  'los',
  'las',
  'el',
  'the',
  'of',
  'do',
  'da',
  'di',
]);

/**
 * A region's name as every language writes it alike: compass words as one letter, particles left
 * out, the rest by its first five letters with "k" as "c" ("Caroline du Nord", "Carolina del
 * Norte", "Severní Karolíně" and "North Carolina" meet).
 */
function regionKey(words: readonly string[]): string {
  return words
    .filter((w) => !REGION_PARTICLES.has(w))
    .map((w) => DIRECTIONS[w] ?? w.replace(/k/g, 'c').slice(0, 5))
    .sort()
    .join(' ');
}

/**
 * A run of unknown words: one name with one letter wrong when the whole run is one, otherwise a name
 * the store does not know ("Pragu Heights" is not Prague).
 */
function readUnknownRun(
  tokens: readonly Token[],
  words: readonly number[],
  catalog: Catalog,
  budget: { lookups: number },
  caseForms: CaseForms,
): Mention {
  const first = words[0] as number;
  const end = first + words.length;
  const text = words.map((i) => tokens[i]?.folded ?? '').join(' ');
  const typo =
    words.length <= MAX_TYPO_WORDS &&
    text.replace(/ /g, '').length >= MIN_TYPO_LENGTH &&
    text.length <= MAX_TYPO_LENGTH &&
    budget.lookups-- > 0;
  // "Prahy", "s Prahou"; "Tchaj-peje" (Tchaj-pej): the last word takes the ending. "s Mexikem" is a
  // form of the country Mexiko, never of the city Mexico City's Czech name.
  const countryForm = words.length === 1 && countryOfCaseForm(text) !== undefined;
  const inflected =
    words.length <= MAX_TYPO_WORDS && !countryForm && takesCase(caseForms, text)
      ? baseForm(text, catalog)
      : [];
  if (inflected.length > 0) return mention(tokens, first, end, inflected);
  // "Schuscha", "Tschita": German writes "sh" and "ch" of other languages as "sch" and "tsch".
  const german = text.includes('sch')
    ? catalog.matchName(text.replace(/tsch/g, 'ch').replace(/sch/g, 'sh'))
    : [];
  if (german.length > 0) return mention(tokens, first, end, german);
  // "französische", "polacas": made from a country's name, read as the country, not looked up as a town.
  const countryWord = words.length === 1 && !CJK.test(text) && countryOfWord(text) !== undefined;
  const { cities: close, alternatives } =
    typo && !countryWord ? oneLetterOff(text, catalog) : { cities: [], alternatives: [] };
  // Among 100,000 world towns one is always a letter away from some word ("aide", "ausland").
  const guessed = close.length > 0 && !hasOfficeCity(catalog, close);
  return {
    ...mention(tokens, first, end, close),
    ...(guessed && { guessed }),
    ...(alternatives.length > 1 && { alternatives }),
  };
}

/**
 * Case endings names take in the languages we read: Czech "Prahy", "s Prahou", "v Brně", "Brna";
 * Polish "z Rzeszowem"; German "Prags". Longest first; what is left, with the name's own ending put
 * back ("Prah" + "a"), must be a name the store knows exactly.
 */
const ENDINGS = ['ovi', 'ech', 'em', 'ou', 'om', 'ům', 'ie', 'ě', 'e', 'u', 'y', 'a', 's', 'í', 'i'].map(
  foldName,
);
const NAME_ENDINGS = ['', 'a', 'o'];
/**
 * Consonants Czech changes before an ending: "Praha" -> "v Praze", "Ósaka" -> "v Ósace", "San
 * Francisco" -> "San Franciska" (written as said).
 */
const STEM_CHANGES: readonly [string, string][] = [
  ['z', 'h'],
  ['c', 'k'],
  ['k', 'c'],
];
const MIN_STEM = 3;
/** A name a case form is read back to has this many letters at least ("Mpls" is no form of "MPL"). */
const MIN_FORM = 4;
/** How many times larger a city a case form must name to win over a town the word names exactly. */
const BASE_FORM_MARGIN = 3;

function baseForm(
  word: string,
  catalog: Catalog,
  named: (folded: string) => City[] = (folded) => catalog.matchName(folded),
): City[] {
  let best = lastWordForm(word, catalog, named, NAME_ENDINGS);
  // "Karlovými Vary", "v Karlových Varech": a name of an adjective and a plural noun takes the
  // ending on both words (Karlovy Vary).
  const space = word.indexOf(' ');
  const head = word.slice(0, space);
  for (const ending of space > 0 ? PLURAL_ADJECTIVE_ENDINGS : []) {
    if (!head.endsWith(ending) || head.length - ending.length < MIN_STEM) continue;
    const phrase = `${head.slice(0, head.length - ending.length)}y${word.slice(space)}`;
    for (const cities of [named(phrase), lastWordForm(phrase, catalog, named, PLURAL_NAME_ENDINGS)])
      if (cities.length > 0 && weight(catalog, cities) > weight(catalog, best)) best = cities;
  }
  return best;
}

/** Czech plural adjectives out of the nominative ("Karlovy"): "Karlových", "Karlovým", "Karlovými". */
const PLURAL_ADJECTIVE_ENDINGS = ['ymi', 'ych', 'ym'];
/** The plural noun of such a name ("Vary") takes "-ech", "-um" and ends in "-y". */
const PLURAL_NAME_ENDINGS = [...NAME_ENDINGS, 'y'];

function lastWordForm(
  word: string,
  catalog: Catalog,
  named: (folded: string) => City[],
  nameEndings: readonly string[],
): City[] {
  let best: City[] = [];
  for (const ending of ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < MIN_STEM) continue;
    const stem = word.slice(0, word.length - ending.length);
    for (const form of stemsOf(stem).flatMap((s) => nameEndings.map((back) => s + back))) {
      if (form === word || form.length < MIN_FORM || isCommonWord(form)) continue;
      const cities = named(form);
      if (cities.length > 0 && weight(catalog, cities) > weight(catalog, best)) best = cities;
    }
  }
  return best;
}

/** A stem as written, and with its last consonant, or the vowel before it, as the name's nominative has it. */
function stemsOf(stem: string): string[] {
  const change = STEM_CHANGES.find(([from]) => stem.endsWith(from));
  const stems = change ? [stem, stem.slice(0, -1) + change[1]] : [stem];
  // Czech drops the "e" of "-ec", "-ek" before an ending: "Liberec" -> "v Liberci", "Hradec" -> "Hradce".
  return /[^aeiouy][ck]$/.test(stem) ? [...stems, `${stem.slice(0, -1)}e${stem.slice(-1)}`] : stems;
}

/**
 * How likely a name is meant, of several forms a word may come from: the office's own cities
 * first, then the most populous ("Brna" is Brno's, not a village's alias "Brn").
 */
function weight(catalog: Catalog, cities: readonly City[]): number {
  if (cities.length === 0) return -1;
  if (hasOfficeCity(catalog, cities)) return Number.MAX_SAFE_INTEGER;
  return Math.max(...cities.map((c) => c.population ?? 0));
}

/** How many names a letter away from a name we do not know are offered at most. */
const MAX_ALTERNATIVES = 3;

/**
 * Cities with a name one letter away from the text (one letter wrong, missing, extra, or two letters
 * swapped). Several cities only when they share that name; different names are no answer, but
 * `alternatives`, the likeliest first.
 */
function oneLetterOff(text: string, catalog: Catalog): { cities: City[]; alternatives: City[][] } {
  const candidates = [
    ...catalog.oneTypoAway(text, 5),
    ...swaps(text).flatMap((swapped) => catalog.matchName(swapped)),
    // Every office city a letter away, however many world towns are: "Prgue" finds Prague among 100,000 towns.
    ...catalog.officeOneEditAway(text),
  ];
  const close = new Map<string, City[]>();
  for (const city of candidates) {
    const name = [city.name, ...city.names.map((n) => n.name)]
      .map(foldName)
      .find((folded) => withinOneEdit(folded, text));
    if (name === undefined) continue;
    const list = close.get(name) ?? [];
    if (!list.includes(city)) list.push(city);
    close.set(name, list);
  }
  // A letter away from the office's city and from some world town ("Prgue": Prague, Pigüé): the office's.
  const own = [...close.values()].filter((cities) => hasOfficeCity(catalog, cities));
  if (own.length === 1) return { cities: own[0] ?? [], alternatives: [] };
  if (close.size === 1) return { cities: [...close.values()][0] ?? [], alternatives: [] };
  const alternatives = [...close.values()]
    .sort((a, b) => weight(catalog, b) - weight(catalog, a))
    .slice(0, MAX_ALTERNATIVES);
  return { cities: [], alternatives };
}

function swaps(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (text[i] !== text[i + 1]) out.push(text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2));
  }
  return out;
}

function mention(tokens: readonly Token[], first: number, end: number, cities: readonly City[]): Mention {
  const words = tokens.slice(first, end).map((t) => t.text);
  const initial = words[0]?.charAt(0) ?? '';
  return {
    first,
    end,
    text: words.join(' '),
    cities,
    // A script without capitals (Japanese, Chinese) gives no sign of a name: its unknown words are words.
    lowerCase: cities.length === 0 && initial === initial.toLowerCase(),
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
