import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/core/clean-text.ts';

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

describe('cleanText', () => {
  it('GIVEN line breaks and tabs THEN they become single spaces, and the ends are trimmed', () => {
    expect(cleanText('  Prague\r\n\r\nrefused\tit \n')).toBe('Prague refused it');
  });

  it('GIVEN control characters THEN strips them', () => {
    expect(cleanText('Pra\u0000gue\u0007\u001b[31m\u007f\u0085')).toBe('Prague[31m');
  });

  it('GIVEN every bidirectional control character THEN strips each one', () => {
    for (const char of BIDI_CONTROLS) {
      expect(cleanText(`a${char}b`), `U+${char.codePointAt(0)?.toString(16).toUpperCase()}`).toBe('ab');
    }
  });

  it('GIVEN a name disguised with a right-to-left override THEN only its real letters remain', () => {
    expect(cleanText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });

  it('GIVEN letters of any script, accents and emoji THEN keeps them as they are', () => {
    expect(cleanText('Rzeszów 北上市 القدس 👨‍👩‍👧')).toBe('Rzeszów 北上市 القدس 👨‍👩‍👧');
  });
});
