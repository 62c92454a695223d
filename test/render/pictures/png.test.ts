import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/core/figure.ts';
import { drawPicture, drawSvg } from '../../../src/render/pictures/draw.ts';
import { chart2027, osakaTimeline, pragueMap } from './figures.ts';

function decode(png: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(png));
}

/** The share of pixels in a box that are not white (the sea and land are light, so nearly white counts). */
function painted(image: PNG, x: number, y: number, width: number, height: number): number {
  let count = 0;
  for (let row = Math.round(y); row < Math.round(y + height); row++) {
    for (let col = Math.round(x); col < Math.round(x + width); col++) {
      const i = (row * image.width + col) * 4;
      if (
        (image.data[i] ?? 255) < 245 ||
        (image.data[i + 1] ?? 255) < 245 ||
        (image.data[i + 2] ?? 255) < 245
      )
        count++;
    }
  }
  return count / (Math.round(width) * Math.round(height));
}

/** The width of the text's ink (near-black pixels) in a box: a missing font draws narrower empty boxes. */
function inkWidth(image: PNG, x: number, y: number, width: number, height: number): number {
  const columns: number[] = [];
  for (let col = 0; col < width; col++) {
    for (let row = 0; row < height; row++) {
      if (pixel(image, x + col, y + row).every((channel) => channel < 100)) {
        columns.push(col);
        break;
      }
    }
  }
  return columns.length === 0 ? 0 : (columns.at(-1) as number) - (columns[0] as number) + 1;
}

function pixel(image: PNG, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0];
}

function attribute(svg: string, pattern: RegExp): number[] {
  const match = pattern.exec(svg);
  if (!match) throw new Error(`no ${pattern} in the SVG`);
  return match.slice(1).map(Number);
}

describe('pictures as PNG', () => {
  it('GIVEN a partner map THEN the PNG has its size, is not blank and the city is painted where the SVG puts it', async () => {
    const picture = await drawPicture(pragueMap, 'en');
    const image = decode(picture.png);
    expect([image.width, image.height]).toEqual([picture.width, picture.height]);
    expect([picture.width, picture.height]).toEqual([1200, 800]);
    expect(painted(image, 0, 0, image.width, image.height)).toBeGreaterThan(0.4);
    const [cx, cy] = attribute(
      drawSvg(pragueMap, 'en').svg,
      /<circle cx="([\d.]+)" cy="([\d.]+)" r="7" fill="#1a1a1a"/,
    );
    expect(pixel(image, cx as number, cy as number)).toEqual([26, 26, 26]);
    expect(picture.fileName).toBe('map-prague-cz.png');
  });

  it('GIVEN a timeline THEN the PNG shows the milestone marks on the axis', async () => {
    const picture = await drawPicture(osakaTimeline, 'en');
    const image = decode(picture.png);
    expect([image.width, image.height]).toEqual([picture.width, picture.height]);
    const [cx, cy] = attribute(
      drawSvg(osakaTimeline, 'en').svg,
      /<circle cx="([\d.]+)" cy="([\d.]+)" r="6" fill="#0b5fa5"/,
    );
    // Osaka's termination, in Osaka's colour.
    expect(pixel(image, cx as number, cy as number)).toEqual([11, 95, 165]);
  });

  it('GIVEN an anniversary chart THEN the PNG has the bars where the SVG puts them', async () => {
    const picture = await drawPicture(chart2027, 'en');
    const image = decode(picture.png);
    expect([image.width, image.height]).toEqual([1200, 620]);
    // May: 8 anniversaries, 1 of them a milestone year, the orange foot of the bar.
    const [x, y, width, height] = attribute(
      drawSvg(chart2027, 'en').svg,
      /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="#8fb8de"\/><rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#d55e00"\/><text[^>]*>8</,
    );
    expect(
      pixel(image, (x as number) + (width as number) / 2, (y as number) + (height as number) / 2),
    ).toEqual([143, 184, 222]);
  });

  it('GIVEN Japanese and Chinese names THEN the labels are drawn with a CJK font, not as empty boxes', async () => {
    const figure: Figure = {
      kind: 'map',
      city: { id: 'osaka-jp', name: '大阪', lat: 34.6937, lon: 135.5023 },
      ties: [
        { partner: { id: 'shanghai-cn', name: '上海', lat: 31.2304, lon: 121.4737 }, style: 'in-force' },
      ],
      unplaced: [],
    };
    for (const lang of ['ja', 'zh-Hans'] as const) {
      const drawing = drawSvg(figure, lang);
      expect(drawing.cjk).toBe(true);
      const [x, y] = attribute(
        drawing.svg,
        /<text x="([\d.]+)" y="([\d.]+)" font-size="15" font-weight="700"[^>]*>大阪</,
      );
      const image = decode((await drawPicture(figure, lang)).png);
      // The city's label, two characters one em (15 px) wide each; without the CJK font, resvg draws
      // two empty boxes 9 px wide instead.
      expect(inkWidth(image, x as number, (y as number) - 14, 45, 18)).toBeGreaterThanOrEqual(26);
    }
  });

  it('GIVEN the same figure in the same language twice THEN it is drawn once; another language is drawn anew', async () => {
    const figure = { ...pragueMap, unplaced: ['Cache Test Town'] };
    const first = drawPicture(figure, 'en');
    const second = drawPicture(structuredClone(figure), 'en');
    expect(second).toBe(first);
    expect(await second).toBe(await first);
    const german = await drawPicture(figure, 'de');
    expect(german).not.toBe(await first);
    expect(german.alt).toContain('Karte von Prague');
  });
});
