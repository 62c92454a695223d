import { intlLocale, type Lang } from './languages.ts';

/** "French", "Französisch", "フランス語": a language's name in the reader's language, from Intl. */
export function languageName(lang: Lang, readerLang: Lang): string {
  return new Intl.DisplayNames([intlLocale(readerLang)], { type: 'language' }).of(lang) ?? lang;
}
