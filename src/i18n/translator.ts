import { readFileSync } from 'node:fs';
import i18next, { type FormatterModule, type TOptions } from 'i18next';
import { CATALOG_DIR } from './catalog-dir.ts';
import en from './catalogs/en.json' with { type: 'json' };
import { intlLocale, type Lang } from './languages.ts';

/** Our words in one reader's language: `t('agreement.signed')`, `t('common.ordinal', { count: 3, ordinal: true })`. */
export interface Translator {
  readonly lang: Lang;
  t(key: string, values?: TOptions): string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lng: string): Intl.NumberFormat {
  let found = numberFormats.get(lng);
  if (!found) {
    found = new Intl.NumberFormat(lng === 'en' ? 'en-GB' : lng, { useGrouping: 'min2' });
    numberFormats.set(lng, found);
  }
  return found;
}

/**
 * Numbers read as the reader writes them ("19.901 Städte", "19 901 měst"), grouped only from five
 * digits so that years and four-digit counts stay as they are (2015, not 2,015). Catalogs name no
 * formats, so nothing else is formatted.
 */
const numbers: FormatterModule = {
  type: 'formatter',
  init: () => {},
  add: () => {},
  addCached: () => {},
  format: (value: unknown, _format, lng) =>
    typeof value === 'number' && lng !== undefined ? numberFormat(lng).format(value) : (value as string),
};

const engine = i18next.createInstance().use(numbers);
void engine.init({
  initAsync: false,
  // English is the source and the fallback, so it is always there; every other language is read
  // when a reader first needs it (see `catalogOf`).
  resources: { en: { translation: en } },
  fallbackLng: 'en',
  // Replies are plain text that each renderer escapes for its platform.
  // Every value passes the number formatter below.
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
  // A key English lacks is a typo in our code, not something a reader can fix.
  parseMissingKeyHandler: (key) => {
    throw new Error(`No catalog has the key "${key}"`);
  },
});

/**
 * A language's catalog (i18next JSON v4), read from its file the first time anything asks: a process
 * that answers only in German never reads (nor bundles) the other five. English is imported.
 */
export function catalogOf(lang: Lang): object {
  if (!engine.hasResourceBundle(lang, 'translation')) {
    const file = new URL(`${lang}.json`, CATALOG_DIR);
    engine.addResourceBundle(lang, 'translation', JSON.parse(readFileSync(file, 'utf8')) as object);
  }
  return engine.getResourceBundle(lang, 'translation') as object;
}

/**
 * Adds a catalog under a language code of its own, beside the ones twinbot ships. For tests: the
 * every-command test registers an English pseudo-translation with it; production never calls it.
 */
export function registerCatalog(code: string, words: object): void {
  engine.addResourceBundle(code, 'translation', words, false, true);
  edition++;
}

let edition = 0;

/**
 * Changes whenever a registered catalog may have changed the words under a translator, or someone
 * starts listening for English fallbacks (words kept from before would not tell them): what was made
 * and kept under another edition is made again.
 */
export function catalogEdition(): number {
  return edition;
}

type FallbackListener = (lang: Lang, key: string) => void;
let fallbackListener: FallbackListener | undefined;

/**
 * Calls `listener` whenever a reader's catalog lacks a key and English answers in its place, until
 * the returned function is called. i18next's own missing-key hooks fire only for a key no language
 * has, which here throws; a fallback to English is silent otherwise (the catalogs test keeps the
 * languages complete, and the every-command test listens with this).
 */
export function onEnglishFallback(listener: FallbackListener): () => void {
  fallbackListener = listener;
  edition++;
  return () => {
    if (fallbackListener === listener) fallbackListener = undefined;
  };
}

const translators = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  let found = translators.get(lang);
  if (!found) {
    catalogOf(lang);
    // engine.t with the language in the options, not getFixedT's function: that one copies the
    // engine's whole options on every call (1-2 KB), the young garbage behind a hub's p95 (issue 16).
    // A sentence without values ("Partners", the labels' end) is made once per catalog edition: each
    // i18next call leaves some kilobytes of garbage, and every answer asks for a dozen of these.
    const plain = new Map<string, string>();
    let plainEdition = edition;
    found = {
      lang,
      t: (key, values) => {
        if (fallbackListener === undefined || lang === 'en') {
          if (values !== undefined) return engine.t(key, { lng: lang, ...values }) as string;
          if (plainEdition !== edition) {
            plain.clear();
            plainEdition = edition;
          }
          let text = plain.get(key);
          if (text === undefined) {
            text = engine.t(key, { lng: lang }) as string;
            plain.set(key, text);
          }
          return text;
        }
        const detailed = engine.t(key, { lng: lang, ...values, returnDetails: true }) as unknown as {
          res: string;
          usedLng: string;
        };
        if (detailed.usedLng === 'en') fallbackListener(lang, key);
        return detailed.res;
      },
    };
    translators.set(lang, found);
  }
  return found;
}

/** "Wikipedia and Wikidata", "Wikipedia a Wikidata"; with `disjunction`, "A or B", "A oder B"; `narrow` lists with commas where a language allows. */
export function formatList(
  items: readonly string[],
  lang: Lang,
  type: 'conjunction' | 'disjunction' = 'conjunction',
  style: 'long' | 'narrow' = 'long',
): string {
  return listFormat(lang, type, style).format(items);
}

/** One formatter per language, type and style: making one costs more than formatting a short list, and some answers list per row. */
const listFormats = new Map<string, Intl.ListFormat>();

export function listFormat(
  lang: Lang,
  type: 'conjunction' | 'disjunction',
  style: 'long' | 'narrow' = 'long',
): Intl.ListFormat {
  const id = `${lang} ${type} ${style}`;
  let found = listFormats.get(id);
  if (!found) {
    found = new Intl.ListFormat(intlLocale(lang), { type, style });
    listFormats.set(id, found);
  }
  return found;
}

/** One collator per language for every answer (making one costs more than a short answer's sorting): names sort as the reader's language sorts them. */
const collators = new Map<Lang, Intl.Collator>();

export function nameCollator(lang: Lang): Intl.Collator {
  let found = collators.get(lang);
  if (!found) {
    found = new Intl.Collator(intlLocale(lang));
    collators.set(lang, found);
  }
  return found;
}
