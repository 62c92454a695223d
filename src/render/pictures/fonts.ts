import { readFileSync } from 'node:fs';
import { eastAsianWidth } from 'get-east-asian-width';
import opentype, { type Font } from 'opentype.js';
import type { Lang } from '../../i18n/languages.ts';
import { assetUrl } from './asset-dir.ts';
import type { PictureAsset } from './assets.ts';

/**
 * The fonts the pictures are set in (Noto, SIL OFL 1.1): Noto Sans for Latin and Czech, and a CJK
 * Noto for Japanese and Chinese text. Each file is read once per process, the CJK ones only when a
 * picture first needs one (they are 5 and 10 MB).
 */
const files = new Map<PictureAsset, Uint8Array>();

export function fontFile(asset: PictureAsset): Uint8Array {
  let found = files.get(asset);
  if (!found) {
    found = readFileSync(assetUrl(asset));
    files.set(asset, found);
  }
  return found;
}

/** Han, kana and Hangul: text the Latin font has no glyphs for. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

export function needsCjk(text: string): boolean {
  return CJK.test(text);
}

/** Japanese readers see Japanese glyph forms; everyone else the Simplified Chinese ones. */
export function cjkFamily(lang: Lang): string {
  return lang === 'ja' ? 'Noto Sans JP' : 'Noto Sans SC';
}

/** The font files a picture is rasterized with. */
export function fontBuffers(lang: Lang, cjk: boolean): Uint8Array[] {
  const latin = [fontFile('NotoSans-Regular.ttf'), fontFile('NotoSans-Bold.ttf')];
  if (!cjk) return latin;
  return [...latin, fontFile(lang === 'ja' ? 'NotoSansJP-Regular.ttf' : 'NotoSansSC-Regular.ttf')];
}

/** The SVG font-family of a picture's text. */
export function fontFamily(lang: Lang): string {
  return `Noto Sans, ${cjkFamily(lang)}`;
}

interface Metrics {
  font: Font;
  advances: Map<string, number>;
}

const metrics = new Map<'regular' | 'bold', Metrics>();

function metricsOf(weight: 'regular' | 'bold'): Metrics {
  let found = metrics.get(weight);
  if (!found) {
    const bytes = fontFile(weight === 'bold' ? 'NotoSans-Bold.ttf' : 'NotoSans-Regular.ttf');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    found = { font: opentype.parse(buffer, { lowMemory: true }), advances: new Map() };
    metrics.set(weight, found);
  }
  return found;
}

/**
 * The width of a line of text in pixels, from the Latin font's advance widths (kerning aside, which
 * only narrows it). CJK characters are one em wide in the Noto CJK fonts, so they need no file read.
 */
export function textWidth(text: string, size: number, weight: 'regular' | 'bold' = 'regular'): number {
  const { font, advances } = metricsOf(weight);
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (eastAsianWidth(code) === 2) {
      em += 1;
      continue;
    }
    let advance = advances.get(char);
    if (advance === undefined) {
      advance = (font.charToGlyph(char).advanceWidth ?? font.unitsPerEm) / font.unitsPerEm;
      advances.set(char, advance);
    }
    em += advance;
  }
  return em * size;
}
