import stripAnsi from 'strip-ansi';

/**
 * Characters that cannot be seen but can act: C0/C1 controls (they drive terminals), bidirectional
 * controls (U+202E shows "exe.fdp" as "pdf.exe") and the rest of Unicode's default-ignorable set
 * (zero-width space U+200B, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD, Hangul fillers, tag
 * characters...), which make two names look identical while they differ. Joiners and variation
 * selectors are left to `keepShapingMarks`, since some of them change how text is drawn.
 */
const HIDDEN =
  /(?![\p{Join_Control}\p{Variation_Selector}\u180E])[\p{Cc}\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/gu;
/**
 * ZWNJ U+200C, ZWJ U+200D, the variation selectors (U+FE00-FE0F, U+E0100-E01EF, Mongolian
 * U+180B-180F) and the Mongolian vowel separator U+180E.
 */
const SHAPING_MARK = /[\p{Join_Control}\p{Variation_Selector}\u180E]/u;
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
/** Half of a surrogate pair without its other half: not a character at all (broken UTF-16). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;
/** Text that is already clean: printable ASCII words with single spaces between them. */
const PLAIN = /^(?:[!-~]+(?: [!-~]+)*)?$/;

/**
 * Text as it is kept, whichever way it came in (chat, shell and `twinbot ask` lines, Slack form
 * values, Discord options, CSV cells): terminal escape sequences (`ESC[31m`) removed whole, every
 * run of white space (line breaks and tabs included: stored text is one line) made one space,
 * hidden characters removed, the ends trimmed, and the result in NFC, so the same letters typed
 * precomposed ("ó") or decomposed ("o" + U+0301) are stored the same. Letters, accents and emoji of
 * every script are kept as they are.
 */
export function cleanText(text: string): string {
  if (PLAIN.test(text)) return text;
  const visible = stripAnsi(text)
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\p{White_Space}+/gu, ' ')
    .replace(HIDDEN, '');
  return keepShapingMarks(visible).replace(/ {2,}/g, ' ').trim().normalize('NFC');
}

/**
 * Keeps a joiner or variation selector only where it shapes what is drawn: after a letter of a
 * script that uses them (ZWNJ in Persian "خرم\u200Cآباد", ZWJ in Sinhala "ශ්\u200Dරී", an
 * ideographic variation selector after a kanji) and inside emoji sequences ("👩\u200D💻",
 * "❤\uFE0F"). After a Latin, Greek or Cyrillic letter, or on its own, it changes nothing visible and
 * only hides a difference ("Pra\u200Dgue"), so it goes. Name lookups ignore all of them either way
 * (see foldName).
 */
function keepShapingMarks(text: string): string {
  if (!SHAPING_MARK.test(text)) return text;
  let kept = '';
  let base = '';
  for (const char of text) {
    if (SHAPING_MARK.test(char)) {
      if (shapes(char, base)) kept += char;
      continue;
    }
    // A combining mark (a virama, an accent) belongs to the letter before it.
    if (!/\p{M}/u.test(char)) base = char;
    kept += char;
  }
  return kept;
}

function shapes(mark: string, base: string): boolean {
  if (/\p{L}/u.test(base)) return !/\p{Script=Latin}|\p{Script=Greek}|\p{Script=Cyrillic}/u.test(base);
  if (mark === ZWNJ) return false;
  if (mark === ZWJ) return /\p{Extended_Pictographic}|\p{Emoji_Modifier}/u.test(base);
  // A variation selector after an emoji picks its emoji or text style: "❤\uFE0F", "1\uFE0F\u20E3".
  return /\p{Emoji}/u.test(base);
}
