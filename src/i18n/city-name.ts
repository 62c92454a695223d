import type { City } from '../domain/city.ts';
import type { Lang } from './languages.ts';

/** Which of a city's names in the reader's language to show first; former names are never shown. */
const KIND_ORDER = ['official', 'native', 'exonym', 'alias'] as const;

/** Whether a stored name's tag is in the reader's language: `zh` and `zh-Hans` for zh-Hans, never `zh-Hant`. */
function speaks(tag: string | undefined, lang: Lang): boolean {
  if (tag === undefined) return false;
  if (lang === 'zh-Hans') return tag === 'zh' || tag === 'zh-Hans' || tag === 'zh-CN' || tag === 'zh-SG';
  return tag === lang || tag.startsWith(`${lang}-`);
}

/**
 * The city's name in the reader's language where the store holds one (Praha for a Czech reader, Prag
 * for a German one, 北上市 for a Japanese one), else its usual name: never a name the store lacks.
 */
export function cityName(city: City, lang: Lang): string {
  if (lang === 'en') return city.name;
  for (const kind of KIND_ORDER) {
    const found = city.names.find((n) => n.kind === kind && speaks(n.lang, lang));
    if (found) return found.name;
  }
  return city.name;
}
