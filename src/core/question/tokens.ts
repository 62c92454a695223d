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
  if (CJK.test(text)) return segmented(text, limit);
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    // One past the limit tells the caller the text was longer; the rest is not worth folding.
    if (tokens.length > limit) break;
    tokens.push({ text: m[0], folded: foldName(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

// "ー" (a long vowel) is of no script: the segmenter may cut it out of a katakana name ("ブ|レ|ー|マ").
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Made on first use: a segmenter loads its language's dictionary (5 ms), which a question in a spaced language never needs. */
const segmenters: Partial<Record<'ja' | 'zh', Intl.Segmenter>> = {};
const segmenterFor = (lang: 'ja' | 'zh'): Intl.Segmenter =>
  (segmenters[lang] ??= new Intl.Segmenter(lang, { granularity: 'word' }));

/** Japanese and Chinese are written without spaces: Intl's dictionaries find the words ("上海", "和", "布拉格"). */
function segmented(text: string, limit: number): Token[] {
  const tokens: Token[] = [];
  for (const s of segmenterFor(KANA.test(text) ? 'ja' : 'zh').segment(text)) {
    if (!s.isWordLike) continue;
    if (tokens.length > limit) break;
    tokens.push({
      text: s.segment,
      folded: foldName(s.segment),
      start: s.index,
      end: s.index + s.segment.length,
    });
  }
  return tokens;
}

/**
 * Words as one name: spaced words with a space; Japanese or Chinese ones, split by the segmenter
 * ("北", "上市"), without ("北上市").
 */
export function joinFolded(tokens: readonly Token[]): string {
  let out = '';
  tokens.forEach((t, i) => {
    const spaced = i > 0 && !(CJK.test(t.folded) && CJK.test(tokens[i - 1]?.folded ?? ''));
    out += (spaced ? ' ' : '') + t.folded;
  });
  return out;
}

/**
 * Japanese words of a foreign name as the data may write them: a space where "・" stands between them
 * ("ル・マン" folds as "ル マン"), none where the segmenter split one word ("北|上市").
 */
export function joinAtGaps(tokens: readonly Token[]): string {
  return tokens.map((t, i) => (i > 0 && t.start > (tokens[i - 1]?.end ?? 0) ? ' ' : '') + t.folded).join('');
}

export function isNumber(token: Token): boolean {
  return /^\d+$/.test(token.folded);
}
