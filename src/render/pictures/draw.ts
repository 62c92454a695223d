import { LRUCache } from 'lru-cache';
import type { Figure } from '../../core/figure.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translator } from '../../i18n/translator.ts';
import { drawAnniversaryChart } from './anniversary-chart.ts';
import { drawMap } from './map.ts';
import type { Drawing, Picture } from './picture.ts';
import { rasterize } from './raster.ts';
import { drawTimeline } from './timeline.ts';

export type { Picture } from './picture.ts';

/** The figure as SVG in the reader's language: pure, and what the snapshot tests compare. */
export function drawSvg(figure: Figure, lang: Lang): Drawing {
  const tr = translator(lang);
  switch (figure.kind) {
    case 'map':
      return drawMap(figure, tr);
    case 'timeline':
      return drawTimeline(figure, tr);
    case 'anniversary-chart':
      return drawAnniversaryChart(figure, tr);
  }
}

/**
 * Pictures already drawn, by what they show (the figure, which carries the store's data) and the
 * language: the same question twice is drawn once. Bounded, as pictures are some 100 kB each; a
 * picture still being drawn is shared by everyone who asks for it meanwhile.
 */
const cache = new LRUCache<string, Promise<Picture>>({ max: 64 });

/** Draws a figure as a PNG with its alt text, in the reader's language. */
export function drawPicture(figure: Figure, lang: Lang): Promise<Picture> {
  const key = `${lang}\n${JSON.stringify(figure)}`;
  let picture = cache.get(key);
  if (!picture) {
    picture = render(figure, lang);
    cache.set(key, picture);
    // A failed drawing is not remembered: the next question tries again.
    picture.catch(() => cache.delete(key));
  }
  return picture;
}

async function render(figure: Figure, lang: Lang): Promise<Picture> {
  const drawing = drawSvg(figure, lang);
  const png = await rasterize(drawing, lang);
  return { png, width: drawing.width, height: drawing.height, alt: drawing.alt, fileName: drawing.fileName };
}
