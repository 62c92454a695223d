import { defineCommand } from '../src/core/command.ts';
import { shortCityLabel, typeLabel } from '../src/core/describe.ts';
import { answer, type Row, type Section } from '../src/core/reply.ts';
import { defaultWindow } from '../src/core/window.ts';
import {
  type Anniversary,
  anniversaryDate,
  anniversaryStart,
  findAnniversaries,
} from '../src/domain/anniversary.ts';
import { deriveStatus } from '../src/domain/status.ts';
import { ordinal, plural } from '../src/render/dates.ts';
import type { Catalog } from '../src/store/catalog.ts';

export const anniversaries = defineCommand({
  name: 'anniversaries',
  summary: 'Partnership anniversaries in a period (default: the next 30 days), milestone years flagged',
  args: [
    {
      name: 'period',
      kind: 'window',
      description: 'a period: next N days, YYYY, YYYY-MM, this month, next year',
      required: false,
    },
  ],
  examples: ['anniversaries', 'anniversaries next 60 days', 'anniversaries 2027', 'anniversaries 2026-10'],
  permission: 'everyone',
  handler: ({ catalog, today }, { period }) => {
    const window = period ?? defaultWindow(today);
    const found = findAnniversaries(
      catalog.anniversaryCandidates(window),
      window,
      catalog.data.settings.feb29,
    );
    const sections: Section[] = [{ rows: found.dated.map((a) => row(a, catalog)) }];
    if (found.yearOnly.length > 0) {
      const years = [...new Set(found.yearOnly.map((a) => a.year))].join(' and ');
      sections.push({
        heading: window.wholeYears
          ? 'Day and month not recorded'
          : `Also in ${years}, day and month not recorded`,
        rows: found.yearOnly.map((a) => row(a, catalog)),
      });
    }
    const count = found.dated.length + (window.wholeYears ? found.yearOnly.length : 0);
    return answer({
      title: `Anniversaries in ${window.label}`,
      text:
        count === 0
          ? 'No anniversaries of partnerships in force fall in this period.'
          : plural(count, 'anniversary').replace(/ys$/, 'ies'),
      sections,
      footer:
        'Only partnerships in force (or disputed) on the day are listed. A month or year alone means the day was not recorded.',
    });
  },
});

/** "3 June 2017 — 50th: Paderborn – Le Mans (twin town) ★ milestone year" */
function row(a: Anniversary, catalog: Catalog): Row {
  const pair = a.partnership.cities.map((id) => {
    const city = catalog.city(id);
    return city ? shortCityLabel(city, catalog) : id;
  });
  const disputed =
    deriveStatus(a.partnership, anniversaryStart(a)).status === 'disputed' ? ' (disputed)' : '';
  return {
    text: [
      { date: anniversaryDate(a) },
      ` — ${ordinal(a.number)}: ${pair.join(' – ')} (${typeLabel(a.partnership.type)})${disputed}`,
      a.milestoneYear ? ' ★ milestone year' : '',
    ],
    detail: ['counted from ', { date: a.from.date }],
  };
}
