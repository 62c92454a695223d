import type { AgreementTimeline } from '../../core/figure.ts';
import { type FuzzyDate, fuzzyDateParts } from '../../domain/fuzzy-date.ts';
import { formatList, type Translator } from '../../i18n/translator.ts';
import { formatFuzzyDate } from '../dates.ts';
import { fontFamily, needsCjk, textWidth } from './fonts.ts';
import type { Drawing } from './picture.ts';
import { el, fileNameOf, svgDocument, text } from './svg.ts';

const WIDTH = 1200;
const MARGIN = 40;
const TITLE_SIZE = 22;
const LABEL_SIZE = 13;
const ROW = 44;
/** The colours of the acting side: the first city, the second, both together. */
const SIDE_COLORS = ['#0b5fa5', '#d55e00', '#3d3d3d'] as const;

/** A date as a stretch of time in years: a day is a point, a month or a year its whole length. */
function span(date: FuzzyDate): { from: number; to: number; point: boolean } {
  const { year, month, day } = fuzzyDateParts(date);
  if (month === undefined) return { from: year, to: year + 1, point: false };
  const monthStart = year + (month - 1) / 12;
  if (day === undefined) return { from: monthStart, to: monthStart + 1 / 12, point: false };
  const at = monthStart + (day - 1) / (12 * 31);
  return { from: at, to: at, point: true };
}

/** Year ticks at a round step, at most about twelve. */
function ticks(from: number, to: number): number[] {
  const length = to - from;
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((s) => length / s <= 12) ?? 1000;
  const out: number[] = [];
  for (let year = Math.ceil(from / step) * step; year <= to; year += step) out.push(year);
  return out;
}

function eventLabel(
  milestone: AgreementTimeline['milestones'][number],
  figure: AgreementTimeline,
  tr: Translator,
): string {
  const act = tr.t(`milestone.${milestone.kind}`);
  return milestone.side === undefined
    ? act
    : tr.t('picture.timeline.by', { act, city: figure.cities[milestone.side] });
}

export function drawTimeline(figure: AgreementTimeline, tr: Translator): Drawing {
  const [a, b] = figure.cities;
  const title = tr.t('picture.timeline.title', { a, b });
  const spans = figure.milestones.map((m) => span(m.date));
  const today = span(figure.today).from;
  const first = Math.min(today, ...spans.map((s) => s.from));
  const last = Math.max(today, ...spans.map((s) => s.to));
  const padding = Math.max(1, (last - first) * 0.04);
  const start = Math.floor(first - padding);
  const end = Math.ceil(last + padding);
  const left = MARGIN + 10;
  const right = WIDTH - MARGIN - 10;
  const x = (year: number) => left + ((year - start) / (end - start)) * (right - left);

  // Each label takes the lowest row where it does not run into the label before it.
  const rowsEnd: number[] = [];
  const placed = figure.milestones.map((milestone, i) => {
    const s = spans[i] as { from: number; to: number; point: boolean };
    const date = formatFuzzyDate(milestone.date, tr.lang);
    const event = eventLabel(milestone, figure, tr);
    const width = Math.max(textWidth(date, LABEL_SIZE, 'bold'), textWidth(event, LABEL_SIZE)) + 12;
    const anchorX = x((s.from + s.to) / 2);
    const labelX = Math.min(Math.max(anchorX - 6, MARGIN), WIDTH - MARGIN - width);
    let row = rowsEnd.findIndex((endX) => endX <= labelX);
    if (row === -1) row = rowsEnd.length;
    rowsEnd[row] = labelX + width;
    return { milestone, span: s, date, event, labelX, anchorX, row };
  });

  const rows = Math.max(1, rowsEnd.length);
  const top = MARGIN + TITLE_SIZE + 40;
  const axisY = top + rows * ROW + 16;
  const height = axisY + 110;

  const parts: string[] = [
    text(MARGIN, MARGIN + TITLE_SIZE * 0.85, title, { size: TITLE_SIZE, weight: 'bold' }),
  ];
  // The axis and its year ticks.
  parts.push(
    el('line', { x1: left, y1: axisY, x2: right, y2: axisY, stroke: '#444444', 'stroke-width': 1.5 }),
  );
  for (const year of ticks(start, end)) {
    parts.push(
      el('line', {
        x1: x(year),
        y1: axisY,
        x2: x(year),
        y2: axisY + 6,
        stroke: '#444444',
        'stroke-width': 1,
      }),
      text(x(year), axisY + 22, formatFuzzyDate(String(year).padStart(4, '0'), tr.lang), {
        size: 12,
        anchor: 'middle',
        fill: '#444444',
      }),
    );
  }
  // Today, where the record ends.
  parts.push(
    el('line', {
      x1: x(today),
      y1: top - 10,
      x2: x(today),
      y2: axisY,
      stroke: '#999999',
      'stroke-width': 1,
      'stroke-dasharray': '3 3',
    }),
    text(x(today), top - 16, tr.t('picture.timeline.today'), { size: 12, anchor: 'middle', fill: '#666666' }),
  );
  for (const { milestone, span: s, date, event, labelX, anchorX, row } of placed) {
    const color = SIDE_COLORS[milestone.side ?? 2];
    const labelY = top + row * ROW;
    parts.push(
      el('line', {
        x1: anchorX,
        y1: labelY + 30,
        x2: anchorX,
        y2: axisY - 7,
        stroke: color,
        'stroke-width': 1,
      }),
    );
    parts.push(
      s.point
        ? el('circle', { cx: anchorX, cy: axisY, r: 6, fill: color, stroke: '#ffffff', 'stroke-width': 1.5 })
        : el('rect', {
            x: x(s.from),
            y: axisY - 6,
            width: Math.max(4, x(s.to) - x(s.from)),
            height: 12,
            rx: 3,
            fill: color,
            'fill-opacity': 0.75,
          }),
    );
    parts.push(
      text(labelX, labelY + 12, date, { size: LABEL_SIZE, weight: 'bold', fill: color, halo: true }),
      text(labelX, labelY + 28, event, { size: LABEL_SIZE, halo: true }),
    );
  }
  if (figure.milestones.length === 0) {
    parts.push(
      text(WIDTH / 2, top + 20, tr.t('picture.timeline.none'), {
        size: 14,
        anchor: 'middle',
        fill: '#666666',
      }),
    );
  }
  // The legend: who acted (colours), and how dates known only to the month or year are drawn.
  const legendY = axisY + 60;
  const keys: { swatch: string; label: string }[] = [
    { swatch: SIDE_COLORS[0], label: a },
    { swatch: SIDE_COLORS[1], label: b },
    { swatch: SIDE_COLORS[2], label: tr.t('picture.timeline.both') },
  ];
  let lx = MARGIN;
  for (const key of keys) {
    parts.push(
      el('circle', { cx: lx + 6, cy: legendY - 4, r: 6, fill: key.swatch }),
      text(lx + 18, legendY, key.label, { size: LABEL_SIZE }),
    );
    lx += 18 + textWidth(key.label, LABEL_SIZE) + 24;
  }
  parts.push(
    el('rect', {
      x: lx,
      y: legendY - 10,
      width: 26,
      height: 12,
      rx: 3,
      fill: '#3d3d3d',
      'fill-opacity': 0.75,
    }),
    text(lx + 34, legendY, tr.t('picture.timeline.spanKey'), { size: LABEL_SIZE }),
  );

  const items = placed.map((p) => tr.t('picture.timeline.item', { date: p.date, event: p.event }));
  const alt = tr.t('picture.timeline.alt', {
    a,
    b,
    count: figure.milestones.length,
    list: formatList(items, tr.lang),
  });
  return {
    svg: svgDocument(WIDTH, height, fontFamily(tr.lang), parts.join('')),
    width: WIDTH,
    height,
    alt,
    fileName: fileNameOf('timeline', [a, b]),
    cjk: needsCjk([title, ...items, a, b, tr.t('picture.timeline.spanKey')].join('')),
  };
}
