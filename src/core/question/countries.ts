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
  return byName;
}

/** The ISO code of the country these folded words name, if they name one. */
export function countryNamed(folded: string): string | undefined {
  if (folded === '') return undefined;
  return countriesByName().get(folded) ?? (folded.length > 3 ? toCountryCode(folded) : undefined);
}

const STEM = 5;
let stems: Set<string> | undefined;

/**
 * Whether a word not understood looks made from a country's name: an adjective ("French",
 * "japonesa", "německá") or a case form ("v Polsku"), which narrows a question to partners there.
 * Only the first letters are compared; nothing is concluded from it but doubt.
 */
export function looksLikeCountryWord(folded: string): boolean {
  if (!stems) {
    stems = new Set();
    for (const name of countriesByName().keys()) {
      if (!name.includes(' ') && name.length >= STEM) stems.add(name.slice(0, STEM));
    }
  }
  return folded.length >= STEM && stems.has(folded.slice(0, STEM));
}
