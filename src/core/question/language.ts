import type { Lang } from '../../i18n/languages.ts';
import { type CueTable, cueTables } from './cues.ts';
import type { Token } from './tokens.ts';

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;

/**
 * Each table's words, split once, on the first question: a question's words are looked up here, not
 * the tables scanned.
 */
let tableWords: { language: Lang; exact: Set<string>; stems: string[] }[] | undefined;

/**
 * The language a question is written in, when its own words say so clearly: kana is Japanese, Han
 * without kana Chinese; else the language whose cue words it uses most, when no other uses as many
 * (words several languages share, "partner", "in", count for each, so they decide nothing). `words`
 * are the question's words outside city names: "Le Mans" says nothing about French.
 */
export function questionLanguage(text: string, words: readonly Token[]): Lang | undefined {
  if (KANA.test(text)) return 'ja';
  if (HAN.test(text)) return 'zh-Hans';
  tableWords ??= cueTables().map((table) => ({ language: table.language, ...wordsOf(table) }));
  const scores = tableWords
    .map(({ language, exact, stems }) => ({
      language,
      score: words.filter((w) => exact.has(w.folded) || stems.some((stem) => w.folded.startsWith(stem)))
        .length,
    }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = scores;
  if (!best || best.score === 0 || (next && next.score === best.score)) return undefined;
  return best.language;
}

function wordsOf(table: CueTable): { exact: Set<string>; stems: string[] } {
  const { language: _, ...lists } = table;
  const words = Object.values(lists).flatMap((list) => list.flatMap((cue) => cue.split(' ')));
  return { exact: new Set(words), stems: [...new Set(words.filter((w) => w.length >= 5))] };
}
