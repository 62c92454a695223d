// The part of opentype.js (which ships no types) the pictures use. Not @types/opentype.js: it pulls
// the DOM library into the whole program, whose fetch types then clash with Node's.
declare module 'opentype.js' {
  export interface Glyph {
    advanceWidth?: number;
  }
  export interface Font {
    unitsPerEm: number;
    charToGlyph(char: string): Glyph;
  }
  const opentype: { parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font };
  export default opentype;
}
