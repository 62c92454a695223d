import { readFileSync } from 'node:fs';
import { foldName } from '../../domain/names.ts';
import type { Lang } from '../../i18n/languages.ts';
import { cueTables } from './cues.ts';
import { STOP_WORDS_FILE } from './stop-words-file.ts';

/** The stop-word lists of the languages questions are read in (stopwords-iso names Chinese `zh`). */
export const STOP_WORD_LANGUAGES = ['en', 'de', 'fr', 'es', 'cs', 'ja', 'zh'] as const;

/** "Or" asks to choose between things, which no command does: it must stand out as a word we do not know. */
export const ALTERNATIVES = new Set(['or', 'oder', 'ou', 'o', 'u', 'nebo', 'či', 'ci']);

let common: Set<string> | undefined;
let written: { stops: Set<string>; cues: Set<string> } | undefined;
const byLanguage = new Map<Lang, Set<string>>();

/**
 * Whether a folded word is an everyday word of a language we read: a stop word ("from", "wann",
 * "kdy") or one of our cue words ("tie", "list"). The world layer holds some 100,000 names, and
 * towns called Frome, List or Still would otherwise swallow these words.
 */
export function isCommonWord(folded: string): boolean {
  common ??= new Set([...readStopWords().map(foldName), ...cueWords()]);
  return common.has(folded) && !ALTERNATIVES.has(folded);
}

/**
 * The same, for a word as typed: a stop word written with accents its own forms lack is not it
 * ("Seúl" is Seoul, never French "seul"). Cue words are kept folded, so any writing of them counts.
 */
export function isCommonWordAsTyped(text: string, folded: string): boolean {
  if (!isCommonWord(folded)) return false;
  const lower = text.normalize('NFC').toLowerCase();
  if (lower.normalize('NFD').replace(/\p{M}/gu, '') === lower) return true;
  written ??= {
    stops: new Set(readStopWords().map((word) => word.normalize('NFC').toLowerCase())),
    cues: new Set(cueWords().map(foldName)),
  };
  return written.cues.has(folded) || written.stops.has(lower);
}

/** Whether a folded word is an everyday word of this language: one of its stop words or cue words. */
export function isCommonWordIn(folded: string, lang: Lang): boolean {
  let words = byLanguage.get(lang);
  if (!words) {
    const lists = JSON.parse(readFileSync(STOP_WORDS_FILE, 'utf8')) as Record<string, string[]>;
    const table = cueTables().find((t) => t.language === lang);
    const { language: _, ...cues } = table ?? { language: lang };
    words = new Set([
      ...(lists[lang === 'zh-Hans' ? 'zh' : lang] ?? []).map(foldName),
      ...Object.values(cues).flatMap((list: readonly string[]) => list.flatMap((cue) => cue.split(' '))),
    ]);
    byLanguage.set(lang, words);
  }
  return words.has(folded);
}

function cueWords(): string[] {
  return cueTables().flatMap(({ language: _, ...lists }) =>
    Object.values(lists).flatMap((list) => list.flatMap((cue) => cue.split(' '))),
  );
}

function readStopWords(): string[] {
  const lists = JSON.parse(readFileSync(STOP_WORDS_FILE, 'utf8')) as Record<string, string[]>;
  return STOP_WORD_LANGUAGES.flatMap((lang) => lists[lang] ?? []);
}
