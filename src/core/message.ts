import type { Translator } from '../i18n/translator.ts';

/**
 * Words for the reader, put into their language when the answer is made: a line is read before
 * anyone knows whose language the answer is in (a plain-words question may decide it).
 */
export type Message = (tr: Translator) => string;

/** Whole sentences one after another: Japanese and Chinese run them on without a space. */
export function sentences(tr: Translator, ...parts: readonly string[]): string {
  const kept = parts.filter((part) => part !== '');
  return kept.join(tr.lang === 'ja' || tr.lang === 'zh-Hans' ? '' : ' ');
}
