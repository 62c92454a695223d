import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/domain/clean-text.ts';

/** Every character with the Unicode Bidi_Control property: they reorder how text is shown. */
const BIDI_CONTROLS = [
  '\u061C',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

/** Characters that are not drawn, and draw nothing after a Latin letter. */
const INVISIBLE = {
  'zero-width space': '\u200B',
  'word joiner': '\u2060',
  'byte order mark': '\uFEFF',
  'soft hyphen': '\u00AD',
  'Mongolian vowel separator after a Latin letter': '\u180E',
  'invisible times': '\u2062',
  'Hangul filler': '\u3164',
  'combining grapheme joiner': '\u034F',
  'tag letter A': '\u{E0041}',
};

/** What cleaned text never holds: controls, bidi controls and the invisible characters above. */
const NEVER_KEPT = /[\p{Cc}\p{Bidi_Control}\u200B\u2060\uFEFF\u00AD\u2062\u3164\u{E0000}-\u{E007F}]|\u034F/u;

describe('cleanText', () => {
  it('GIVEN line breaks, tabs and other spaces THEN each run becomes one space, and the ends are trimmed', () => {
    expect(cleanText('  Prague\r\n\r\nrefused\tit \n')).toBe('Prague refused it');
    expect(cleanText('Le\u00A0Mans\u3000\u2003Sarthe\u2028')).toBe('Le Mans Sarthe');
  });

  it('GIVEN C0 and C1 control characters THEN strips them', () => {
    expect(cleanText('Pra\u0000gue\u0007\u007F\u0085\u0090')).toBe('Prague');
  });

  it('GIVEN terminal escape sequences THEN removes each sequence whole, not only its ESC', () => {
    expect(cleanText('\u001B[31mPrague\u001B[0m')).toBe('Prague');
    expect(cleanText('\u001B[2J\u001B[HPrague\u001B[1;32m!')).toBe('Prague!');
    expect(cleanText('\u001B]0;pwned\u0007Prague')).toBe('Prague');
    expect(cleanText('\u001B]8;;https://evil.example\u001B\\Prague\u001B]8;;\u001B\\')).toBe('Prague');
    expect(cleanText('\u009B31mPrague')).toBe('Prague');
  });

  it('GIVEN every bidirectional control character THEN strips each one', () => {
    for (const char of BIDI_CONTROLS) {
      expect(cleanText(`a${char}b`), `U+${char.codePointAt(0)?.toString(16).toUpperCase()}`).toBe('ab');
    }
  });

  it('GIVEN a name disguised with a right-to-left override THEN only its real letters remain', () => {
    expect(cleanText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });

  it('GIVEN zero-width and other invisible characters inside a name THEN strips each one', () => {
    for (const [label, char] of Object.entries(INVISIBLE)) {
      expect(cleanText(`Pra${char}gue`), label).toBe('Prague');
    }
  });

  it('GIVEN joiners or variation selectors between Latin, Greek or Cyrillic letters THEN strips them', () => {
    expect(cleanText('Pra\u200Dgue')).toBe('Prague');
    expect(cleanText('Pra\u200Cgue')).toBe('Prague');
    expect(cleanText('Pra\uFE0Fgue')).toBe('Prague');
    expect(cleanText('Αθή\u200Dνα Мос\u200Cква')).toBe('Αθήνα Москва');
    expect(cleanText('\u200DPrague')).toBe('Prague');
  });

  it('GIVEN joiners and selectors that shape a script or an emoji THEN keeps them', () => {
    const kept = [
      'خرم\u200Cآباد', // Persian: ZWNJ keeps the letters apart without a space
      'ශ්\u200Dරී', // Sinhala: ZWJ makes the conjunct after the virama
      '葛\u{E0100}飾', // an ideographic variation sequence
      '👨\u200D👩\u200D👧',
      '👩🏽\u200D💻',
      '❤\uFE0F\u200D🔥',
      '1\uFE0F\u20E3',
      'ᠨᠣᠮ\u180Eᠠ', // Mongolian: the vowel separator picks the final letter's form
    ];
    for (const text of kept) expect(cleanText(text)).toBe(text);
  });

  it('GIVEN letters of any script, accents and emoji THEN keeps them as they are', () => {
    expect(cleanText('Rzeszów 北上市 القدس 👨‍👩‍👧')).toBe('Rzeszów 北上市 القدس 👨‍👩‍👧');
  });

  it('GIVEN a decomposed accent THEN stores it composed (NFC), as a typed "ó" would be', () => {
    expect(cleanText('Rzeszo\u0301w')).toBe('Rzeszów');
  });

  it('GIVEN half of a surrogate pair THEN it becomes the replacement character', () => {
    expect(cleanText('Pra\uD800gue')).toBe('Pra\uFFFDgue');
  });

  it('GIVEN any text THEN the result holds no hidden character, no double space, and cleaning it again changes nothing', () => {
    const pieces = fc.constantFrom(
      'Pra',
      'gue',
      ' ',
      '\n',
      '\t',
      '\u001B[31m',
      '\u001B',
      '[',
      '\u202E',
      '\u200B',
      '\u200C',
      '\u200D',
      '\uFE0F',
      '\uFEFF',
      '\u00AD',
      '\u0301',
      '\u0085',
      'خ',
      '👩',
      '葛',
    );
    const texts = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.array(pieces).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const clean = cleanText(text);
        expect(clean).not.toMatch(NEVER_KEPT);
        expect(clean).not.toMatch(/ {2}|^ | $/);
        expect(cleanText(clean)).toBe(clean);
      }),
      { numRuns: 2000 },
    );
  });
});
