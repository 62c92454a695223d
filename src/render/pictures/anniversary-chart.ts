import type { AnniversaryChart } from '../../core/figure.ts';
import { intlLocale } from '../../i18n/languages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { monthName } from '../dates.ts';
import { fontFamily, needsCjk, textWidth } from './fonts.ts';
import type { Drawing } from './picture.ts';
import { el, fileNameOf, svgDocument, text } from './svg.ts';

const WIDTH = 1200;
const HEIGHT = 620;
const MARGIN = 40;
const TITLE_SIZE = 22;
const OTHER = '#8fb8de';
const MILESTONE = '#d55e00';

/** "Jan", "Jän.", "janv.", "1月": the month's short name on the axis, from Intl. */
function shortMonth(month: number, locale: string): string {
  const date = new Date(Date.UTC(2000, month - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(date);
}

/** A round step for the count axis, so that it has at most about six ticks. */
function step(max: number): number {
  return [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => max / s <= 6) ?? Math.ceil(max / 6);
}

export function drawAnniversaryChart(figure: AnniversaryChart, tr: Translator): Drawing {
  const locale = intlLocale(tr.lang);
  const numbers = new Intl.NumberFormat(locale);
  const title = tr.t('picture.chart.title', { year: String(figure.year) });
  const total = figure.months.reduce((sum, m) => sum + m.total, 0);
  const milestones = figure.months.reduce((sum, m) => sum + m.milestones, 0);

  const plotTop = MARGIN + TITLE_SIZE + 56;
  const plotBottom = HEIGHT - 90;
  const left = MARGIN + 40;
  const right = WIDTH - MARGIN;
  const max = Math.max(1, ...figure.months.map((m) => m.total));
  const tick = step(max);
  const top = Math.ceil(max / tick) * tick;
  const y = (count: number) => plotBottom - (count / top) * (plotBottom - plotTop);

  const parts: string[] = [
    text(MARGIN, MARGIN + TITLE_SIZE * 0.85, title, { size: TITLE_SIZE, weight: 'bold' }),
  ];
  parts.push(
    text(MARGIN, MARGIN + TITLE_SIZE + 18, tr.t('picture.chart.subtitle', { count: total, milestones }), {
      size: 14,
      fill: '#444444',
    }),
  );
  for (let count = 0; count <= top; count += tick) {
    parts.push(
      el('line', {
        x1: left,
        y1: y(count),
        x2: right,
        y2: y(count),
        stroke: count === 0 ? '#444444' : '#e2e2e2',
        'stroke-width': 1,
      }),
      text(left - 8, y(count) + 4, numbers.format(count), { size: 12, anchor: 'end', fill: '#555555' }),
    );
  }
  const slot = (right - left) / 12;
  const barWidth = slot * 0.62;
  figure.months.forEach((month, i) => {
    const x = left + slot * i + (slot - barWidth) / 2;
    const others = month.total - month.milestones;
    if (others > 0) {
      parts.push(
        el('rect', {
          x,
          y: y(month.total),
          width: barWidth,
          height: y(month.milestones) - y(month.total),
          fill: OTHER,
        }),
      );
    }
    if (month.milestones > 0) {
      parts.push(
        el('rect', {
          x,
          y: y(month.milestones),
          width: barWidth,
          height: plotBottom - y(month.milestones),
          fill: MILESTONE,
        }),
      );
    }
    if (month.total > 0) {
      parts.push(
        text(x + barWidth / 2, y(month.total) - 6, numbers.format(month.total), {
          size: 13,
          weight: 'bold',
          anchor: 'middle',
        }),
      );
    }
    parts.push(
      text(x + barWidth / 2, plotBottom + 20, shortMonth(month.month, locale), {
        size: 13,
        anchor: 'middle',
      }),
    );
  });
  const legendY = HEIGHT - 36;
  const milestoneKey = tr.t('picture.chart.milestoneKey');
  const otherKey = tr.t('picture.chart.otherKey');
  parts.push(
    el('rect', { x: MARGIN, y: legendY - 11, width: 14, height: 14, fill: MILESTONE }),
    text(MARGIN + 20, legendY, milestoneKey, { size: 13 }),
  );
  const otherX = MARGIN + 20 + textWidth(milestoneKey, 13) + 28;
  parts.push(
    el('rect', { x: otherX, y: legendY - 11, width: 14, height: 14, fill: OTHER }),
    text(otherX + 20, legendY, otherKey, { size: 13 }),
  );

  const busiest = figure.months.reduce(
    (best, m) => (m.total > best.total ? m : best),
    figure.months[0] ?? { month: 1, total: 0, milestones: 0 },
  );
  const alt =
    total === 0
      ? tr.t('picture.chart.altNone', { year: String(figure.year) })
      : tr.t('picture.chart.alt', {
          year: String(figure.year),
          count: total,
          milestones,
          month: monthName(busiest.month, tr.lang),
          busiest: busiest.total,
        });
  return {
    svg: svgDocument(WIDTH, HEIGHT, fontFamily(tr.lang), parts.join('')),
    width: WIDTH,
    height: HEIGHT,
    alt,
    fileName: fileNameOf('anniversaries', [String(figure.year)]),
    cjk: needsCjk(
      [title, milestoneKey, otherKey, ...figure.months.map((m) => shortMonth(m.month, locale))].join(''),
    ),
  };
}
