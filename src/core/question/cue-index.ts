import type { Token } from './tokens.ts';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A cue word of this many letters or more also matches longer words that start with it ("partner" -> "partners"). */
export const STEM_LENGTH = 5;

/**
 * Cues (each split into its words) looked up by their first word, so a question's words are
 * checked against the few cues they can start, not every cue of every language.
 */
export interface CueIndex {
  /** Every cue, split into words. */
  readonly all: readonly (readonly string[])[];
  /** Cues by their first word, or its first letters when it is long enough to match as a stem. */
  readonly byKey: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Japanese and Chinese cues, looked for in the words written together. */
  readonly cjk: readonly string[];
}

export function cueIndex(cues: readonly (readonly string[])[]): CueIndex {
  const byKey = new Map<string, (readonly string[])[]>();
  const cjk: string[] = [];
  for (const parts of cues) {
    const first = parts[0] ?? '';
    if (parts.length === 1 && CJK.test(first)) {
      cjk.push(first);
      continue;
    }
    const key = first.length >= STEM_LENGTH ? first.slice(0, STEM_LENGTH) : first;
    byKey.set(key, [...(byKey.get(key) ?? []), parts]);
  }
  return { all: cues, byKey, cjk };
}

/**
 * Whether the words hold one of the cues, in order. Japanese and Chinese cues are looked for in the
 * words written together, however the segmenter cut them ("仲良し" is "仲良" + "し" or one word).
 */
export function hasCue(words: readonly Token[], index: CueIndex): boolean {
  const folded = words.map((w) => w.folded);
  if (index.cjk.length > 0) {
    const together = folded.filter((w) => CJK.test(w)).join('');
    if (together !== '' && index.cjk.some((cue) => together.includes(cue))) return true;
  }
  for (let i = 0; i < folded.length; i++) {
    const word = folded[i] ?? '';
    const keys = word.length > STEM_LENGTH ? [word, word.slice(0, STEM_LENGTH)] : [word];
    for (const key of keys) {
      for (const parts of index.byKey.get(key) ?? []) {
        if (parts.every((part, j) => wordMatches(folded[i + j] ?? '', part))) return true;
      }
    }
  }
  return false;
}

/** A cue of five letters or more also matches longer words that start with it ("partner" -> "partners"). */
export function wordMatches(word: string, cue: string): boolean {
  return word === cue || (cue.length >= STEM_LENGTH && word.startsWith(cue));
}
