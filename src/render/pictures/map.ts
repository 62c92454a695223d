import { type GeoProjection, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { MapPlace, PartnerMap, TieStyle } from '../../core/figure.ts';
import { formatList, nameCollator, type Translator } from '../../i18n/translator.ts';
import { atlas, type Detail } from './atlas.ts';
import { fontFamily, needsCjk, textWidth } from './fonts.ts';
import { type Box, LabelLayout } from './labels.ts';
import type { Drawing } from './picture.ts';
import { el, fileNameOf, svgDocument, text } from './svg.ts';

const WIDTH = 1200;
const HEIGHT = 800;
const MARGIN = 24;
const TITLE_SIZE = 24;
const LABEL_SIZE = 13;
const CAPTION_SIZE = 14;
const CITY_SIZE = 15;
const PARTNER_RADIUS = 4.5;
const CITY_RADIUS = 7;
/** The right-hand list of partners whose names did not fit beside their points. */
const PANEL_WIDTH = 290;
const LINE = 18;

/** How each tie is drawn; the legend lists them in this order, ties are drawn in the reverse (in force on top). */
const STYLES: Record<TieStyle, { color: string; width: number; dash?: string }> = {
  'in-force': { color: '#0b5fa5', width: 2.2 },
  'phasing-out': { color: '#4aa3df', width: 2, dash: '10 4' },
  planned: { color: '#009e73', width: 2, dash: '6 4' },
  suspended: { color: '#e69f00', width: 2, dash: '2 3' },
  disputed: { color: '#d55e00', width: 2, dash: '10 3 2 3' },
  'ended-by-city': { color: '#b0489a', width: 1.6, dash: '5 4' },
  'ended-by-partner': { color: '#7a7a7a', width: 1.6, dash: '5 4' },
  ended: { color: '#9a9a9a', width: 1.4, dash: '1.5 3' },
  listed: { color: '#b5b5b5', width: 1.2 },
};
const ORDER = Object.keys(STYLES) as TieStyle[];

/** Regions narrower than this many times the world's scale are drawn as the whole world. */
const MIN_ZOOM = 1.6;
/** No closer than this, so two neighbouring towns still show the land around them. */
const MAX_ZOOM = 12;

interface Point {
  place: MapPlace;
  style?: TieStyle;
  x: number;
  y: number;
}

function styleLabel(style: TieStyle, figure: PartnerMap, tr: Translator): string {
  return tr.t(`picture.map.style.${style}`, { city: figure.city.name });
}

/** The projection for the map area: the region that holds every place, or the whole world when they spread. */
function projectionFor(figure: PartnerMap, area: Box): { projection: GeoProjection; detail: Detail } {
  const places = [figure.city, ...figure.ties.map((tie) => tie.partner)];
  const extent: [[number, number], [number, number]] = [
    [area.x, area.y],
    [area.x + area.width, area.y + area.height],
  ];
  const rotation: [number, number] = [-figure.city.lon, 0];
  const world = geoNaturalEarth1().rotate(rotation).fitExtent(extent, { type: 'Sphere' });
  if (places.length < 2) return { projection: world, detail: '110m' };
  // Room around the places for their labels.
  const inner: [[number, number], [number, number]] = [
    [area.x + 110, area.y + 40],
    [area.x + area.width - 110, area.y + area.height - 40],
  ];
  const points = { type: 'MultiPoint' as const, coordinates: places.map((p) => [p.lon, p.lat]) };
  const region = geoNaturalEarth1().rotate(rotation).fitExtent(inner, points);
  if (region.scale() < world.scale() * MIN_ZOOM) return { projection: world, detail: '110m' };
  if (region.scale() > world.scale() * MAX_ZOOM) {
    const [[x0, y0], [x1, y1]] = geoPath(region).bounds(points);
    const centre = region.invert?.([(x0 + x1) / 2, (y0 + y1) / 2]) ?? [figure.city.lon, figure.city.lat];
    region.scale(world.scale() * MAX_ZOOM).translate([0, 0]);
    const [cx, cy] = region(centre) ?? [0, 0];
    region.translate([area.x + area.width / 2 - cx, area.y + area.height / 2 - cy]);
  }
  return { projection: region.clipExtent(extent), detail: '50m' };
}

/** Places closer than a dot apart are set around their common spot, so that none hides another. */
function spread(points: Point[]): void {
  const groups: Point[][] = [];
  for (const point of points) {
    const group = groups.find((g) =>
      g.some((o) => Math.hypot(o.x - point.x, o.y - point.y) < PARTNER_RADIUS * 1.6),
    );
    if (group) group.push(point);
    else groups.push([point]);
  }
  for (const group of groups) {
    if (group.length < 2) continue;
    const cx = group.reduce((sum, p) => sum + p.x, 0) / group.length;
    const cy = group.reduce((sum, p) => sum + p.y, 0) / group.length;
    const radius = (PARTNER_RADIUS * 2.2 * group.length) / (2 * Math.PI) + PARTNER_RADIUS;
    group.forEach((point, i) => {
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      point.x = cx + radius * Math.cos(angle);
      point.y = cy + radius * Math.sin(angle);
    });
  }
}

interface Legend {
  svg: string;
  height: number;
}

function legend(figure: PartnerMap, tr: Translator, top: number, counts: Map<TieStyle, number>): Legend {
  const present = ORDER.filter((style) => counts.has(style));
  let x = MARGIN;
  let y = top;
  const parts: string[] = [];
  for (const style of present) {
    const label = styleLabel(style, figure, tr);
    const width = 34 + textWidth(label, LABEL_SIZE) + 22;
    if (x + width > WIDTH - MARGIN && x > MARGIN) {
      x = MARGIN;
      y += LINE + 4;
    }
    const { color, width: stroke, dash } = STYLES[style];
    parts.push(
      el('line', {
        x1: x,
        y1: y - 4,
        x2: x + 26,
        y2: y - 4,
        stroke: color,
        'stroke-width': stroke + 0.6,
        'stroke-dasharray': dash,
      }),
      el('circle', {
        cx: x + 26,
        cy: y - 4,
        r: PARTNER_RADIUS,
        fill: color,
        stroke: '#ffffff',
        'stroke-width': 1,
      }),
      text(x + 36, y, label, { size: LABEL_SIZE }),
    );
    x += width;
  }
  return { svg: parts.join(''), height: present.length === 0 ? 0 : y - top + LINE };
}

/** Lines under the map for the partners without coordinates; not more than this, the text answer lists them all. */
const UNPLACED_LINES = 2;

/** The lines under the map: the count by status, then the partners without coordinates. */
function captionLines(
  figure: PartnerMap,
  tr: Translator,
  counts: Map<TieStyle, number>,
): { main: string[]; unplaced: string[] } {
  const items = ORDER.filter((style) => counts.has(style)).map((style) =>
    tr.t('picture.map.countItem', { label: styleLabel(style, figure, tr), count: counts.get(style) }),
  );
  const main = [
    figure.ties.length === 0
      ? tr.t('picture.map.noneOnMap')
      : tr.t('picture.map.caption', { count: figure.ties.length, list: formatList(items, tr.lang) }),
    ...(figure.moreTies ? [notDrawn(figure, tr)] : []),
  ].flatMap((line) => wrap(line, WIDTH - 2 * MARGIN, CAPTION_SIZE));
  const { unplaced } = figure;
  const count = unplacedCount(figure);
  for (let shown = unplaced.length; shown > 0; shown--) {
    const names = unplaced.slice(0, shown);
    // "… and 11 more": the list supplies the "and".
    if (shown < count) names.push(tr.t('map.moreNames', { count: count - shown }));
    const lines = wrap(
      tr.t('picture.map.unplaced', { count, list: formatList(names, tr.lang) }),
      WIDTH - 2 * MARGIN,
      LABEL_SIZE,
    );
    if (lines.length <= UNPLACED_LINES) return { main, unplaced: lines };
  }
  return { main, unplaced: [] };
}

/** Every partner without coordinates, named in the figure or only counted. */
function unplacedCount(figure: PartnerMap): number {
  return figure.unplaced.length + (figure.moreUnplaced ?? 0);
}

/** "4,900 more partner cities with coordinates are not drawn: …": a hub's ties past those drawn. */
function notDrawn(figure: PartnerMap, tr: Translator): string {
  return tr.t('picture.map.notDrawn', { count: figure.moreTies ?? 0, shown: figure.ties.length });
}

/** Breaks text into lines no wider than `width` at spaces (CJK text, which has none, at any character). */
function wrap(content: string, width: number, size: number): string[] {
  const words = needsCjk(content) && !content.includes(' ') ? [...content] : content.split(' ');
  const joiner = needsCjk(content) && !content.includes(' ') ? '' : ' ';
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line}${joiner}${word}`;
    if (line !== '' && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Cuts a name to `width` with an ellipsis; the full name is in the text answer beside the picture. */
function fitWidth(content: string, width: number, size: number): string {
  if (textWidth(content, size) <= width) return content;
  let cut = [...content];
  while (cut.length > 1 && textWidth(`${cut.join('')}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.join('')}…`;
}

interface Layout {
  body: string;
  numbered: number;
}

function layout(
  figure: PartnerMap,
  tr: Translator,
  area: Box,
  withPanel: boolean,
  footerTop: number,
): Layout {
  const { projection, detail } = projectionFor(figure, area);
  // One decimal: a tenth of a pixel is finer than the picture shows, and keeps the SVG small and stable.
  const path = geoPath(projection).digits(1);
  const parts: string[] = [];

  // The land, drawn only for the layout that is kept (a crowded map is laid out twice).
  const base = () => {
    const { land, borders } = atlas(detail);
    const sea =
      detail === '110m'
        ? el('path', { d: path({ type: 'Sphere' }) ?? '', fill: '#e8f1f8' })
        : el('rect', { x: area.x, y: area.y, width: area.width, height: area.height, fill: '#e8f1f8' });
    // The projection clips to the sphere (world) or to the map area (region), so no SVG clip path is
    // needed: resvg renders one as a mask of the whole layer, which doubled the drawing time.
    return [
      sea,
      el('path', { d: path(land) ?? '', fill: '#f3efe6', stroke: 'none' }),
      el('path', { d: path(borders) ?? '', fill: 'none', stroke: '#cfc6b4', 'stroke-width': 0.6 }),
    ].join('');
  };

  const at = (place: MapPlace) => projection([place.lon, place.lat]) ?? [NaN, NaN];
  const [cityX, cityY] = at(figure.city);
  const partners: Point[] = figure.ties.map((tie) => {
    const [x, y] = at(tie.partner);
    return { place: tie.partner, style: tie.style, x, y };
  });
  spread(partners);

  // Ties under the dots, in force on top.
  const ties = [...partners].sort(
    (a, b) => ORDER.indexOf(b.style ?? 'listed') - ORDER.indexOf(a.style ?? 'listed'),
  );
  const lines = ties.map((point) => {
    const { color, width, dash } = STYLES[point.style ?? 'listed'];
    const d =
      path({
        type: 'LineString',
        coordinates: [
          [figure.city.lon, figure.city.lat],
          [point.place.lon, point.place.lat],
        ],
      }) ?? '';
    return el('path', {
      d,
      fill: 'none',
      stroke: color,
      'stroke-width': width,
      'stroke-dasharray': dash,
      'stroke-linecap': 'round',
    });
  });
  parts.push(lines.join(''));

  const dots = ties.map((point) => {
    const { color } = STYLES[point.style ?? 'listed'];
    return el('circle', {
      cx: point.x,
      cy: point.y,
      r: PARTNER_RADIUS,
      fill: color,
      stroke: '#ffffff',
      'stroke-width': 1.2,
    });
  });
  dots.push(
    el('circle', { cx: cityX, cy: cityY, r: CITY_RADIUS + 2, fill: '#ffffff' }),
    el('circle', {
      cx: cityX,
      cy: cityY,
      r: CITY_RADIUS,
      fill: '#1a1a1a',
      stroke: '#ffffff',
      'stroke-width': 2,
    }),
  );
  parts.push(dots.join(''));

  // Labels: the city first, then partners in force, then the rest; by name within a status.
  const labels = new LabelLayout(
    { x: area.x + 2, y: area.y + 2, width: area.width - 4, height: area.height - 4 },
    [
      { x: cityX, y: cityY, radius: CITY_RADIUS + 2 },
      ...partners.map((p) => ({ x: p.x, y: p.y, radius: PARTNER_RADIUS })),
    ],
  );
  const collator = nameCollator(tr.lang);
  const labelParts: string[] = [];
  const put = (x: number, y: number, radius: number, name: string, size: number, bold: boolean) => {
    const width = textWidth(name, size, bold ? 'bold' : 'regular');
    const request = { x, y, radius, width: width + 2, height: size * 1.3 };
    const placed = labels.place(request);
    if (!placed) return false;
    if (placed.leader)
      labelParts.push(
        el('line', {
          x1: x,
          y1: y,
          x2: placed.leader.x,
          y2: placed.leader.y,
          stroke: '#555555',
          'stroke-width': 0.8,
        }),
      );
    labelParts.push(
      text(placed.box.x + 1, placed.box.y + size * 1.02, name, {
        size,
        weight: bold ? 'bold' : 'regular',
        halo: true,
      }),
    );
    return true;
  };
  const placeCity = put(cityX, cityY, CITY_RADIUS + 2, figure.city.name, CITY_SIZE, true);
  if (!placeCity) {
    const forced = labels.force({
      x: cityX,
      y: cityY,
      radius: CITY_RADIUS + 2,
      width: textWidth(figure.city.name, CITY_SIZE, 'bold'),
      height: CITY_SIZE * 1.3,
    });
    labelParts.push(
      text(forced.box.x + 1, forced.box.y + CITY_SIZE * 1.02, figure.city.name, {
        size: CITY_SIZE,
        weight: 'bold',
        halo: true,
      }),
    );
  }
  const byPriority = [...partners].sort(
    (a, b) =>
      ORDER.indexOf(a.style ?? 'listed') - ORDER.indexOf(b.style ?? 'listed') ||
      collator.compare(a.place.name, b.place.name),
  );
  const unlabelled = byPriority.filter(
    (point) => !put(point.x, point.y, PARTNER_RADIUS, point.place.name, LABEL_SIZE, false),
  );
  if (unlabelled.length > 0 && !withPanel) return { body: '', numbered: unlabelled.length };

  // Partners whose names found no room get a number beside the dot, and the list at the right.
  unlabelled.sort((a, b) => collator.compare(a.place.name, b.place.name));
  const panelX = WIDTH - PANEL_WIDTH + 12;
  const panel: string[] = [];
  if (unlabelled.length > 0) {
    panel.push(text(panelX, area.y + 18, tr.t('picture.map.numbered'), { size: LABEL_SIZE, weight: 'bold' }));
  }
  const rows = Math.floor((footerTop - area.y - 40) / LINE);
  const shown = unlabelled.length > rows ? rows - 1 : unlabelled.length;
  unlabelled.forEach((point, i) => {
    const number = String(i + 1);
    const size = 11;
    const request = {
      x: point.x,
      y: point.y,
      radius: PARTNER_RADIUS,
      width: textWidth(number, size, 'bold') + 2,
      height: size * 1.25,
    };
    const placed = labels.place(request, [2, 12]) ?? labels.force(request);
    if (placed.leader)
      labelParts.push(
        el('line', {
          x1: point.x,
          y1: point.y,
          x2: placed.leader.x,
          y2: placed.leader.y,
          stroke: '#555555',
          'stroke-width': 0.7,
        }),
      );
    labelParts.push(
      text(placed.box.x + 1, placed.box.y + size * 1.02, number, { size, weight: 'bold', halo: true }),
    );
    if (i < shown) {
      const y = area.y + 18 + LINE * (i + 1);
      panel.push(
        text(panelX + 24, y, number, { size: 12, weight: 'bold', anchor: 'end' }),
        text(panelX + 32, y, fitWidth(point.place.name, PANEL_WIDTH - 56, 12), { size: 12 }),
      );
    }
  });
  if (shown < unlabelled.length) {
    panel.push(
      text(
        panelX + 32,
        area.y + 18 + LINE * (shown + 1),
        tr.t('picture.map.more', { count: unlabelled.length - shown }),
        {
          size: 12,
          fill: '#555555',
        },
      ),
    );
  }
  parts.push(labelParts.join(''), panel.join(''));
  return { body: base() + parts.join(''), numbered: unlabelled.length };
}

export function drawMap(figure: PartnerMap, tr: Translator): Drawing {
  const counts = new Map<TieStyle, number>();
  for (const tie of figure.ties) counts.set(tie.style, (counts.get(tie.style) ?? 0) + 1);

  const title = tr.t('picture.map.title', { city: figure.city.name });
  const caption = captionLines(figure, tr, counts);
  // The footer from the bottom up: legend rows, then the caption lines above them.
  const legendProbe = legend(figure, tr, 0, counts);
  const lines = [...caption.main, ...caption.unplaced];
  const footerTop = HEIGHT - MARGIN - legendProbe.height - lines.length * LINE - 8;
  const mapTop = MARGIN + TITLE_SIZE + 14;
  const full: Box = { x: 0, y: mapTop, width: WIDTH, height: footerTop - mapTop };
  let drawn = layout(figure, tr, full, false, footerTop);
  if (drawn.body === '') {
    // Some names found no room: a narrower map, and the list of numbered partners at its right.
    const narrow = { ...full, width: WIDTH - PANEL_WIDTH };
    drawn = layout(figure, tr, narrow, true, footerTop);
    // On the smaller map every name found room after all: the same map, centred, without the list.
    if (drawn.numbered === 0) drawn = layout(figure, tr, { ...narrow, x: PANEL_WIDTH / 2 }, true, footerTop);
  }

  const footer: string[] = [];
  lines.forEach((line, i) => {
    const main = i < caption.main.length;
    footer.push(
      text(MARGIN, footerTop + 22 + i * LINE, line, {
        size: main ? CAPTION_SIZE : LABEL_SIZE,
        fill: main ? '#1a1a1a' : '#444444',
      }),
    );
  });
  const legendTop = footerTop + 22 + lines.length * LINE + 4;
  footer.push(legend(figure, tr, legendTop, counts).svg);

  const body = [
    text(MARGIN, MARGIN + TITLE_SIZE * 0.85, title, { size: TITLE_SIZE, weight: 'bold' }),
    drawn.body,
    ...footer,
  ].join('');
  const allText = [
    title,
    ...lines,
    figure.city.name,
    ...figure.ties.map((t) => t.partner.name),
    ...figure.unplaced,
  ].join('');
  const alt = mapAlt(figure, tr, counts);
  return {
    svg: svgDocument(WIDTH, HEIGHT, fontFamily(tr.lang), alt, body),
    width: WIDTH,
    height: HEIGHT,
    alt,
    fileName: fileNameOf('map', [figure.city.id]),
    cjk: needsCjk(allText),
  };
}

/** The alt text says in full what the caption may shorten: every count, every partner not placed. */
function mapAlt(figure: PartnerMap, tr: Translator, counts: Map<TieStyle, number>): string {
  const items = ORDER.filter((style) => counts.has(style)).map((style) =>
    tr.t('picture.map.countItem', { label: styleLabel(style, figure, tr), count: counts.get(style) }),
  );
  const sentences = [
    figure.ties.length === 0
      ? tr.t('picture.map.noneOnMap')
      : tr.t('picture.map.caption', { count: figure.ties.length, list: formatList(items, tr.lang) }),
  ];
  if (figure.moreTies) sentences.push(notDrawn(figure, tr));
  if (figure.unplaced.length > 0) {
    const count = unplacedCount(figure);
    const names = figure.moreUnplaced
      ? [...figure.unplaced, tr.t('map.moreNames', { count: figure.moreUnplaced })]
      : figure.unplaced;
    sentences.push(tr.t('picture.map.unplaced', { count, list: formatList(names, tr.lang) }));
  }
  // The caption's lines are headings without a full stop; in the alt text they are sentences.
  const cjk = tr.lang === 'ja' || tr.lang === 'zh-Hans';
  const [stop, space] = cjk ? ['。', ''] : ['.', ' '];
  const intro = tr.t('picture.map.alt', { city: figure.city.name, count: figure.ties.length });
  return [intro, ...sentences.map((sentence) => `${sentence.replace(/[.。]$/, '')}${stop}`)].join(space);
}
