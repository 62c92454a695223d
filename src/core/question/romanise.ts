import { requireRomaniser } from './romaniser-packages.ts';

type Wanakana = typeof import('wanakana');
type PinyinPro = typeof import('pinyin-pro');
type OpenCC = typeof import('opencc-js');

/**
 * The romanisers are loaded on the first question that holds a name in kana or hanzi the data does
 * not hold in that script; a question in a Latin script never loads them (pinyin-pro's dictionary
 * alone costs some 50 ms). `require` keeps the question reader synchronous.
 */
let wanakana: Wanakana | undefined;
let pinyinPro: PinyinPro | undefined;
let converters: { traditional: (text: string) => string; kanji: (text: string) => string } | undefined;

const KANA_NAME = /^[\p{Script=Katakana}\p{Script=Hiragana}ー・]+$/u;
const HAN_NAME = /^\p{Script=Han}+$/u;

/**
 * Katakana for sounds Japanese lacks, which wanakana spells kana by kana ("フィ" -> "fyi", "ツェ" ->
 * "tsue"): their Hepburn spelling, as foreign names are romanised ("フィレンツェ" -> "firentse").
 */
const FOREIGN_HEPBURN: Record<string, string> = {
  ファ: 'fa',
  フィ: 'fi',
  フェ: 'fe',
  フォ: 'fo',
  ティ: 'ti',
  ディ: 'di',
  トゥ: 'tu',
  ドゥ: 'du',
  テュ: 'tyu',
  デュ: 'dyu',
  ツァ: 'tsa',
  ツィ: 'tsi',
  ツェ: 'tse',
  ツォ: 'tso',
  ヴァ: 'va',
  ヴィ: 'vi',
  ヴェ: 've',
  ヴォ: 'vo',
  ヴ: 'vu',
  ウィ: 'wi',
  ウェ: 'we',
  ウォ: 'wo',
  クァ: 'kwa',
  グァ: 'gwa',
  シェ: 'she',
  ジェ: 'je',
  チェ: 'che',
};
const FOREIGN_SOUNDS = new RegExp(
  `(ッ?)(${Object.keys(FOREIGN_HEPBURN)
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'g',
);

/** One such sound in Hepburn; after "ッ" its consonant doubled ("バッファロー" -> "baffaroo"). */
function foreignSound(_: string, geminate: string, kana: string): string {
  const latin = FOREIGN_HEPBURN[kana] ?? kana;
  return geminate ? latin.charAt(0) + latin : latin;
}

/** How a name written in kana or hanzi is spelt in Latin letters, as GeoNames' romanised names spell it. */
export interface Romanised {
  /** Spellings to look up exactly among the romanised names: "na bu lu si", "naburusu". */
  readonly exact: readonly string[];
  /** The name run together, for a phonetic match on Latin names ("bufaluo" ~ Buffalo). */
  readonly joined: string;
  /** Spellings to compare with Latin names: also without the vowel Japanese adds after a last consonant ("gyongyosh"). */
  readonly sounds: readonly string[];
}

/**
 * A Japanese name in kana as Hepburn romaji ("ナブルス" -> "naburusu"), with and without its long
 * vowels ("ボーレンゲ" -> "boorenge", "borenge"), or a Chinese name in hanzi as toneless pinyin
 * syllables, simplified or traditional alike ("纳布卢斯", "納布盧斯" -> "na bu lu si"). Japanese
 * kanji have Japanese readings that pinyin does not give: a name mixing kanji and kana is not romanised.
 */
export function romanise(name: string): Romanised | undefined {
  if (KANA_NAME.test(name)) {
    wanakana ??= requireRomaniser('wanakana') as Wanakana;
    // "・" separates words of a foreign name.
    const romaji = wanakana
      .toRomaji(name.replace(/・/g, '').replace(FOREIGN_SOUNDS, foreignSound))
      .replace(/[^a-z]/g, '');
    if (romaji === '') return undefined;
    const short = romaji.replace(/([aeiou])\1+/g, '$1').replace(/ou/g, 'o');
    const bare = short.replace(/([^aeiou])[uo]$/, '$1');
    return { exact: [...new Set([romaji, short])], joined: short, sounds: [...new Set([short, bare])] };
  }
  if (HAN_NAME.test(name)) {
    pinyinPro ??= requireRomaniser('pinyin-pro') as PinyinPro;
    const syllables = pinyinPro.pinyin(name, { toneType: 'none', type: 'array', v: false });
    const spaced = syllables.join(' ').replace(/ü/g, 'u');
    const joined = spaced.replace(/ /g, '');
    return { exact: [spaced], joined, sounds: [joined] };
  }
  return undefined;
}

/**
 * Every toneless pinyin reading of one hanzi ("个" -> "ge"; "乐" -> "le", "yue"): what a pinyin
 * keyboard types for it, whichever character it then offers.
 */
export function readingsOf(hanzi: string): string[] {
  pinyinPro ??= requireRomaniser('pinyin-pro') as PinyinPro;
  return pinyinPro
    .pinyin(hanzi, { toneType: 'none', type: 'array', multiple: true })
    .map((p) => p.replace(/ü/g, 'u'));
}

/**
 * A name in simplified hanzi as traditional Chinese and as Japanese kanji write it ("纳布卢斯" ->
 * "納布盧斯"; "七饭町", "横滨" -> "七飯町", "横浜"), as the data may hold it (OpenCC's tables; building
 * them costs some 250 ms, once, on the first such name).
 */
export function variantsOf(name: string): string[] {
  if (!/\p{Script=Han}/u.test(name)) return [];
  if (!converters) {
    const opencc = requireRomaniser('opencc-js/cn2t') as OpenCC;
    converters = {
      traditional: opencc.ConverterFactory(opencc.Locale.from.cn),
      kanji: opencc.ConverterFactory(opencc.Locale.to.jp),
    };
  }
  const traditional = converters.traditional(name);
  return [...new Set([traditional, converters.kanji(traditional)])].filter((form) => form !== name);
}
