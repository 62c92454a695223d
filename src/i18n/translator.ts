import i18next, { type TOptions } from 'i18next';
import cs from './catalogs/cs.json' with { type: 'json' };
import de from './catalogs/de.json' with { type: 'json' };
import en from './catalogs/en.json' with { type: 'json' };
import es from './catalogs/es.json' with { type: 'json' };
import fr from './catalogs/fr.json' with { type: 'json' };
import ja from './catalogs/ja.json' with { type: 'json' };
import zhHans from './catalogs/zh-Hans.json' with { type: 'json' };
import { intlLocale, type Lang } from './languages.ts';

/** Every catalog, by language: English is the source, the others its translations (i18next JSON v4). */
export const CATALOGS: Readonly<Record<Lang, object>> = { en, de, fr, es, cs, ja, 'zh-Hans': zhHans };

/** Our words in one reader's language: `t('agreement.signed')`, `t('common.ordinal', { count: 3, ordinal: true })`. */
export interface Translator {
  readonly lang: Lang;
  t(key: string, values?: TOptions): string;
}

const engine = i18next.createInstance();
void engine.init({
  initAsync: false,
  resources: Object.fromEntries(
    Object.entries(CATALOGS).map(([lang, catalog]) => [lang, { translation: catalog }]),
  ),
  fallbackLng: 'en',
  // Replies are plain text that each renderer escapes for its platform.
  interpolation: { escapeValue: false },
  returnNull: false,
  // A key English lacks is a typo in our code, not something a reader can fix.
  parseMissingKeyHandler: (key) => {
    throw new Error(`No catalog has the key "${key}"`);
  },
});

const translators = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  let found = translators.get(lang);
  if (!found) {
    const fixed = engine.getFixedT(lang);
    found = { lang, t: (key, values) => fixed(key, { lng: lang, ...values }) as string };
    translators.set(lang, found);
  }
  return found;
}

/** "Wikipedia and Wikidata", "Wikipedia a Wikidata"; with `disjunction`, "A or B", "A oder B". */
export function formatList(
  items: readonly string[],
  lang: Lang,
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  return new Intl.ListFormat(intlLocale(lang), { type }).format(items);
}
