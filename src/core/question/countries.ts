import countries from 'i18n-iso-countries/index.js';
import { toCountryCode } from '../../domain/country.ts';
import { foldName } from '../../domain/names.ts';
import { intlLocale, type Lang } from '../../i18n/languages.ts';

const LANGS: readonly Lang[] = ['en', 'de', 'fr', 'es', 'cs', 'ja', 'zh-Hans'];
/** "Bosnia and Herzegovina", "Demokratická republika Kongo": no country name is longer, in words. */
export const MAX_COUNTRY_WORDS = 5;

let byName: Map<string, string> | undefined;

/**
 * Country names in every language questions are read in (Intl's region names: "Poland", "Polen",
 * "Pologne", "Polonia", "Polsko", "ポーランド", "波兰"), folded, to their ISO code. English forms
 * registries use ("Palestine", "The Bahamas") come from toCountryCode.
 */
function countriesByName(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const codes = Object.keys(countries.getAlpha2Codes());
  for (const lang of LANGS) {
    const names = new Intl.DisplayNames([intlLocale(lang)], { type: 'region' });
    for (const code of codes) {
      const name = names.of(code);
      if (name && name !== code) byName.set(foldName(name), code);
    }
  }
  for (const [name, code] of Object.entries(OTHER_NAMES)) byName.set(foldName(name), code);
  return byName;
}

/**
 * Names people write beside Intl's short ones ("Tchéquie", "Chequia"): the long official forms,
 * with the Czech and German case forms they take after "in", and the old or partial names used for
 * the whole country ("Holland", "Angleterre").
 */
const OTHER_NAMES: Readonly<Record<string, string>> = {
  'République tchèque': 'CZ',
  'Tschechische Republik': 'CZ',
  'Tschechischen Republik': 'CZ',
  'República Checa': 'CZ',
  'Česká republika': 'CZ',
  'České republice': 'CZ',
  'České republiky': 'CZ',
  'Grande-Bretagne': 'GB',
  Großbritannien: 'GB',
  'Gran Bretaña': 'GB',
  'Velká Británie': 'GB',
  'Velké Británii': 'GB',
  Angleterre: 'GB',
  Inglaterra: 'GB',
  Écosse: 'GB',
  Schottland: 'GB',
  Escocia: 'GB',
  EEUU: 'US',
  'EE UU': 'US',
  Elfenbeinküste: 'CI',
  'Costa de Marfil': 'CI',
  Holland: 'NL',
  Hollande: 'NL',
  Holanda: 'NL',
  Palästina: 'PS',
  Palestina: 'PS',
};

/**
 * Short names people write for a country in every language ("in den USA", "au UK"); other names of
 * three letters or fewer are too often words ("us") to be read as countries.
 */
const SHORT_NAMES: Readonly<Record<string, string>> = { usa: 'US', uk: 'GB', uae: 'AE', vae: 'AE' };

/** The ISO code of the country these folded words name, if they name one. */
export function countryNamed(folded: string): string | undefined {
  if (folded === '') return undefined;
  return (
    countriesByName().get(folded) ??
    SHORT_NAMES[folded] ??
    (folded.length > 3 ? toCountryCode(folded) : undefined)
  );
}

const STEM = 5;
let stems: Map<string, Set<string>> | undefined;

/**
 * Adjectives whose first letters are not their country's ("French", "polish", "französisch",
 * "español"): the common ones in the languages questions are read in, folded, by their first letters.
 */
const ADJECTIVES: Record<string, string> = {
  frenc: 'FR',
  franz: 'FR',
  franc: 'FR',
  dutch: 'NL',
  niede: 'NL',
  spani: 'ES',
  spans: 'ES',
  espag: 'ES',
  espan: 'ES',
  polis: 'PL',
  polni: 'PL',
  polon: 'PL',
  polsk: 'PL',
  germa: 'DE',
  deuts: 'DE',
  allem: 'DE',
  alema: 'DE',
  nemec: 'DE',
  nemck: 'DE',
  briti: 'GB',
  engli: 'GB',
  engla: 'GB',
  brita: 'GB',
  angli: 'GB',
  ameri: 'US',
  estad: 'US',
  swedi: 'SE',
  schwe: 'SE',
  sueco: 'SE',
  sueca: 'SE',
  suedo: 'SE',
  turki: 'TR',
  turec: 'TR',
  japon: 'JP',
  japan: 'JP',
  japos: 'JP',
  chine: 'CN',
  chino: 'CN',
  china: 'CN',
  cinsk: 'CN',
  italy: 'IT',
  itali: 'IT',
  itals: 'IT',
  czech: 'CZ',
  tsche: 'CZ',
  tcheq: 'CZ',
  cesky: 'CZ',
  ceska: 'CZ',
  ceske: 'CZ',
  cesko: 'CZ',
  oster: 'AT',
  autri: 'AT',
  rakou: 'AT',
  ukrai: 'UA',
  norwe: 'NO',
  norwa: 'NO',
  danis: 'DK',
  dansk: 'DK',
  greek: 'GR',
  griec: 'GR',
  swiss: 'CH',
  suiss: 'CH',
  mexic: 'MX',
  mejic: 'MX',
  mexik: 'MX',
  korea: 'KR',
  corea: 'KR',
  korej: 'KR',
  portu: 'PT',
  hunga: 'HU',
  ungar: 'HU',
  hongr: 'HU',
  madar: 'HU',
  slova: 'SK',
  russi: 'RU',
  russe: 'RU',
  rusko: 'RU',
  ruska: 'RU',
  canad: 'CA',
  kanad: 'CA',
  brazi: 'BR',
  brasi: 'BR',
  israe: 'IL',
  izrae: 'IL',
  belgi: 'BE',
  finni: 'FI',
  finns: 'FI',
  irish: 'IE',
  pales: 'PS',
  palas: 'PS',
  baham: 'BS',
  irlan: 'IE',
  polac: 'PL',
  ingle: 'GB',
  angla: 'GB',
  escoc: 'GB',
  holan: 'NL',
  holla: 'NL',
  neerl: 'NL',
  nizoz: 'NL',
  belga: 'BE',
  belge: 'BE',
  checa: 'CZ',
  checo: 'CZ',
  turca: 'TR',
  turco: 'TR',
  turqu: 'TR',
  grieg: 'GR',
  grecq: 'GR',
  perua: 'PE',
  ucran: 'UA',
  ukraj: 'UA',
  spane: 'ES',
  svyca: 'CH',
  sveds: 'SE',
  ivoir: 'CI',
  ivori: 'CI',
  marfi: 'CI',
  moneg: 'MC',
};

/**
 * The country a word not understood is made from, when only one fits: an adjective ("French",
 * "japonesa", "německá") or a case form ("v Polsku", "Palestině"). Only the first letters are
 * compared, so a question that leans on it is about partners there, never a place.
 */
export function countryOfWord(folded: string): string | undefined {
  if (!stems) {
    stems = new Map();
    for (const [name, code] of countriesByName()) {
      if (name.includes(' ') || name.length < STEM) continue;
      const stem = name.slice(0, STEM);
      stems.set(stem, (stems.get(stem) ?? new Set()).add(code));
    }
  }
  if (CJK.test(folded)) return cjkCountry(folded);
  const caseForm = countryOfCaseForm(folded);
  if (caseForm) return caseForm;
  if (folded.length < STEM) return undefined;
  const stem = folded.slice(0, STEM);
  const adjective = ADJECTIVES[stem];
  if (adjective) return adjective;
  const codes = stems.get(stem);
  return codes?.size === 1 ? [...codes][0] : undefined;
}

/** Czech case endings of country names: "v Číně", "v Polsku", "ve Francii", "s Německem", "na Bahamách". */
const CASE_ENDINGS = ['ach', 'ich', 'em', 'ou', 'u', 'e', 'i', 'y', 'a'];
const NOMINATIVE_ENDINGS = ['', 'o', 'a', 'e', 'y'];

/** The country a case form names exactly once its ending is put back ("cine" -> "cina"; "francii" -> "francie"). */
export function countryOfCaseForm(folded: string): string | undefined {
  const names = countriesByName();
  for (const ending of CASE_ENDINGS) {
    if (!folded.endsWith(ending) || folded.length - ending.length < 3) continue;
    const stem = folded.slice(0, folded.length - ending.length);
    for (const back of NOMINATIVE_ENDINGS) {
      const code = stem + back === folded ? undefined : names.get(stem + back);
      if (code) return code;
    }
  }
  return undefined;
}

const CJK = /[\p{Script=Han}\p{Script=Katakana}]/u;

/** Japanese and Chinese names of countries the word begins ("パレスチナ" of "パレスチナ自治区"), when only one. */
function cjkCountry(folded: string): string | undefined {
  if ([...folded].length < 2) return undefined;
  const codes = new Set<string>();
  for (const [name, code] of countriesByName()) if (name.startsWith(folded)) codes.add(code);
  return codes.size === 1 ? [...codes][0] : undefined;
}

/** Whether a word not understood looks made from a country's name (see `countryOfWord`), even an ambiguous one. */
export function looksLikeCountryWord(folded: string): boolean {
  if (folded.length < STEM) return false;
  countryOfWord(folded);
  return stems?.has(folded.slice(0, STEM)) === true || ADJECTIVES[folded.slice(0, STEM)] !== undefined;
}
