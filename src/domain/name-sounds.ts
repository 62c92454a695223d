import type { City } from './city.ts';
import { foldName } from './names.ts';

/**
 * How a Latin name sounds to Chinese and Japanese ears, so a name written in hanzi or kana (布法罗,
 * バッファロー) meets the Latin name it renders (Buffalo): the consonants they keep, in order.
 */

/** Fewer sounds than this say too little for a phonetic match ("巴黎" -> p l). */
export const MIN_KEY_LENGTH = 3;

const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;

/** The city's names in Latin letters, folded, letters only ("buffalo", "bufalo"). */
export function latinNames(city: City): string[] {
  return [
    ...new Set(
      [city.name, ...city.names.map((n) => n.name)]
        .filter((n) => LATIN.test(n))
        .map((n) => foldName(n).replace(/[^a-z]/g, '')),
    ),
  ];
}

/** The keys of the city's Latin names long enough to match by (see latinKey). */
export function soundKeys(city: City): string[] {
  return [...new Set(latinNames(city).map((n) => latinKey(n)))].filter((k) => k.length >= MIN_KEY_LENGTH);
}

/**
 * The consonants of a name as Chinese and Japanese renderings keep them: l and r one sound, voiced
 * and voiceless alike (b/p, d/t, g/k), sh/zh/ch as s/z/c, vowels dropped, a doubled sound once.
 * "Buffalo", "bufaluo", "baffaro" -> "pfl"; "Nablus", "na bu lu si", "naburusu" -> "npls".
 * Not `once`: every sound, for comparing in order ("masazhusai" -> "nsss").
 */
export function phoneticKey(folded: string, once = true): string {
  let key = '';
  const letters = folded.replace(/[^a-z]/g, '').replace(/([a-z])h/g, '$1');
  // A name that starts with a vowel keeps it: "Abidjan" does not sound as "bo lun e".
  if (/^[aeiouy]/.test(letters)) key = 'a';
  for (const ch of letters) {
    const sound = SOUNDS[ch] ?? '';
    if (sound !== '' && (!once || sound !== key.at(-1))) key += sound;
  }
  return key;
}

/**
 * The key of a name in Latin letters: an r after a vowel and before a consonant is not heard in the
 * Japanese and Chinese renderings of English names ("Freeport" フリーポート, "Concord" 康科德).
 */
export function latinKey(folded: string, once = true): string {
  return phoneticKey(folded.replace(/([aeiou])r(?=[^aeiou\s])/g, '$1'), once);
}

const SOUNDS: Record<string, string> = {
  b: 'p',
  p: 'p',
  d: 't',
  t: 't',
  g: 'k',
  k: 'k',
  c: 'k',
  q: 'k',
  f: 'f',
  v: 'f',
  w: 'f',
  s: 's',
  z: 's',
  x: 's',
  j: 's',
  l: 'l',
  r: 'l',
  m: 'n',
  n: 'n',
  h: 'h',
};
