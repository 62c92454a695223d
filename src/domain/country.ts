import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { intlLocale, type Lang } from '../i18n/languages.ts';
import { foldName } from './names.ts';

countries.registerLocale(en);

/** Names that registries use and the ISO list does not carry. */
const EXTRA_NAMES: Record<string, string> = {
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'great britain': 'GB',
  uk: 'GB',
  usa: 'US',
  'united states of america': 'US',
  palestine: 'PS',
  'state of palestine': 'PS',
  kosovo: 'XK',
  czechia: 'CZ',
  turkey: 'TR',
  turkiye: 'TR',
  'ivory coast': 'CI',
  'cape verde': 'CV',
  'east timor': 'TL',
  swaziland: 'SZ',
  burma: 'MM',
  'vatican city': 'VA',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'republic of the congo': 'CG',
  'democratic republic of the congo': 'CD',
  'north korea': 'KP',
  'south korea': 'KR',
  macau: 'MO',
  macedonia: 'MK',
  'republic of ireland': 'IE',
  moldavia: 'MD',
  'bosnia and hercegovina': 'BA',
  surinam: 'SR',
  'west bank': 'PS',
  'federated states of micronesia': 'FM',
  'republic of macedonia': 'MK',
  'former yugoslav republic of macedonia': 'MK',
  'kingdom of the netherlands': 'NL',
  'palestinian national authority': 'PS',
  'palestinian territories': 'PS',
  'people s republic of china': 'CN',
  'republic of china': 'TW',
};

/**
 * De facto states that have no ISO code: a place there is recorded under the recognised state's
 * code, with the de facto state's name beside it, so nothing is invented and nothing is hidden.
 */
const TERRITORIES: Record<string, { code: string; territory: string }> = {
  'northern cyprus': { code: 'CY', territory: 'Northern Cyprus' },
  'turkish republic of northern cyprus': { code: 'CY', territory: 'Northern Cyprus' },
  transnistria: { code: 'MD', territory: 'Transnistria' },
  pridnestrovie: { code: 'MD', territory: 'Transnistria' },
  abkhazia: { code: 'GE', territory: 'Abkhazia' },
  'south ossetia': { code: 'GE', territory: 'South Ossetia' },
  artsakh: { code: 'AZ', territory: 'Artsakh' },
  'nagorno karabakh republic': { code: 'AZ', territory: 'Artsakh' },
  somaliland: { code: 'SO', territory: 'Somaliland' },
  'luhansk people s republic': { code: 'UA', territory: "Luhansk People's Republic" },
  'donetsk people s republic': { code: 'UA', territory: "Donetsk People's Republic" },
};

/** Names that stand for more than one state: the place decides (the gazetteer, in the world build). */
const SHARED_NAMES: Record<string, string[]> = {
  congo: ['CD', 'CG'],
  korea: ['KP', 'KR'],
};

// Built on first use: the index folds some 500 names and Intl loads its region names, which a
// question that never names a country (most of them, and every `twinbot ask` start) need not pay for.
const displayNames = new Map<Lang, Intl.DisplayNames>();
let byFoldedName: Map<string, string> | undefined;

function regionNames(lang: Lang = 'en'): Intl.DisplayNames {
  let found = displayNames.get(lang);
  if (!found) {
    found = new Intl.DisplayNames([intlLocale(lang)], { type: 'region' });
    displayNames.set(lang, found);
  }
  return found;
}

function countriesByFoldedName(): Map<string, string> {
  if (byFoldedName) return byFoldedName;
  byFoldedName = new Map();
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of [...names, regionNames().of(code) ?? code]) byFoldedName.set(foldName(name), code);
  }
  for (const [name, code] of Object.entries(EXTRA_NAMES)) byFoldedName.set(name, code);
  return byFoldedName;
}

/**
 * Reads a country as ISO alpha-2 or alpha-3 code or English name, including the forms registries use:
 * "England, United Kingdom" (the last part names the country) and "Georgia (country)".
 */
export function toCountryCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && countries.isValid(trimmed.toUpperCase())) return trimmed.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(trimmed)) {
    const code = countries.alpha3ToAlpha2(trimmed.toUpperCase());
    if (code) return code;
  }
  const withoutNote = trimmed.replace(/\s*\([^)]*\)\s*$/, '');
  const candidates = [withoutNote, ...withoutNote.split(',').reverse()];
  for (const candidate of candidates) {
    const code = countriesByFoldedName().get(foldName(candidate));
    if (code) return code;
  }
  return undefined;
}

/** What a country cell of a list says: the states it may mean, and the de facto state it names, if any. */
export interface CountryReading {
  codes: string[];
  territory?: string;
}

/**
 * Reads a country cell of a public list, where toCountryCode would have to pick one answer:
 * "Congo" may be either Congo, "Northern Cyprus" is Cyprus with its de facto state named.
 */
export function readCountry(text: string): CountryReading | undefined {
  const folded = foldName(text.replace(/\s*\([^)]*\)\s*$/, ''));
  const territory = TERRITORIES[folded];
  if (territory) return { codes: [territory.code], territory: territory.territory };
  const shared = SHARED_NAMES[folded];
  if (shared) return { codes: shared };
  const code = toCountryCode(text);
  return code ? { codes: [code] } : undefined;
}

/**
 * The everyday name in the reader's language, as Intl knows it: "United States", "Czechia";
 * "Tschechien", "Česko", "チェコ". Reading typed names (above) stays English, from the ISO list.
 */
export function countryName(code: string, lang: Lang = 'en'): string {
  return regionNames(lang).of(code) ?? code;
}
