import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/languages.ts';
import { catalogOf } from '../../src/i18n/translator.ts';

/** Every string of a catalog by its dotted key: `agreement.signed`, `count.partnership_few`. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const ORDINAL = /_ordinal_(zero|one|two|few|many|other)$/;
// A sentence about a date may have a variant for the date's precision (see src/i18n/spans.ts).
const CONTEXT = /_(day|month|year)$/;

/** The key English uses for a key of any language: plural and precision suffixes off. */
const baseKey = (key: string) => key.replace(ORDINAL, '').replace(PLURAL, '').replace(CONTEXT, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/**
 * Strings that are the same word in a language as in English, checked by a speaker: German and
 * Czech "Status"/"Typ" are their own words, as is Spanish "No", and German "Region". A city's label
 * ("Concord, California, United States") is written the same way in the European languages. Names
 * (Wikipedia) never are translated at all and are not catalog strings.
 */
const SAME_AS_ENGLISH: Readonly<Record<Lang, readonly string[]>> = {
  en: [],
  de: [
    'agreement.status',
    'agreement.inPlace',
    'city.region',
    'describe.cityFull',
    'describe.cityCountry',
    'describe.cityRegion',
    'ui.labelEnd',
    'common.withNote',
    'picture.map.countItem',
    'picture.timeline.by',
    'picture.timeline.item',
  ],
  fr: [
    'agreement.type',
    // The option's name: "page" is French too.
    'command.partners.argName.page',
    'count.source_one',
    'count.source_other',
    'count.source_many',
    'describe.cityFull',
    'describe.cityCountry',
    'describe.cityRegion',
    'ui.sources',
    'dispatch.placeholder.date',
    'common.withNote',
  ],
  es: [
    'agreement.no',
    'partnersIn.no',
    'describe.cityFull',
    'describe.cityCountry',
    'describe.cityRegion',
    'ui.labelEnd',
    'common.withNote',
    'picture.map.countItem',
    'picture.timeline.by',
    'picture.timeline.item',
  ],
  cs: [
    'city.region',
    'command.city-set.choice.field.region',
    'describe.cityFull',
    'describe.cityCountry',
    'describe.cityRegion',
    'dispatch.placeholder.text',
    'ui.labelEnd',
    'common.withNote',
    'picture.map.countItem',
    'picture.timeline.by',
    'picture.timeline.item',
  ],
  ja: [],
  'zh-Hans': [],
};

const english = flatten(catalogOf('en'));
const englishBases = new Map([...english].map(([key, text]) => [baseKey(key), placeholders(text)]));

describe.each(LANGS.filter((lang) => lang !== 'en'))('the %s catalog', (lang) => {
  const catalog = flatten(catalogOf(lang));

  it('THEN has every key of English, with the plural forms its language needs', () => {
    const cardinal = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const ordinal = new Intl.PluralRules(lang, { type: 'ordinal' }).resolvedOptions().pluralCategories;
    for (const key of english.keys()) {
      const base = key.replace(ORDINAL, '').replace(PLURAL, '');
      if (ORDINAL.test(key))
        for (const form of ordinal)
          expect(catalog.has(`${base}_ordinal_${form}`), `${base}_ordinal_${form}`).toBe(true);
      else if (PLURAL.test(key))
        for (const form of cardinal) expect(catalog.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
      else expect(catalog.has(key), key).toBe(true);
    }
  });

  it('THEN has no key that English lacks, and each string takes the same placeholders as English', () => {
    for (const [key, text] of catalog) {
      const base = baseKey(key);
      expect(englishBases.has(base), `${key} is not in English`).toBe(true);
      expect(placeholders(text), key).toEqual(englishBases.get(base));
    }
  });

  it('THEN leaves no English string untranslated', () => {
    const untranslated = [...catalog]
      .filter(([key, text]) => english.get(key) === text && !SAME_AS_ENGLISH[lang].includes(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});
