import { defineCommand } from '../src/core/command.ts';
import type { AnniversaryChart } from '../src/core/figure.ts';
import { answer, problem, type Row } from '../src/core/reply.ts';
import { formatFuzzyDateIso } from '../src/domain/fuzzy-date.ts';

/** How far from today a chart may look, back for a report or ahead for planning. */
export const CHART_YEARS = 100;

export const anniversariesChart = defineCommand({
  name: 'anniversaries chart',
  args: [{ name: 'year', kind: 'text', required: false, maxLength: 10 }],
  examples: ['anniversaries chart', 'anniversaries chart 2027'],
  permission: 'everyone',
  handler: ({ catalog, today, tr }, args) => {
    const first = today.year - CHART_YEARS;
    const last = today.year + CHART_YEARS;
    const typed = args.year?.trim();
    const year = typed === undefined ? today.year : /^\d{4}$/.test(typed) ? Number(typed) : Number.NaN;
    if (!(year >= first && year <= last)) {
      return problem(tr.t('anniversaryChart.badYear', { text: typed ?? '', first, last }), {
        field: 'year',
      });
    }
    // Counted from the index, month by month: no anniversary is built for a chart of thousands.
    const { months, yearOnly } = catalog.anniversaryTally(year);
    const total = months.reduce((sum, m) => sum + m.total, 0);
    const milestones = months.reduce((sum, m) => sum + m.milestones, 0);
    const figure: AnniversaryChart = { kind: 'anniversary-chart', year, months };
    const rows: Row[] = months.map((m) => ({
      text: [
        { date: formatFuzzyDateIso({ year, month: m.month }) },
        ` — ${tr.t('anniversaryChart.anniversaries', { count: m.total })}`,
      ],
      ...(m.milestones > 0 && { detail: tr.t('anniversaryChart.milestones', { count: m.milestones }) }),
    }));
    return answer({
      title: tr.t('anniversaryChart.title', { year }),
      text: [
        tr.t('anniversaryChart.total', { count: total, year }),
        ...(milestones > 0 ? [' ', tr.t('anniversaryChart.milestoneTotal', { count: milestones })] : []),
        ...(yearOnly > 0 ? [' ', tr.t('anniversaryChart.yearOnly', { count: yearOnly, year })] : []),
      ],
      sections: [{ rows }],
      footer: tr.t('anniversaryChart.footer'),
      figure,
    });
  },
});
