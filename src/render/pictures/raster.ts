import { readFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { Lang } from '../../i18n/languages.ts';
import { assetUrl } from './asset-dir.ts';
import { fontBuffers } from './fonts.ts';
import type { Drawing } from './picture.ts';

/**
 * SVG to PNG with resvg's WebAssembly build rather than its native addon: one file that runs on
 * every platform the container may be built for, copied beside the bundles; with fonts handed over
 * as buffers read once per process it was also faster than the addon, which reads font files at
 * every picture (and took half a second for CJK text where the WebAssembly build takes 40 ms).
 */
let ready: Promise<void> | undefined;

function init(): Promise<void> {
  ready ??= initWasm(readFileSync(assetUrl('resvg.wasm')));
  return ready;
}

export async function rasterize(drawing: Drawing, lang: Lang): Promise<Uint8Array> {
  await init();
  const resvg = new Resvg(drawing.svg, {
    font: { fontBuffers: fontBuffers(lang, drawing.cjk), defaultFontFamily: 'Noto Sans' },
    fitTo: { mode: 'original' },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
