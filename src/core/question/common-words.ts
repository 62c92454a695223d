import stopwords from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { foldName } from '../../domain/names.ts';
import { CUE_TABLES } from './cues.ts';

/** The stop-word lists of the languages questions are read in (stopwords-iso names Chinese `zh`). */
const LISTS = ['en', 'de', 'fr', 'es', 'cs', 'ja', 'zh'] as const;

/** "Or" asks to choose between things, which no command does: it must stand out as a word we do not know. */
const ALTERNATIVES = new Set(['or', 'oder', 'ou', 'o', 'u', 'nebo', 'či', 'ci']);

let common: Set<string> | undefined;

/**
 * Whether a folded word is an everyday word of a language we read: a stop word ("from", "wann",
 * "kdy") or one of our cue words ("tie", "list"). The world layer holds some 100,000 names, and
 * towns called Frome, List or Still would otherwise swallow these words.
 */
export function isCommonWord(folded: string): boolean {
  common ??= new Set([
    ...LISTS.flatMap((lang) => (stopwords as Record<string, string[]>)[lang] ?? []).map(foldName),
    ...CUE_TABLES.flatMap(({ language: _, ...lists }) =>
      Object.values(lists).flatMap((list) => list.flatMap((cue) => cue.split(' '))),
    ),
  ]);
  return common.has(folded) && !ALTERNATIVES.has(folded);
}
