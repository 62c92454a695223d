import { foldName } from '../../domain/names.ts';

/** A word of the question as written, its folded form, and where it stands in the text. */
export interface Token {
  readonly text: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a question; punctuation and apostrophes split words ("Kitakami's" -> Kitakami, s;
 * "Prague-Shanghai" -> Prague, Shanghai), as they do in folded city names. Stops after `limit` + 1 words.
 */
export function tokenize(text: string, limit: number): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    // One past the limit tells the caller the text was longer; the rest is not worth folding.
    if (tokens.length > limit) break;
    tokens.push({ text: m[0], folded: foldName(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

export function isNumber(token: Token): boolean {
  return /^\d+$/.test(token.folded);
}
